#include "wijkatlas/support/ogr_convert.hpp"

#include <boost/geometry.hpp>
#include <stdexcept>

namespace wijkatlas::support {
namespace {

template <typename Range>
void read_points(const OGRSimpleCurve& curve, Range& out) {
  const int n = curve.getNumPoints();
  out.reserve(out.size() + static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out.emplace_back(curve.getX(i), curve.getY(i));
}

Polygon read_polygon(const OGRPolygon& ogr) {
  Polygon polygon;
  if (const auto* ring = ogr.getExteriorRing()) read_points(*ring, polygon.outer());
  for (int i = 0; i < ogr.getNumInteriorRings(); ++i) {
    polygon.inners().emplace_back();
    read_points(*ogr.getInteriorRing(i), polygon.inners().back());
  }
  return polygon;
}

void append(const OGRGeometry& g, Geometry& out);

template <typename Multi>
Multi& as(Geometry& out) {
  if (std::holds_alternative<std::monostate>(out)) out = Multi{};
  if (auto* m = std::get_if<Multi>(&out)) return *m;
  throw std::invalid_argument("a geometry collection mixing points, lines and polygons");
}

void append(const OGRGeometry& g, Geometry& out) {
  if (g.IsEmpty()) return;
  switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: {
      const auto& p = *g.toPoint();
      if (std::holds_alternative<std::monostate>(out)) {
        out = Point(p.getX(), p.getY());
      } else {
        if (auto* single = std::get_if<Point>(&out)) out = MultiPoint{*single};
        as<MultiPoint>(out).emplace_back(p.getX(), p.getY());
      }
      return;
    }
    case wkbLineString: {
      LineString line;
      read_points(*g.toLineString(), line);
      as<MultiLineString>(out).push_back(std::move(line));
      return;
    }
    case wkbPolygon:
      as<MultiPolygon>(out).push_back(read_polygon(*g.toPolygon()));
      return;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const auto* part : *g.toGeometryCollection()) append(*part, out);
      return;
    default: {
      // Curves, surfaces, TINs...: let OGR linearise, then read the result.
      OgrGeometryPtr linear(g.getLinearGeometry());
      if (!linear || wkbFlatten(linear->getGeometryType()) == wkbFlatten(g.getGeometryType())) {
        throw std::invalid_argument(std::string("unsupported geometry type ") +
                                    g.getGeometryName());
      }
      append(*linear, out);
    }
  }
}

void write_ring(const Ring& ring, OGRLinearRing& out) {
  out.setNumPoints(static_cast<int>(ring.size()), FALSE);
  for (std::size_t i = 0; i < ring.size(); ++i) {
    out.setPoint(static_cast<int>(i), ring[i].x(), ring[i].y());
  }
}

}  // namespace

Geometry from_ogr(const OGRGeometry* geometry) {
  Geometry out;
  if (geometry == nullptr) return out;
  append(*geometry, out);
  if (auto* mp = std::get_if<MultiPolygon>(&out)) boost::geometry::correct(*mp);
  return out;
}

OgrGeometryPtr to_ogr(const Geometry& geometry) {
  return std::visit(
      [](const auto& g) -> OgrGeometryPtr {
        using T = std::decay_t<decltype(g)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, Point>) {
          return OgrGeometryPtr(new OGRPoint(g.x(), g.y()));
        } else if constexpr (std::is_same_v<T, MultiPoint>) {
          auto* multi = new OGRMultiPoint();
          for (const auto& p : g) multi->addGeometryDirectly(new OGRPoint(p.x(), p.y()));
          return OgrGeometryPtr(multi);
        } else if constexpr (std::is_same_v<T, MultiLineString>) {
          auto* multi = new OGRMultiLineString();
          for (const auto& line : g) {
            auto* ogr_line = new OGRLineString();
            ogr_line->setNumPoints(static_cast<int>(line.size()), FALSE);
            for (std::size_t i = 0; i < line.size(); ++i) {
              ogr_line->setPoint(static_cast<int>(i), line[i].x(), line[i].y());
            }
            multi->addGeometryDirectly(ogr_line);
          }
          return OgrGeometryPtr(multi);
        } else {
          auto* multi = new OGRMultiPolygon();
          for (const auto& polygon : g) {
            auto* ogr_polygon = new OGRPolygon();
            auto* outer = new OGRLinearRing();
            write_ring(polygon.outer(), *outer);
            ogr_polygon->addRingDirectly(outer);
            for (const auto& inner : polygon.inners()) {
              auto* hole = new OGRLinearRing();
              write_ring(inner, *hole);
              ogr_polygon->addRingDirectly(hole);
            }
            multi->addGeometryDirectly(ogr_polygon);
          }
          return OgrGeometryPtr(multi);
        }
      },
      geometry);
}

FieldType field_type_of(OGRFieldType type) {
  switch (type) {
    case OFTInteger:
    case OFTInteger64:
      return FieldType::integer;
    case OFTReal:
      return FieldType::real;
    case OFTDate:
    case OFTDateTime:
      return FieldType::date;
    default:
      return FieldType::text;
  }
}

OGRFieldType ogr_field_type(FieldType type) {
  switch (type) {
    case FieldType::integer:
      return OFTInteger64;
    case FieldType::real:
      return OFTReal;
    case FieldType::date:
      return OFTDate;
    case FieldType::text:
      return OFTString;
  }
  return OFTString;
}

}  // namespace wijkatlas::support
