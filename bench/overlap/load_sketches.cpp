#include "overlap/load_sketches.hpp"

#include <string>
#include <unordered_map>

#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::bench {

std::vector<geo::SketchSheet> load_sketch_set(const std::filesystem::path& gpkg) {
  geo::CollectingReporter quiet;
  geo::ReadOptions sheets_options, sketches_options;
  sheets_options.layer = "sheets";
  sketches_options.layer = "sketches";
  const geo::Layer sheets = geo::read_layer(gpkg, sheets_options, quiet);
  const geo::Layer sketches = geo::read_layer(gpkg, sketches_options, quiet);
  std::vector<geo::SketchSheet> out;
  std::unordered_map<std::string, std::size_t> index;
  const std::size_t sheet_id = sheets.require_field("sheet_id");
  for (const auto& f : sheets.features) {
    index.emplace(geo::to_text(f.values[sheet_id]), out.size());
    auto& s = out.emplace_back();
    s.id = geo::to_text(f.values[sheet_id]);
    s.coverage = std::get<geo::MultiPolygon>(f.geometry);
  }
  const std::size_t mark_sheet = sketches.require_field("sheet_id");
  for (const auto& f : sketches.features) {
    out.at(index.at(geo::to_text(f.values[mark_sheet]))).marks.push_back(f.geometry);
  }
  return out;
}

}  // namespace wijkatlas::bench
