#include "wijkatlas/geo/geometry.hpp"

#include <boost/geometry.hpp>

namespace wijkatlas::geo {
namespace bg = boost::geometry;

GeometryKind kind_of(const Geometry& geometry) {
  return static_cast<GeometryKind>(geometry.index());
}

std::string to_string(GeometryKind kind) {
  switch (kind) {
    case GeometryKind::none:
      return "none";
    case GeometryKind::point:
      return "Point";
    case GeometryKind::multipoint:
      return "MultiPoint";
    case GeometryKind::lines:
      return "MultiLineString";
    case GeometryKind::polygons:
      return "MultiPolygon";
  }
  return "unknown";
}

bool is_empty(const Geometry& geometry) {
  return std::visit(
      [](const auto& g) {
        using T = std::decay_t<decltype(g)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return true;
        else if constexpr (std::is_same_v<T, Point>)
          return false;
        else
          return g.empty();
      },
      geometry);
}

Box envelope(const Geometry& geometry) {
  Box box = bg::make_inverse<Box>();
  std::visit(
      [&](const auto& g) {
        using T = std::decay_t<decltype(g)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return;
        else if constexpr (std::is_same_v<T, Point>)
          bg::expand(box, g);
        else if (!g.empty())
          box = bg::return_envelope<Box>(g);
      },
      geometry);
  return box;
}

}  // namespace wijkatlas::geo
