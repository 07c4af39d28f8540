#include "wijkatlas/project/overlap_layers.hpp"

#include "wijkatlas/geo/ops.hpp"

namespace wijkatlas::project {
namespace {

using geo::FieldType;

geo::MultiPolygon square(double x0, double y0, double size) {
  geo::Polygon p;
  // Counter-clockwise exterior (OGC), closed.
  p.outer() = {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
  return {p};
}

geo::Layer counts_layer(std::string name) {
  geo::Layer layer;
  layer.name = std::move(name);
  layer.fields = {{"n", FieldType::integer},
                  {"N_totaal", FieldType::integer},
                  {"n_van_N", FieldType::text},
                  {"oppervlakte_m2", FieldType::real}};
  return layer;
}

geo::Value number_or_null(bool suppressed, double value) {
  return suppressed ? geo::Value{} : geo::Value{value};
}

std::vector<geo::Value> per_area_values(const geo::SketchAreaStats& s) {
  const bool x = s.suppressed;
  return {s.code,
          s.naam,
          static_cast<std::int64_t>(s.sheets_covering),
          x ? geo::Value{} : geo::Value{static_cast<std::int64_t>(s.sheets_marked)},
          number_or_null(x, s.marked_share * 100.0),
          x ? geo::Value{} : geo::Value{static_cast<std::int64_t>(s.spots)},
          (x || !s.per_1000) ? geo::Value{} : geo::Value{*s.per_1000},
          static_cast<std::int64_t>(x ? 1 : 0)};
}

std::vector<geo::Field> per_area_fields() {
  return {{"code", FieldType::text},
          {"naam", FieldType::text},
          {"bladen_in_beeld", FieldType::integer},
          {"bladen_getekend", FieldType::integer},
          {"procent_getekend", FieldType::real},
          {"plekken", FieldType::integer},
          {"bladen_per_1000_inwoners", FieldType::real},
          {"onderdrukt", FieldType::integer}};
}

}  // namespace

std::string n_of_N(std::int32_t n, std::int32_t N) {
  return std::to_string(n) + " van " + std::to_string(N);
}

geo::Layer faces_layer(const geo::OverlapMap& map) {
  geo::Layer layer = counts_layer("overlap_vlakken");
  std::int64_t fid = 0;
  for (const auto& face : map.faces) {
    layer.features.push_back(
        {++fid,
         {std::int64_t{face.n}, std::int64_t{face.N}, n_of_N(face.n, face.N), face.area},
         geo::MultiPolygon{face.geometry}});
  }
  return layer;
}

geo::Layer grid_cells_layer(const geo::CountGrid& grid) {
  geo::Layer layer = counts_layer("overlap_cellen");
  std::int64_t fid = 0;
  for (geo::CountedRegion& r : geo::grid_count_regions(grid)) {
    const double area = geo::area(r.geometry);
    layer.features.push_back({++fid,
                              {std::int64_t{r.n}, std::int64_t{r.N}, n_of_N(r.n, r.N), area},
                              std::move(r.geometry)});
  }
  return layer;
}

geo::Layer density_layer(const geo::GridSpec& g, const std::vector<float>& density,
                         double min_value) {
  geo::Layer layer;
  layer.name = "dichtheid";
  layer.fields = {{"dichtheid", FieldType::real}};
  std::int64_t fid = 0;
  for (std::int32_t r = 0; r < g.rows; ++r) {
    for (std::int32_t c = 0; c < g.columns; ++c) {
      const auto i = static_cast<std::size_t>(r) * static_cast<std::size_t>(g.columns) +
                     static_cast<std::size_t>(c);
      if (density[i] < min_value) continue;
      const double x0 = g.x_min + c * g.cell, y0 = g.y_max - (r + 1) * g.cell;
      layer.features.push_back({++fid, {static_cast<double>(density[i])}, square(x0, y0, g.cell)});
    }
  }
  return layer;
}

geo::Layer per_area_layer(const std::string& name, const std::vector<geo::SketchAreaStats>& stats,
                          const std::vector<geo::MultiPolygon>& shapes) {
  geo::Layer layer;
  layer.name = name;
  layer.fields = per_area_fields();
  for (std::size_t i = 0; i < stats.size(); ++i) {
    layer.features.push_back(
        {static_cast<std::int64_t>(i + 1), per_area_values(stats[i]), shapes.at(i)});
  }
  return layer;
}

geo::Table per_area_table() {
  geo::Table table;
  table.columns.push_back("niveau");
  for (const auto& f : per_area_fields()) table.columns.push_back(f.name);
  return table;
}

void append_per_area_rows(geo::Table& table, const std::string& level,
                          const std::vector<geo::SketchAreaStats>& stats) {
  for (const auto& s : stats) {
    std::vector<geo::Value> row{level};
    for (auto& v : per_area_values(s)) row.push_back(std::move(v));
    table.rows.push_back(std::move(row));
  }
}

}  // namespace wijkatlas::project
