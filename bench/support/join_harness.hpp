#pragma once
// What bench_geos_peer and bench_wijkatlas_join share, so that only their join phases differ:
// the command line, the inputs (read once through wijkatlas::geo::read_layer, untimed) and a
// summary of the result that the script compares between the two.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::bench {

struct JoinArgs {
  std::string polygons;
  std::string polygons_layer = "buurten";
  std::string points;
  std::string points_layer = "punten";
};

void add_join_options(CLI::App& app, JoinArgs& args);

struct JoinInputs {
  std::vector<geo::MultiPolygon> polygons;  // in feature order
  std::vector<geo::Point> points;           // in feature order
};

// Throws wijkatlas::error (file, layer or feature named) on unreadable input or polygons that are
// not polygons. The points are read as wijkatlas join reads them (geo::PointReader).
JoinInputs read_join_inputs(const JoinArgs& args);

// `assignment[p]` is the polygon index of point p, or a negative value for none.
struct JoinSummary {
  std::int64_t matched = 0;    // points inside some polygon
  std::uint64_t checksum = 0;  // sum over points of (polygon index + 1): equal iff (almost
                               // surely) the same assignment
};
JoinSummary summarize(std::span<const std::int32_t> assignment, std::size_t polygon_count);

}  // namespace wijkatlas::bench
