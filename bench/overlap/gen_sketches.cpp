// bench_overlap_gen: writes a deterministic sketch set for the overlap benchmark.
//
//   bench_overlap_gen -n 4000 -o sketches_4000.gpkg [--seed 5]
//
// Layers: "sheets" (sheet_id, coverage polygon) and "sketches" (sheet_id, polygon), EPSG:28992.
#include <CLI/CLI.hpp>
#include <iostream>

#include "overlap/sketch_generator.hpp"
#include "wijkatlas/geo/io.hpp"

namespace geo = wijkatlas::geo;

int main(int argc, char** argv) {
  CLI::App app("Deterministic sketch sets for the overlap benchmark");
  wijkatlas::bench::SketchSetSpec spec;
  std::string out;
  app.add_option("-n,--sketches", spec.sketches, "number of marks")->required();
  app.add_option("--seed", spec.seed, "random seed");
  app.add_option("-o,--output", out, "output GeoPackage")->required();
  CLI11_PARSE(app, argc, argv);

  const auto sheets = wijkatlas::bench::generate_sketch_set(spec);
  geo::Layer sheet_layer, sketch_layer;
  sheet_layer.name = "sheets";
  sketch_layer.name = "sketches";
  sheet_layer.fields = sketch_layer.fields = {{"sheet_id", geo::FieldType::text}};
  for (const auto& sheet : sheets) {
    auto& s = sheet_layer.features.emplace_back();
    s.fid = static_cast<std::int64_t>(sheet_layer.features.size());
    s.values = {sheet.id};
    s.geometry = sheet.coverage;
    for (const auto& mark : sheet.marks) {
      auto& f = sketch_layer.features.emplace_back();
      f.fid = static_cast<std::int64_t>(sketch_layer.features.size());
      f.values = {sheet.id};
      f.geometry = mark;
    }
  }
  const geo::Layer* layers[] = {&sheet_layer, &sketch_layer};
  geo::write_layers(out, layers);
  std::cout << "wrote " << sheets.size() << " sheets and " << sketch_layer.features.size()
            << " sketches to " << out << '\n';
}
