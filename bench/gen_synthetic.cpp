// bench_gen_synthetic: deterministic input data for the join benchmark, written with
// wijkatlas::geo::write_layers (EPSG:28992 GeoPackages; an existing output is replaced).
//
//   bench_gen_synthetic polygons -o buurten.gpkg     14,000 jagged polygons of 100 vertices
//                                                    tiling the Netherlands (layer "buurten")
//   bench_gen_synthetic points -o punten.gpkg -n N --extent XMIN YMIN XMAX YMAX
//                                                    N uniform points (layer "punten")
//   bench_gen_synthetic points -o punten.csv ...     the same points as CSV (x, y, thema), written
//                                                    as they are drawn: 10^7 points in little
//                                                    memory
#include <CLI/CLI.hpp>
#include <array>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <limits>
#include <stdexcept>
#include <string>

#include "support/cbs_codes.hpp"
#include "support/jagged_tiling.hpp"
#include "support/random.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/layer.hpp"

namespace bench = wijkatlas::bench;
namespace geo = wijkatlas::geo;

namespace {

const std::array<std::string, 6> themes{"ontmoeten",  "groen",      "spelen",
                                        "gezondheid", "veiligheid", "armoede"};

geo::Box to_box(const std::array<double, 4>& v) {
  return {{v[0], v[1]}, {v[2], v[3]}};
}

void write(const std::string& out, const geo::Layer& layer) {
  const geo::Layer* layers[] = {&layer};
  // Inputs carry a spatial index at every size, like a GeoPackage a user would bring (the
  // SpatiaLite peer's query uses it); only wijkatlas' own large outputs skip it.
  geo::WriteOptions options;
  options.max_indexed_points = std::numeric_limits<std::size_t>::max();
  geo::write_layers(out, layers, options);
  std::cout << "wrote " << layer.features.size() << " features (layer " << layer.name << ") to "
            << out << '\n';
}

geo::Layer synthetic_buurten(const bench::TilingSpec& spec) {
  const bench::JaggedTiling tiling(spec);
  geo::Layer layer;
  layer.name = "buurten";
  for (const char* name : {"buurtcode", "buurtnaam", "wijkcode", "gemeentecode"}) {
    layer.fields.push_back({name, geo::FieldType::text});
  }
  for (int row = 0; row < spec.rows; ++row) {
    for (int column = 0; column < spec.columns; ++column) {
      bench::AreaCodes codes = bench::cbs_like_codes(column, row, spec.columns);
      geo::Polygon polygon;
      polygon.outer() = tiling.ring(column, row);
      geo::Feature& f = layer.features.emplace_back();
      f.fid = static_cast<std::int64_t>(layer.features.size());
      f.values = {std::move(codes.buurtcode), std::move(codes.buurtnaam), std::move(codes.wijkcode),
                  std::move(codes.gemeentecode)};
      f.geometry = geo::MultiPolygon{std::move(polygon)};
    }
  }
  return layer;
}

// The points of random_points, one line each; %.17g keeps every coordinate bit for bit.
void write_random_points_csv(const std::string& out, std::int64_t count, const geo::Box& extent,
                             std::uint64_t seed) {
  const std::string temporary = out + ".part";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) throw std::runtime_error("cannot create " + temporary);
  std::fputs("x,y,thema\n", file);
  bench::SplitMix64 random(seed);
  for (std::int64_t i = 0; i < count; ++i) {
    const double x = random.uniform(extent.min_corner().x(), extent.max_corner().x());
    const double y = random.uniform(extent.min_corner().y(), extent.max_corner().y());
    std::fprintf(file, "%.17g,%.17g,%s\n", x, y, themes[random.next() % themes.size()].c_str());
  }
  if (std::fclose(file) != 0 || std::rename(temporary.c_str(), out.c_str()) != 0) {
    throw std::runtime_error("cannot write " + out);
  }
  std::cout << "wrote " << count << " points to " << out << '\n';
}

geo::Layer random_points(std::int64_t count, const geo::Box& extent, std::uint64_t seed) {
  geo::Layer layer;
  layer.name = "punten";
  layer.fields.push_back({"thema", geo::FieldType::text});
  layer.features.reserve(static_cast<std::size_t>(count));
  bench::SplitMix64 random(seed);
  for (std::int64_t i = 0; i < count; ++i) {
    const double x = random.uniform(extent.min_corner().x(), extent.max_corner().x());
    const double y = random.uniform(extent.min_corner().y(), extent.max_corner().y());
    geo::Feature& f = layer.features.emplace_back();
    f.fid = i + 1;
    f.values = {themes[random.next() % themes.size()]};
    f.geometry = geo::Point(x, y);
  }
  return layer;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Deterministic GeoPackage inputs for the wijkatlas join benchmark"};
  app.require_subcommand(1);

  std::string out;
  // RD New rectangle around the Netherlands: 265 x 314 km.
  std::array<double, 4> extent{13'000, 306'000, 278'000, 620'000};

  // 112 x 125 = 14,000 cells of about 2.4 x 2.5 km, 4 x 25 = 100 vertices each.
  bench::TilingSpec spec{{}, 112, 125, 25, 20240601};
  CLI::App* polygons = app.add_subcommand("polygons", "jagged polygons tiling a rectangle");
  polygons->add_option("-o,--out", out, "output GeoPackage")->required();
  polygons->add_option("--columns", spec.columns, "cells west-east")->capture_default_str();
  polygons->add_option("--rows", spec.rows, "cells south-north")->capture_default_str();
  polygons->add_option("--segments", spec.segments_per_edge, "segments per cell edge")
      ->capture_default_str();
  polygons->add_option("--seed", spec.seed, "random seed")->capture_default_str();
  polygons->add_option("--extent", extent, "XMIN YMIN XMAX YMAX in EPSG:28992 metres");

  std::int64_t count = 0;
  std::uint64_t point_seed = 7;
  CLI::App* points = app.add_subcommand("points", "uniform random points in a rectangle");
  points->add_option("-o,--out", out, "output GeoPackage, or .csv")->required();
  points->add_option("-n,--count", count, "number of points")
      ->required()
      ->check(CLI::NonNegativeNumber);
  points->add_option("--seed", point_seed, "random seed")->capture_default_str();
  points->add_option("--extent", extent, "XMIN YMIN XMAX YMAX in EPSG:28992 metres")->required();

  CLI11_PARSE(app, argc, argv);

  try {
    if (polygons->parsed()) {
      spec.extent = to_box(extent);
      write(out, synthetic_buurten(spec));
    } else if (out.ends_with(".csv")) {
      write_random_points_csv(out, count, to_box(extent), point_seed);
    } else {
      write(out, random_points(count, to_box(extent), point_seed));
    }
  } catch (const std::exception& e) {
    std::cerr << "bench_gen_synthetic: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
