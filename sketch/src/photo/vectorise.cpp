#include "vectorise.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <opencv2/ximgproc.hpp>

#include "confidence.hpp"
#include "skeleton_trace.hpp"

namespace wijkatlas::sketch::photo {
namespace {

namespace bg = boost::geometry;

struct Component {
  cv::Mat mask;      // CV_8U, the component alone, in its bounding box (+1 px border)
  cv::Point offset;  // page-image position of mask(0, 0)
  double ink_mm2 = 0;
};

// Thinning leaves the skeleton of a stroke an even number of pixels wide half a pixel off its
// middle. Each point is moved to halfway between the stroke's two edges, found across the line
// (perpendicular to the neighbouring points) at a quarter-pixel step.
void centre_across(const cv::Mat& mask, std::vector<cv::Point2f>& line) {
  if (line.size() < 3) return;
  const auto inside = [&](cv::Point2f p) {
    const int x = cvRound(p.x), y = cvRound(p.y);
    return x >= 0 && y >= 0 && x < mask.cols && y < mask.rows && mask.at<unsigned char>(y, x) != 0;
  };
  const std::vector<cv::Point2f> original = line;
  const float limit = static_cast<float>(std::max(mask.cols, mask.rows));
  for (std::size_t i = 1; i + 1 < original.size(); ++i) {
    cv::Point2f tangent =
        original[std::min(i + 2, original.size() - 1)] - original[i < 2 ? 0 : i - 2];
    const float length = std::hypot(tangent.x, tangent.y);
    if (length < 1e-3f) continue;
    const cv::Point2f normal(-tangent.y / length, tangent.x / length);
    const auto reach = [&](float sign) {
      float d = 0;
      while (d < limit && inside(original[i] + normal * (sign * (d + 0.25f)))) d += 0.25f;
      return d;
    };
    const float a = reach(1), b = reach(-1);
    if (a + b < limit) line[i] = original[i] + normal * ((a - b) / 2);
  }
}

class Builder {
 public:
  Builder(const RectifiedPage& page, const SheetInfo& sheet) : page_(page), sheet_(sheet) {}

  geo::Point world(cv::Point2d px, cv::Point offset) const {
    const cv::Point2d mm = page_.to_page(px + cv::Point2d(offset));
    return page_to_world(sheet_, mm.x, mm.y);
  }

  geo::Ring ring(const std::vector<cv::Point>& contour, cv::Point offset,
                 double tolerance_mm) const {
    std::vector<cv::Point> simple;
    cv::approxPolyDP(contour, simple, tolerance_mm * page_.px_per_mm, true);
    geo::Ring r;
    for (const cv::Point& p : simple) r.push_back(world(p, offset));
    if (!r.empty()) r.push_back(r.front());
    return r;
  }

  // Polygons from a mask: outer contours with their large holes.
  geo::MultiPolygon polygons(const cv::Mat& mask, cv::Point offset, double tolerance_mm,
                             double hole_min_mm2) const {
    std::vector<std::vector<cv::Point>> contours;
    std::vector<cv::Vec4i> hierarchy;
    cv::findContours(mask, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_NONE);
    geo::MultiPolygon out;
    const double px2 = page_.px_per_mm * page_.px_per_mm;
    for (std::size_t i = 0; i < contours.size(); ++i) {
      if (hierarchy[i][3] >= 0) continue;  // holes are added to their outer ring below
      if (cv::contourArea(contours[i]) / px2 < 1) continue;
      geo::Polygon poly;
      poly.outer() = ring(contours[i], offset, tolerance_mm);
      for (int h = hierarchy[i][2]; h >= 0; h = hierarchy[static_cast<std::size_t>(h)][0]) {
        const auto& hole = contours[static_cast<std::size_t>(h)];
        if (cv::contourArea(hole) / px2 >= hole_min_mm2)
          poly.inners().push_back(ring(hole, offset, tolerance_mm));
      }
      if (poly.outer().size() >= 4) out.push_back(std::move(poly));
    }
    bg::correct(out);
    return out;
  }

  geo::MultiLineString lines(const cv::Mat& mask, cv::Point offset, double stroke_mm,
                             double tolerance_mm) const {
    cv::Mat skeleton;
    cv::ximgproc::thinning(mask, skeleton, cv::ximgproc::THINNING_ZHANGSUEN);
    geo::MultiLineString out;
    const double spur_px = std::max(1.0, stroke_mm) * page_.px_per_mm;
    for (const TracedLine& t : trace_skeleton(skeleton)) {
      const double length = cv::arcLength(t.points, false);
      // Spurs: thinning grows short side branches where a stroke bulges; a branch shorter than
      // the stroke is wide ending in nothing is one of those.
      if (t.free_end && length < spur_px && t.points.size() < 1000) continue;
      if (length < 0.5 * page_.px_per_mm) continue;
      // Skeleton pixels sit up to half a pixel off the stroke's centre; a short moving average
      // takes that staircase out before simplifying.
      std::vector<cv::Point2f> smooth;
      const int n = static_cast<int>(t.points.size());
      const int half_window = std::min(2, (n - 1) / 2);
      for (int i = 0; i < n; ++i) {
        const int a = std::max(0, i - half_window), b = std::min(n - 1, i + half_window);
        const int w = std::min(i - a, b - i);  // symmetric window, so the ends stay put
        cv::Point2f sum(0, 0);
        for (int j = i - w; j <= i + w; ++j)
          sum += cv::Point2f(t.points[static_cast<std::size_t>(j)]);
        smooth.push_back(sum / static_cast<float>(2 * w + 1));
      }
      centre_across(mask, smooth);
      std::vector<cv::Point2f> simple;
      cv::approxPolyDP(smooth, simple, tolerance_mm * page_.px_per_mm, false);
      geo::LineString l;
      for (const cv::Point2f& p : simple) l.push_back(world(cv::Point2d(p), offset));
      if (l.size() >= 2) out.push_back(std::move(l));
    }
    return out;
  }

 private:
  const RectifiedPage& page_;
  const SheetInfo& sheet_;
};

double confidence(const Component& c, const cv::Mat& hsv, InkCategory category,
                  double shape_clarity) {
  const cv::Rect box(c.offset, c.mask.size());
  const cv::Mat roi = hsv(box);
  int total = 0, core = 0;
  double saturation = 0;
  for (int y = 0; y < roi.rows; ++y) {
    for (int x = 0; x < roi.cols; ++x) {
      if (!c.mask.at<unsigned char>(y, x)) continue;
      const cv::Vec3b v = roi.at<cv::Vec3b>(y, x);
      ++total;
      if (hue_in(category, v[0], true)) ++core;
      saturation += v[1];
    }
  }
  if (total == 0) return 0;
  const double colour = static_cast<double>(core) / total;
  const double strength = std::clamp((saturation / total - 85.0) / 85.0, 0.0, 1.0);
  return mark_confidence(colour, strength, shape_clarity);
}

}  // namespace

std::vector<VectorMark> vectorise(const InkMasks& ink, const RectifiedPage& page,
                                  const SheetInfo& sheet, const Shape& shape) {
  const Builder build(page, sheet);
  const double ppmm = page.px_per_mm;
  const double px2 = ppmm * ppmm;
  std::vector<VectorMark> out;
  for (std::size_t ci = 0; ci < ink_categories.size(); ++ci) {
    const InkCategory category = ink_categories[ci];
    cv::Mat labels, stats, centroids;
    const int n =
        cv::connectedComponentsWithStats(ink.mask[ci], labels, stats, centroids, 8, CV_32S);
    for (int label = 1; label < n; ++label) {
      const double ink_mm2 = stats.at<int>(label, cv::CC_STAT_AREA) / px2;
      if (ink_mm2 < shape.min_ink_mm2) continue;
      const cv::Rect tight(
          stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP),
          stats.at<int>(label, cv::CC_STAT_WIDTH), stats.at<int>(label, cv::CC_STAT_HEIGHT));
      // One pixel of background around the component so contours and thinning see its edge.
      const cv::Rect box = cv::Rect(tight.x - 1, tight.y - 1, tight.width + 2, tight.height + 2) &
                           cv::Rect(0, 0, labels.cols, labels.rows);
      Component c;
      c.offset = box.tl();
      c.mask = (labels(box) == label);
      c.ink_mm2 = ink_mm2;

      std::vector<cv::Point> pts;
      cv::findNonZero(c.mask, pts);
      const cv::RotatedRect rect = cv::minAreaRect(pts);
      const double long_mm = std::max(rect.size.width, rect.size.height) / ppmm;

      // Holes: paper enclosed by this ink.
      std::vector<std::vector<cv::Point>> outer;
      cv::findContours(c.mask.clone(), outer, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
      cv::Mat filled = cv::Mat::zeros(c.mask.size(), CV_8U);
      cv::drawContours(filled, outer, -1, cv::Scalar(255), cv::FILLED);
      const double filled_mm2 = cv::countNonZero(filled) / px2;
      const double hole_mm2 = filled_mm2 - ink_mm2;

      cv::Mat dist;
      cv::distanceTransform(c.mask, dist, cv::DIST_L2, cv::DIST_MASK_PRECISE);
      double max_dist = 0;
      cv::minMaxLoc(dist, nullptr, &max_dist);
      const double widest_mm = 2 * max_dist / ppmm;

      VectorMark vm;
      vm.px_box = tight;
      InkMark& mark = vm.mark;
      mark.category = category;
      double clarity = 1;
      if (long_mm <= shape.point_max_mm) {
        mark.kind = MarkKind::point;
        const cv::Point2d centre(centroids.at<double>(label, 0), centroids.at<double>(label, 1));
        mark.geometry = build.world(centre, {0, 0});
        clarity = long_mm > 0.8 * shape.point_max_mm ? 0.6 : 1.0;
      } else if (hole_mm2 >= shape.hole_min_mm2 && hole_mm2 >= 0.25 * filled_mm2) {
        // A closed outline: the area it encloses, with the boundary on the stroke's centre line
        // (the outline filled, then shrunk by half the stroke width).
        mark.kind = MarkKind::area;
        cv::Mat skeleton;
        cv::ximgproc::thinning(c.mask, skeleton, cv::ximgproc::THINNING_ZHANGSUEN);
        const double half_stroke = cv::mean(dist, skeleton)[0];
        cv::Mat filled_dist;
        cv::distanceTransform(filled, filled_dist, cv::DIST_L2, cv::DIST_MASK_PRECISE);
        const cv::Mat area = filled_dist > half_stroke;
        mark.geometry =
            build.polygons(area, c.offset, shape.polygon_tolerance_mm, shape.hole_min_mm2);
        clarity = hole_mm2 >= 0.5 * filled_mm2 ? 1.0 : 0.7;
      } else if (widest_mm >= shape.filled_min_width_mm) {
        mark.kind = MarkKind::area;
        mark.geometry =
            build.polygons(c.mask, c.offset, shape.polygon_tolerance_mm, shape.hole_min_mm2);
        clarity = widest_mm >= 1.5 * shape.filled_min_width_mm ? 1.0 : 0.7;
      } else {
        mark.kind = MarkKind::line;
        const double stroke_mm = c.ink_mm2 / std::max(1.0, long_mm);
        mark.geometry = build.lines(c.mask, c.offset, stroke_mm, shape.line_tolerance_mm);
        clarity = widest_mm <= 0.7 * shape.filled_min_width_mm ? 1.0 : 0.7;
      }
      if (geo::is_empty(mark.geometry)) continue;
      if (const auto* mp = std::get_if<geo::MultiPolygon>(&mark.geometry))
        mark.area_m2 = static_cast<double>(bg::area(*mp));
      if (const auto* ml = std::get_if<geo::MultiLineString>(&mark.geometry))
        mark.length_m = static_cast<double>(bg::length(*ml));
      mark.confidence = confidence(c, ink.hsv, category, clarity);
      out.push_back(std::move(vm));
    }
  }
  return out;
}

}  // namespace wijkatlas::sketch::photo
