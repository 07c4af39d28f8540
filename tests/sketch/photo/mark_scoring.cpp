#include "mark_scoring.hpp"

#include <boost/geometry.hpp>
#include <cmath>
#include <sstream>

namespace wijkatlas::test {
namespace {

namespace bg = boost::geometry;

geo::MultiPolygon buffered(const geo::MultiLineString& lines, double distance) {
  const bg::strategy::buffer::distance_symmetric<double> d(distance);
  const bg::strategy::buffer::side_straight side;
  const bg::strategy::buffer::join_round join(16);
  const bg::strategy::buffer::end_round end(16);
  const bg::strategy::buffer::point_circle circle(16);
  geo::MultiPolygon out;
  bg::buffer(lines, out, d, side, join, end, circle);
  return out;
}

double iou(const geo::MultiPolygon& a, const geo::MultiPolygon& b) {
  geo::MultiPolygon inter, uni;
  bg::intersection(a, b, inter);
  bg::union_(a, b, uni);
  const double u = static_cast<double>(bg::area(uni));
  return u > 0 ? static_cast<double>(bg::area(inter)) / u : 0;
}

// Points every `step` metres along a set of lines (or rings).
std::vector<geo::Point> samples(const geo::MultiLineString& lines, double step) {
  std::vector<geo::Point> out;
  for (const auto& l : lines) {
    for (std::size_t i = 0; i + 1 < l.size(); ++i) {
      const double len = bg::distance(l[i], l[i + 1]);
      const int n = std::max(1, static_cast<int>(len / step));
      for (int k = 0; k < n; ++k) {
        const double t = static_cast<double>(k) / n;
        out.emplace_back(l[i].x() + t * (l[i + 1].x() - l[i].x()),
                         l[i].y() + t * (l[i + 1].y() - l[i].y()));
      }
    }
  }
  return out;
}

geo::MultiLineString boundary(const geo::MultiPolygon& polys) {
  geo::MultiLineString out;
  for (const auto& p : polys) {
    out.emplace_back(p.outer().begin(), p.outer().end());
    for (const auto& r : p.inners()) out.emplace_back(r.begin(), r.end());
  }
  return out;
}

struct Compared {
  double iou = 0;
  std::vector<double> errors;
};

Compared compare(const DrawnMark& d, const sketch::InkMark& r, double m_per_mm) {
  Compared c;
  if (d.kind == sketch::MarkKind::point) {
    const auto* p = std::get_if<geo::Point>(&r.geometry);
    if (p) c.errors.push_back(bg::distance(*p, std::get<geo::Point>(d.truth)));
    c.iou = 1;
    return c;
  }
  if (d.kind == sketch::MarkKind::area) {
    const auto& truth = std::get<geo::MultiPolygon>(d.truth);
    const auto* got = std::get_if<geo::MultiPolygon>(&r.geometry);
    if (!got) return c;
    c.iou = iou(truth, *got);
    const geo::MultiLineString edge = boundary(*got);
    for (const geo::Point& s : samples(boundary(truth), 2.0))
      c.errors.push_back(bg::distance(s, edge));
    return c;
  }
  const auto& truth = std::get<geo::MultiLineString>(d.truth);
  const auto* got = std::get_if<geo::MultiLineString>(&r.geometry);
  if (!got) return c;
  const double half = d.stroke_mm / 2 * m_per_mm;
  c.iou = iou(buffered(truth, half), buffered(*got, half));
  for (const geo::Point& s : samples(truth, 2.0)) c.errors.push_back(bg::distance(s, *got));
  return c;
}

double distance(const geo::Geometry& a, const geo::Geometry& b) {
  return bg::distance(bg::return_centroid<geo::Point>(geo::envelope(a)),
                      bg::return_centroid<geo::Point>(geo::envelope(b)));
}

}  // namespace

Score score(const std::vector<DrawnMark>& drawn, const std::vector<sketch::InkMark>& read,
            double m_per_mm) {
  Score s;
  std::vector<bool> used(read.size(), false);
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    MarkScore ms;
    ms.truth_index = i;
    // The nearest unused read mark of the same category and kind.
    double best = 1e18;
    for (std::size_t j = 0; j < read.size(); ++j) {
      if (used[j] || read[j].category != drawn[i].category || read[j].kind != drawn[i].kind)
        continue;
      const double dist = distance(drawn[i].truth, read[j].geometry);
      if (dist < best && dist < 30 * m_per_mm) {
        best = dist;
        ms.read_index = static_cast<int>(j);
      }
    }
    if (ms.read_index >= 0) {
      used[static_cast<std::size_t>(ms.read_index)] = true;
      const Compared c = compare(drawn[i], read[static_cast<std::size_t>(ms.read_index)], m_per_mm);
      ms.iou = c.iou;
      double local = 0;
      for (const double e : c.errors) {
        local += e * e;
        sum += e * e;
        ++n;
      }
      ms.rms_m = c.errors.empty() ? 0 : std::sqrt(local / static_cast<double>(c.errors.size()));
      if (drawn[i].kind != sketch::MarkKind::point) s.min_iou = std::min(s.min_iou, ms.iou);
    } else {
      s.min_iou = 0;
    }
    s.marks.push_back(ms);
  }
  for (const bool u : used) s.unmatched_read += u ? 0 : 1;
  s.rms_m = n > 0 ? std::sqrt(sum / static_cast<double>(n)) : 0;
  return s;
}

std::string Score::report() const {
  std::ostringstream out;
  out.precision(3);
  for (const MarkScore& m : marks) {
    out << "  drawn #" << m.truth_index << ": read #" << m.read_index << " IoU " << m.iou << " RMS "
        << m.rms_m << " m\n";
  }
  out << "  unmatched read marks: " << unmatched_read << ", min IoU " << min_iou << ", RMS "
      << rms_m << " m";
  return out.str();
}

}  // namespace wijkatlas::test
