#include "basemap_coverage.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::server {

std::optional<geo::Box> basemap_coverage(const std::filesystem::path& extract) {
  const support::QuietGdalErrors quiet;
  const GDALDatasetUniquePtr ds(
      GDALDataset::Open(extract.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds || ds->GetLayerCount() == 0) return std::nullopt;
  OGRLayer* layer = ds->GetLayer(0);
  OGREnvelope e;
  if (layer->GetExtent(&e, FALSE) != OGRERR_NONE || !(e.MaxX > e.MinX) || !(e.MaxY > e.MinY))
    return std::nullopt;
  std::string crs(geo::wgs84);  // an .osm.pbf is always WGS84
  if (const OGRSpatialReference* srs = layer->GetSpatialRef();
      srs && srs->GetAuthorityName(nullptr) && srs->GetAuthorityCode(nullptr))
    crs = std::string(srs->GetAuthorityName(nullptr)) + ":" + srs->GetAuthorityCode(nullptr);
  const geo::Transformer to_rd(crs);
  // Each edge, sampled: in RD a meridian leans, so the rectangle inside takes the innermost x
  // of the west and east edges and the innermost y of the south and north edges.
  constexpr int steps = 16;
  std::vector<geo::Point> west, east, south, north;
  for (int i = 0; i <= steps; ++i) {
    const double f = static_cast<double>(i) / steps;
    const double x = e.MinX + f * (e.MaxX - e.MinX);
    const double y = e.MinY + f * (e.MaxY - e.MinY);
    west.emplace_back(e.MinX, y);
    east.emplace_back(e.MaxX, y);
    south.emplace_back(x, e.MinY);
    north.emplace_back(x, e.MaxY);
  }
  for (auto* edge : {&west, &east, &south, &north}) to_rd.transform(*edge);
  const auto max_x = [](const std::vector<geo::Point>& ps) {
    double v = -std::numeric_limits<double>::infinity();
    for (const geo::Point& p : ps) v = std::max(v, p.x());
    return v;
  };
  const auto min_x = [](const std::vector<geo::Point>& ps) {
    double v = std::numeric_limits<double>::infinity();
    for (const geo::Point& p : ps) v = std::min(v, p.x());
    return v;
  };
  const auto max_y = [](const std::vector<geo::Point>& ps) {
    double v = -std::numeric_limits<double>::infinity();
    for (const geo::Point& p : ps) v = std::max(v, p.y());
    return v;
  };
  const auto min_y = [](const std::vector<geo::Point>& ps) {
    double v = std::numeric_limits<double>::infinity();
    for (const geo::Point& p : ps) v = std::min(v, p.y());
    return v;
  };
  const geo::Box box({max_x(west), max_y(south)}, {min_x(east), min_y(north)});
  if (!std::isfinite(box.min_corner().x()) || !std::isfinite(box.max_corner().x()) ||
      !(box.max_corner().x() > box.min_corner().x()) ||
      !(box.max_corner().y() > box.min_corner().y()))
    return std::nullopt;
  return box;
}

}  // namespace wijkatlas::server
