#include "wijkatlas/project/store_import.hpp"

#include <cstdio>
#include <regex>

#include "wijkatlas/geo/content_hash.hpp"
#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/point_reader.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::project {
namespace {
namespace fs = std::filesystem;

// The hash of several pieces: each piece's own hash (or text) in order.
std::string combined_hash(const std::vector<std::string>& pieces) {
  std::string all;
  for (const std::string& p : pieces) all += p + "\n";
  return geo::sha256_bytes(std::as_bytes(std::span(all.data(), all.size())));
}

// The tables' content as text, for their hash: what was read, not how the file was written.
std::string tables_hash(const std::vector<geo::IndicatorTable>& tables) {
  std::string all;
  for (const geo::IndicatorTable& t : tables) {
    all += "table " + fs::path(t.source).filename().string() + " " + t.key_column + "\n";
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      all += t.columns[c] + (c < t.numeric.size() && t.numeric[c] ? " n\n" : " t\n");
    for (const auto& row : t.rows) {
      all += row.code + " " + row.location;
      for (const geo::Value& v : row.values) all += "\t" + geo::to_text(v);
      all += "\n";
    }
  }
  return geo::sha256_bytes(std::as_bytes(std::span(all.data(), all.size())));
}

std::optional<std::size_t> first_field(const geo::Layer& header,
                                       std::initializer_list<const char*> names) {
  for (const char* name : names)
    if (const auto i = header.field_index(name)) return i;
  return std::nullopt;
}

// An asset layer read in batches: id, name and category from their usual columns, the other
// (non-personal, unless asked) columns as JSON.
store::ImportedAssets asset_layer(const fs::path& path, const std::string& layer,
                                  bool include_personal, geo::Reporter& reporter) {
  store::ImportedAssets out;
  out.layer = layer;
  out.from.source = path.string();
  out.from.sha256 = combined_hash({geo::sha256_file(path), "layer " + layer,
                                   include_personal ? "personal" : "no personal fields"});
  struct State {
    geo::PointReader reader;
    geo::PointBatch batch;
    std::optional<std::size_t> id, name, category;
    std::vector<std::size_t> others;
    State(const fs::path& p, geo::Reporter& r) : reader(p, read_options(), r, batches()) {}
    // Small batches: the points are written as they are read, so memory stays flat.
    static geo::PointReadOptions batches() {
      geo::PointReadOptions o;
      o.batch_size = std::size_t{1} << 14;
      return o;
    }
    static geo::ReadOptions read_options() {
      geo::ReadOptions o;
      o.allow_empty = true;
      return o;
    }
  };
  // The reader opens now: a missing or unreadable file fails before the store is touched.
  auto state = std::make_shared<State>(path, reporter);
  const geo::Layer& header = state->reader.header();
  state->id = first_field(header, {"asset_id", "id", "kenmerk"});
  state->name = first_field(header, {"name", "naam"});
  state->category = first_field(header, {"category", "categorie", "thema", "soort"});
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    if (i == state->id || i == state->name || i == state->category) continue;
    if (header.fields[i].personal && !include_personal) continue;
    state->others.push_back(i);
  }
  out.next = [state](std::vector<store::AssetRow>& rows) {
    rows.clear();
    if (!state->reader.next(state->batch)) return false;
    const geo::Layer& h = state->reader.header();
    const auto value = [&](std::size_t field, std::size_t i) -> std::string {
      if (const auto t = state->batch.text(field, i)) return std::string(*t);
      return geo::to_text(state->batch.value(field, i));
    };
    const auto points = state->batch.points();
    const auto fids = state->batch.fids();
    rows.resize(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
      store::AssetRow& row = rows[i];
      row.point = points[i];
      row.source_id = state->id ? value(*state->id, i) : std::to_string(fids[i]);
      if (state->name) row.name = value(*state->name, i);
      if (state->category) row.category = value(*state->category, i);
      for (const std::size_t f : state->others) {
        const std::string v = value(f, i);
        if (v.empty()) continue;
        row.attributes += row.attributes.empty() ? "{" : ",";
        support::append_json_string(row.attributes, h.fields[f].name);
        row.attributes += ':';
        support::append_json_string(row.attributes, v);
      }
      if (!row.attributes.empty()) row.attributes += '}';
    }
    return true;
  };
  return out;
}

store::ImportedRegistry registry_of(const fs::path& path, bool include_personal,
                                    geo::Reporter& reporter) {
  store::ImportedRegistry out;
  out.from.source = path.string();
  out.from.sha256 =
      combined_hash({geo::sha256_file(path), include_personal ? "personal" : "no personal fields"});
  geo::Layer layer = geo::read_layer(path, {}, reporter);
  for (const char* required : {"id", "naam"}) {
    if (!layer.field_index(required))
      throw data_error(
          path.string(), "",
          std::string("a registry needs the field ") + required + " (docs/registry.md)");
  }
  if (!include_personal) {
    // Privacy: personal fields (contact_*, prive_*) never reach the store unless asked for.
    geo::Layer kept = layer;
    kept.fields.clear();
    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
      if (layer.fields[i].personal) continue;
      keep.push_back(i);
      kept.fields.push_back(layer.fields[i]);
    }
    for (std::size_t f = 0; f < layer.features.size(); ++f) {
      auto& values = kept.features[f].values;
      values.clear();
      for (const std::size_t i : keep) values.push_back(layer.features[f].values[i]);
    }
    layer = std::move(kept);
  }
  out.layer = std::move(layer);
  return out;
}

}  // namespace

int boundary_year_of(const std::string& file_name) {
  static const std::regex year("(^|[^0-9])((19|20)[0-9]{2})([^0-9]|$)");
  std::smatch m;
  const std::string name = fs::path(file_name).filename().string();
  return std::regex_search(name, m, year) ? std::stoi(m[2].str()) : 0;
}

store::ImportBatch read_import(const StoreImportRequest& request, geo::Reporter& reporter) {
  if (!request.points.empty() && request.points_layer.empty())
    throw request_error("layer_name", "points need the name of the layer they are stored as");
  if (request.points.empty() && !request.points_layer.empty())
    throw request_error("layer_name", "a layer name without points to store under it");
  store::ImportBatch batch;
  if (request.with_areas) {
    AreaSource source = request.areas;
    source.levels = "buurt,wijk,programma,gemeente";
    LoadedAreas loaded = load_areas(source, reporter);
    add_indicators(loaded, request.indicators, true, reporter);
    store::ImportedAreas areas;
    const fs::path programme = source.programme.empty()
                                   ? geo::project_file("datasets/npao_programma.toml")
                                   : fs::path(source.programme);
    areas.from.source = loaded.areas_path.string();
    areas.from.sha256 = combined_hash(
        {geo::sha256_file(loaded.areas_path), source.areas_layer, source.where,
         source.programme == "none" ? std::string("no programme") : geo::sha256_file(programme)});
    areas.boundary_year = boundary_year_of(loaded.areas_path.string());
    areas.hierarchy = loaded.hierarchy;
    // The figures are a part of their own: the areas go in bare.
    for (auto& level : areas.hierarchy.levels) {
      for (geo::Area& a : level) {
        a.indicators.clear();
        a.inwoners.reset();
        a.land_m2.reset();
      }
    }
    for (auto& columns : areas.hierarchy.indicator_columns) columns.clear();
    batch.areas = std::move(areas);
    store::ImportedIndicators figures;
    std::string sources;
    for (const auto& t : loaded.indicator_tables)
      sources += (sources.empty() ? "" : ", ") + fs::path(t.source).filename().string();
    figures.from.source = sources;
    figures.from.sha256 = tables_hash(loaded.indicator_tables);
    figures.tables = std::move(loaded.indicator_tables);
    batch.indicators = std::move(figures);
  }
  if (!request.registry.empty())
    batch.registry = registry_of(request.registry, request.include_personal, reporter);
  std::vector<std::string> names;
  for (const std::string& file : request.assets) {
    const std::string layer = fs::path(file).stem().string();
    batch.assets.push_back(asset_layer(file, layer, request.include_personal, reporter));
    names.push_back(layer);
  }
  if (!request.points.empty()) {
    batch.assets.push_back(
        asset_layer(request.points, request.points_layer, request.include_personal, reporter));
    names.push_back(request.points_layer);
  }
  std::sort(names.begin(), names.end());
  if (const auto twice = std::adjacent_find(names.begin(), names.end()); twice != names.end())
    throw request_error("layer_name", "two asset layers would both be called '" + *twice + "'");
  return batch;
}

}  // namespace wijkatlas::project
