// Reading what `store import` wrote: the area hierarchy as geo::build_hierarchy made it (areas
// in their order, buurten with their parents), the key-figure tables as geo::read_indicators
// read them, and what was imported when.
#include <algorithm>
#include <map>

#include "bulk_load.hpp"
#include "schema.hpp"
#include "store_impl.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::store {
namespace {
using namespace detail;

}  // namespace

std::vector<ImportRecord> ProjectStore::imports() {
  const support::QuietGdalErrors quiet;
  namespace col = schema::imports;
  std::vector<ImportRecord> out;
  if (!holds_table(*impl_->backend, col::table)) return out;
  Rows rows(*impl_->backend, col::table);
  std::vector<std::pair<GIntBig, ImportRecord>> found;
  rows.each("", [&](OGRFeature& f) {
    ImportRecord r;
    r.kind = text(f, col::kind);
    r.name = text(f, col::layer).empty() ? r.kind : text(f, col::layer);
    r.source = text(f, col::source);
    r.sha256 = text(f, col::sha256);
    r.rows = static_cast<std::size_t>(f.GetFieldAsInteger64(col::rows));
    r.boundary_year = integer(f, col::boundary_year);
    r.imported_at = time_text(f, schema::row::updated_at);
    r.imported_by = text(f, schema::row::updated_by);
    r.version = row_version(f);
    found.emplace_back(f.GetFID(), std::move(r));
  });
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [fid, r] : found) out.push_back(std::move(r));
  return out;
}

std::optional<StoredAreas> ProjectStore::areas() {
  const support::QuietGdalErrors quiet;
  namespace col = schema::areas;
  Backend& b = *impl_->backend;
  if (!holds_table(b, col::table)) return std::nullopt;
  Rows rows(b, col::table);
  struct Read {
    long long ordinal;
    geo::Area area;
    std::array<std::string, 4> parent_codes;
  };
  std::array<std::vector<Read>, 4> levels;
  StoredAreas out;
  bool simplified = false;
  rows.each("", [&](OGRFeature& f) {
    const std::string key = text(f, col::level);
    const auto level = parse_level_key(key);
    if (!level)
      raise(ErrorKind::bad_value, b.location(), "unknown level '" + key + "' in table areas",
            "area " + text(f, col::code));
    Read r{f.GetFieldAsInteger64(col::ordinal), {}, {}};
    r.area.level = *level;
    r.area.code = text(f, col::code);
    r.area.naam = text(f, col::name);
    r.area.area_m2 = real(f, col::area_m2);
    const geo::Geometry g = geometry_of(f, b.location());
    if (const auto* polygons = std::get_if<geo::MultiPolygon>(&g)) r.area.geometry = *polygons;
    r.parent_codes[static_cast<std::size_t>(geo::Level::wijk)] = text(f, col::wijk_code);
    r.parent_codes[static_cast<std::size_t>(geo::Level::programma)] = text(f, col::programme_code);
    r.parent_codes[static_cast<std::size_t>(geo::Level::gemeente)] = text(f, col::gemeente_code);
    out.source = text(f, col::source);
    out.boundary_year = integer(f, col::boundary_year);
    simplified = simplified || integer(f, col::simplified) != 0;
    levels[static_cast<std::size_t>(*level)].push_back(std::move(r));
  });
  if (levels[0].empty()) return std::nullopt;
  geo::AreaHierarchy& h = out.hierarchy;
  h.simplified_boundaries = simplified;
  std::array<std::map<std::string, std::int32_t>, 4> index_of;
  for (std::size_t l = 0; l < 4; ++l) {
    std::sort(levels[l].begin(), levels[l].end(),
              [](const Read& x, const Read& y) { return x.ordinal < y.ordinal; });
    for (Read& r : levels[l]) {
      index_of[l][r.area.code] = static_cast<std::int32_t>(h.levels[l].size());
      h.levels[l].push_back(std::move(r.area));
    }
  }
  for (std::size_t i = 0; i < levels[0].size(); ++i) {
    geo::Area& buurt = h.levels[0][i];
    for (std::size_t l = 1; l < 4; ++l) {
      const std::string& code = levels[0][i].parent_codes[l];
      if (code.empty()) continue;
      const auto it = index_of[l].find(code);
      if (it == index_of[l].end()) {
        raise(ErrorKind::bad_value, b.location(),
              "its " + std::string(level_key(static_cast<geo::Level>(l))) + " '" + code +
                  "' is not in table areas",
              "buurt " + buurt.code);
      }
      buurt.parent[l] = it->second;
      h.levels[l][static_cast<std::size_t>(it->second)].buurten.push_back(i);
    }
  }
  return out;
}

std::vector<geo::IndicatorTable> ProjectStore::indicator_tables() {
  const support::QuietGdalErrors quiet;
  namespace col = schema::indicators;
  Backend& b = *impl_->backend;
  std::vector<geo::IndicatorTable> tables;
  if (!holds_table(b, col::table)) return tables;
  Rows rows(b, col::table);
  rows.each("", [&](OGRFeature& f) {
    const auto t = static_cast<std::size_t>(f.GetFieldAsInteger64(col::table_index));
    const auto r = static_cast<std::size_t>(f.GetFieldAsInteger64(col::row_index));
    const auto c = static_cast<std::size_t>(f.GetFieldAsInteger64(col::measure_index));
    if (t >= tables.size()) tables.resize(t + 1);
    geo::IndicatorTable& table = tables[t];
    if (table.source.empty()) {
      table.source = text(f, col::source);
      table.key_column = text(f, col::key_column);
    }
    if (c >= table.columns.size()) {
      table.columns.resize(c + 1);
      table.numeric.resize(c + 1);
    }
    table.columns[c] = text(f, col::measure);
    const bool numeric = integer(f, col::numeric) != 0;
    table.numeric[c] = numeric;
    if (r >= table.rows.size()) table.rows.resize(r + 1);
    auto& row = table.rows[r];
    row.code = text(f, col::code);
    row.location = text(f, col::location);
    if (c >= row.values.size()) row.values.resize(c + 1);
    if (numeric && !is_null(f, col::value))
      row.values[c] = real(f, col::value);
    else if (!numeric && !is_null(f, col::value_text))
      row.values[c] = text(f, col::value_text);
  });
  // Every row as wide as its table (a row whose last values were all missing).
  for (geo::IndicatorTable& table : tables)
    for (auto& row : table.rows) row.values.resize(table.columns.size());
  return tables;
}

std::size_t ProjectStore::asset_count(const std::string& layer) {
  const support::QuietGdalErrors quiet;
  namespace col = schema::assets;
  if (!holds_table(*impl_->backend, col::table)) return 0;
  const auto n = impl_->backend->query("SELECT count(*) FROM \"" + std::string(col::table) +
                                       "\" WHERE \"" + col::layer + "\" = " + sql_literal(layer));
  return n.empty() || !n.front() ? 0 : static_cast<std::size_t>(std::stoull(*n.front()));
}

}  // namespace wijkatlas::store
