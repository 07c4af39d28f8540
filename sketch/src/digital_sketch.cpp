#include "wijkatlas/sketch/digital_sketch.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <cctype>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::sketch {
namespace {
namespace fs = std::filesystem;

constexpr const char* category_fields[] = {"categorie", "category", "kleur",
                                           "colour",    "color",    "soort"};

std::string normalised(const std::string& text) {
  return support::to_lower_ascii(support::trim(text));
}

std::optional<InkCategory> category_of(const std::string& raw) {
  const std::string v = normalised(raw);
  if (v == "probleem" || v == "rood" || v == "red" || v == "problem") return InkCategory::probleem;
  if (v == "fijne_plek" || v == "fijne plek" || v == "groen" || v == "green" || v == "good place")
    return InkCategory::fijne_plek;
  if (v == "idee" || v == "wens" || v == "idee/wens" || v == "idee / wens" || v == "blauw" ||
      v == "blue" || v == "idea" || v == "wish") {
    return InkCategory::idee;
  }
  return std::nullopt;
}

std::size_t category_field(const geo::Layer& layer) {
  for (const char* name : category_fields) {
    if (const auto i = layer.field_index(name)) return *i;
  }
  throw data_error(
      layer.source, "",
      "no category field: give each drawing a field 'categorie' with probleem, fijne_plek or idee "
      "(or 'kleur' with rood, groen or blauw)");
}

void add_layer(const geo::Layer& layer, std::vector<InkMark>& out) {
  const std::size_t field = category_field(layer);
  for (const geo::Feature& f : layer.features) {
    const std::string raw = geo::to_text(f.values[field]);
    const auto category = category_of(raw);
    if (!category) {
      throw data_error(
          layer.source, layer.location_of(f),
          raw.empty() ? "the drawing has no category (probleem, fijne_plek or idee)"
                      : "category '" + raw +
                            "' is not one of probleem, fijne_plek, idee (or rood, groen, blauw)");
    }
    InkMark mark{*category, MarkKind::point, f.geometry, 0, 0, 1.0, {}, {}};
    if (const auto* polygons = std::get_if<geo::MultiPolygon>(&f.geometry)) {
      mark.kind = MarkKind::area;
      mark.area_m2 = geo::area(*polygons);
    } else if (const auto* lines = std::get_if<geo::MultiLineString>(&f.geometry)) {
      mark.kind = MarkKind::line;
      mark.length_m = static_cast<double>(boost::geometry::length(*lines));
    } else if (const auto* points = std::get_if<geo::MultiPoint>(&f.geometry)) {
      for (const geo::Point& p : *points)
        out.push_back({*category, MarkKind::point, p, 0, 0, 1.0, {}, {}});
      continue;
    }
    out.push_back(std::move(mark));
  }
}

}  // namespace

bool is_digital_sketch_file(const fs::path& path) {
  const std::string ext = normalised(path.extension().string());
  return ext == ".geojson" || ext == ".json" || ext == ".gpkg";
}

std::vector<InkMark> read_digital_sketch(const fs::path& path, geo::Reporter& reporter) {
  if (!is_digital_sketch_file(path)) {
    throw io_error(path.string(),
                   "not a drawing wijkatlas reads: use GeoJSON (.geojson) or GeoPackage (.gpkg), "
                   "or a photo/scan");
  }
  std::vector<InkMark> marks;
  for (const geo::LayerSummary& summary :
       geo::describe_dataset(path, geo::DescribeDetail::structure).layers) {
    if (summary.geometry_type == "None") continue;  // attribute tables (QGIS styles)
    geo::ReadOptions options;
    options.layer = summary.name;
    options.allow_empty = true;
    add_layer(geo::read_layer(path, options, reporter), marks);
  }
  if (marks.empty()) throw data_error(path.string(), "", "the file holds no drawings");
  return marks;
}

}  // namespace wijkatlas::sketch
