#include "drawn_marks.hpp"

#include <boost/geometry.hpp>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "synthetic_sheet.hpp"

namespace wijkatlas::test {
namespace {

using sketch::InkCategory;
using sketch::MarkKind;

constexpr int shift = 4;  // sub-pixel drawing precision (1/16 px)

cv::Point fixed(cv::Point2d mm, double k) {
  const cv::Point2d p = page_px(mm.x, mm.y, k);
  return {static_cast<int>(std::lround(p.x * (1 << shift))),
          static_cast<int>(std::lround(p.y * (1 << shift)))};
}

// Marker ink colours as a phone sees them on white paper (BGR).
cv::Scalar ink_colour(InkCategory c) {
  switch (c) {
    case InkCategory::probleem:
      return {50, 45, 220};
    case InkCategory::fijne_plek:
      return {80, 160, 35};
    case InkCategory::idee:
      return {205, 95, 40};
  }
  return {0, 0, 0};
}

// Multiplies ink onto the page through an anti-aliased coverage mask.
void apply_ink(cv::Mat& page, const cv::Mat& coverage, cv::Scalar colour) {
  for (int y = 0; y < page.rows; ++y) {
    const unsigned char* a = coverage.ptr<unsigned char>(y);
    cv::Vec3b* p = page.ptr<cv::Vec3b>(y);
    for (int x = 0; x < page.cols; ++x) {
      if (!a[x]) continue;
      const double alpha = a[x] / 255.0;
      for (int c = 0; c < 3; ++c) {
        const double f = 1 - alpha + alpha * colour[c] / 255.0;
        p[x][c] = cv::saturate_cast<unsigned char>(p[x][c] * f);
      }
    }
  }
}

geo::Geometry truth_of(const DrawnMark& m, const sketch::SheetInfo& s) {
  const auto w = [&](cv::Point2d p) { return sketch::page_to_world(s, p.x, p.y); };
  switch (m.kind) {
    case MarkKind::point:
      return w(m.page_mm.front());
    case MarkKind::line: {
      geo::LineString l;
      for (const auto& p : m.page_mm) l.push_back(w(p));
      return geo::MultiLineString{l};
    }
    case MarkKind::area: {
      geo::Polygon poly;
      for (const auto& p : m.page_mm) poly.outer().push_back(w(p));
      poly.outer().push_back(poly.outer().front());
      boost::geometry::correct(poly);
      return geo::MultiPolygon{poly};
    }
  }
  return {};
}

std::vector<cv::Point2d> blob(cv::Point2d c, double rx, double ry, double wobble, int n = 24) {
  std::vector<cv::Point2d> out;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * i / n;
    const double r = 1 + wobble * std::sin(3 * a + 0.7);
    out.push_back({c.x + rx * r * std::cos(a), c.y + ry * r * std::sin(a)});
  }
  return out;
}

DrawnMark mark(InkCategory c, MarkKind k, std::vector<cv::Point2d> pts, bool outline = false,
               double stroke = 2.5) {
  return DrawnMark{c, k, std::move(pts), outline, stroke, {}};
}

}  // namespace

std::vector<DrawnMark> standard_marks(const sketch::SheetInfo& s) {
  // Laid out for a 300 x 200 mm frame; other frames stretch the layout, not the marks.
  const double x0 = s.frame.x, y0 = s.frame.y, fx = s.frame.width / 300, fy = s.frame.height / 200;
  const auto at = [&](double x, double y) { return cv::Point2d(x0 + x * fx, y0 + y * fy); };
  std::vector<DrawnMark> marks{
      mark(InkCategory::probleem, MarkKind::area, blob(at(45, 40), 22, 15, 0.12)),
      mark(InkCategory::fijne_plek, MarkKind::area, blob(at(140, 55), 32, 22, 0.08), true),
      mark(InkCategory::idee, MarkKind::line,
           {at(20, 90), at(60, 100), at(100, 95), at(140, 120), at(175, 118)}),
      mark(InkCategory::probleem, MarkKind::point, {at(240, 30)}, false, 5),
      mark(InkCategory::fijne_plek, MarkKind::point, {at(265, 175)}, false, 2),  // a cross
      mark(InkCategory::idee, MarkKind::area, blob(at(235, 130), 20, 13, 0.1)),
      mark(InkCategory::probleem, MarkKind::line, {at(30, 170), at(80, 185), at(130, 160)}, false,
           2),
      mark(InkCategory::idee, MarkKind::point, {at(200, 185)}, false, 5),
      mark(InkCategory::probleem, MarkKind::area,
           {at(190, 150), at(215, 150), at(215, 175), at(190, 175)}, true, 2),
      mark(InkCategory::fijne_plek, MarkKind::line, {at(270, 60), at(285, 100), at(270, 140)},
           false, 3),
  };
  for (auto& m : marks) m.truth = truth_of(m, s);
  return marks;
}

std::vector<DrawnMark> many_marks(const sketch::SheetInfo& s, int count) {
  std::vector<DrawnMark> marks;
  const std::array<InkCategory, 3> cats{InkCategory::probleem, InkCategory::fijne_plek,
                                        InkCategory::idee};
  for (int i = 0; i < count; ++i) {
    const double cx = s.frame.x + 25 + (i % 5) * 60, cy = s.frame.y + 25 + (i / 5 % 4) * 48;
    const InkCategory c = cats[static_cast<std::size_t>(i % 3)];
    switch (i % 4) {
      case 0:
        marks.push_back(mark(c, MarkKind::area, blob({cx, cy}, 15, 10, 0.1)));
        break;
      case 1:
        marks.push_back(mark(c, MarkKind::area, blob({cx, cy}, 18, 12, 0.05), true));
        break;
      case 2:
        marks.push_back(mark(c, MarkKind::line, {{cx - 20, cy}, {cx, cy + 10}, {cx + 20, cy - 5}}));
        break;
      default:
        marks.push_back(mark(c, MarkKind::point, {{cx, cy}}, false, 5));
        break;
    }
  }
  for (auto& m : marks) m.truth = truth_of(m, s);
  return marks;
}

void draw_marks(cv::Mat& page, double k, const std::vector<DrawnMark>& marks) {
  for (const DrawnMark& m : marks) {
    cv::Mat cover(page.size(), CV_8U, cv::Scalar(0));
    std::vector<cv::Point> pts;
    for (const auto& p : m.page_mm) pts.push_back(fixed(p, k));
    const int stroke = std::max(1, static_cast<int>(std::lround(m.stroke_mm * k)));
    if (m.kind == MarkKind::area && !m.outline_only) {
      cv::fillPoly(cover, std::vector<std::vector<cv::Point>>{pts}, cv::Scalar(255), cv::LINE_AA,
                   shift);
    } else if (m.kind == MarkKind::area) {
      cv::polylines(cover, std::vector<std::vector<cv::Point>>{pts}, true, cv::Scalar(255), stroke,
                    cv::LINE_AA, shift);
    } else if (m.kind == MarkKind::line) {
      cv::polylines(cover, std::vector<std::vector<cv::Point>>{pts}, false, cv::Scalar(255), stroke,
                    cv::LINE_AA, shift);
    } else if (m.stroke_mm >= 4) {  // a dot
      cv::circle(cover, pts.front(), static_cast<int>(m.stroke_mm / 2 * k * (1 << shift)),
                 cv::Scalar(255), cv::FILLED, cv::LINE_AA, shift);
    } else {  // a cross, 8 mm arms
      const cv::Point2d c = m.page_mm.front();
      const int w = std::max(1, static_cast<int>(std::lround(2 * k)));
      cv::line(cover, fixed(c + cv::Point2d(-4, -4), k), fixed(c + cv::Point2d(4, 4), k),
               cv::Scalar(255), w, cv::LINE_AA, shift);
      cv::line(cover, fixed(c + cv::Point2d(-4, 4), k), fixed(c + cv::Point2d(4, -4), k),
               cv::Scalar(255), w, cv::LINE_AA, shift);
    }
    apply_ink(page, cover, ink_colour(m.category));
  }
}

void draw_handwriting(cv::Mat& page, double k, const sketch::SheetInfo& s) {
  // Placed relative to the frame like standard_marks(): across a red stroke, beside a blue dot,
  // around part of a red area, an arrow between marks.
  const double fx = s.frame.width / 300, fy = s.frame.height / 200;
  const auto p = [&](double x, double y) {
    return cv::Point(static_cast<int>((s.frame.x + x * fx) * k),
                     static_cast<int>((s.frame.y + y * fy) * k));
  };
  const int pen = std::max(1, static_cast<int>(0.6 * k));
  const cv::Scalar black(30, 25, 25);
  cv::putText(page, "hier te hard gereden!", p(120, 194), cv::FONT_HERSHEY_SCRIPT_SIMPLEX,
              1.1 * k / 6, black, pen, cv::LINE_AA);
  cv::putText(page, "bankje?", p(225, 65), cv::FONT_HERSHEY_SCRIPT_SIMPLEX, 0.9 * k / 6, black, pen,
              cv::LINE_AA);
  cv::arrowedLine(page, p(220, 70), p(185, 100), cv::Scalar(20, 20, 20), pen, cv::LINE_AA, 0, 0.2);
  cv::ellipse(page, p(60, 45), cv::Size(static_cast<int>(14 * k), static_cast<int>(9 * k)), 10, 0,
              360, black, pen, cv::LINE_AA);
  cv::putText(page, "Fam. de Vries", p(15, 135), cv::FONT_HERSHEY_SCRIPT_SIMPLEX, 1.0 * k / 6,
              black, pen, cv::LINE_AA);
}

}  // namespace wijkatlas::test
