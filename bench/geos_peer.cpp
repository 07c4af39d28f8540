// bench_geos_peer: the point-in-polygon join as a competent GEOS C API user writes it, the
// baseline for wijkatlas' join phase.
//
// Polygons are prepared (GEOSPrepare_r) and their envelopes go into a GEOSSTRtree; each point
// queries the tree and takes the first candidate for which GEOSPreparedIntersects_r holds.
// Intersects (rather than ContainsProperly) also assigns points on a polygon boundary, as a
// real join must.
//
// Reading and building the GEOS geometries happen before the clock starts; the timed join
// phase is: prepare + build the tree + the query loop, on one thread. Prints one line:
//   geos_peer polygons=.. points=.. read_s=.. join_s=.. join_cpu_s=.. matched=.. checksum=..
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/join_harness.hpp"
#include "support/stopwatch.hpp"
#include "wijkatlas/support/geos_convert.hpp"
#include "wijkatlas/support/geos_handles.hpp"

namespace bench = wijkatlas::bench;
namespace geo = wijkatlas::geo;
namespace support = wijkatlas::support;

namespace {

// Throws "<what>: <GEOS's last message>".
[[noreturn]] void fail(support::GeosContext& geos, const std::string& what) {
  const std::string reason = geos.take_error();
  throw std::runtime_error(reason.empty() ? what : what + ": " + reason);
}

struct GeosInputs {
  std::vector<support::GeosGeometryPtr> polygons;
  std::vector<support::GeosGeometryPtr> points;
};

GeosInputs to_geos(support::GeosContext& geos, const bench::JoinInputs& inputs) {
  GeosInputs out;
  for (const geo::MultiPolygon& polygon : inputs.polygons) {
    out.polygons.push_back(support::to_geos(geos, polygon));
  }
  for (const geo::Point& p : inputs.points) {
    out.points.push_back(
        support::take_geos(geos, GEOSGeom_createPointFromXY_r(geos.get(), p.x(), p.y()), "point"));
  }
  return out;
}

struct Query {
  GEOSContextHandle_t context;
  const std::vector<support::GeosPreparedPtr>* prepared;
  const GEOSGeometry* point;
  std::int32_t found = -1;
  bool failed = false;
};

void test_candidate(void* item, void* user_data) {
  Query& query = *static_cast<Query*>(user_data);
  if (query.found >= 0 || query.failed) return;  // GEOS has no early exit from a query
  const std::int32_t polygon = *static_cast<const std::int32_t*>(item);
  const char hit = GEOSPreparedIntersects_r(
      query.context, (*query.prepared)[static_cast<std::size_t>(polygon)].get(), query.point);
  if (hit == 2) {
    query.failed = true;
  } else if (hit == 1) {
    query.found = polygon;
  }
}

// The timed phase. Returns the polygon index per point, -1 for none.
std::vector<std::int32_t> join(support::GeosContext& geos, const GeosInputs& inputs) {
  GEOSContextHandle_t context = geos.get();
  // The tree stores pointers to items; these ids outlive it.
  std::vector<std::int32_t> ids(inputs.polygons.size());
  std::iota(ids.begin(), ids.end(), 0);
  support::GeosTreePtr tree(GEOSSTRtree_create_r(context, 10), support::GeosTreeDeleter{context});
  if (!tree) fail(geos, "cannot create an STRtree");

  std::vector<support::GeosPreparedPtr> prepared;
  prepared.reserve(inputs.polygons.size());
  for (std::size_t i = 0; i < inputs.polygons.size(); ++i) {
    const GEOSPreparedGeometry* p = GEOSPrepare_r(context, inputs.polygons[i].get());
    if (p == nullptr) fail(geos, "cannot prepare polygon " + std::to_string(i));
    prepared.emplace_back(p, support::GeosPreparedDeleter{context});
    GEOSSTRtree_insert_r(context, tree.get(), inputs.polygons[i].get(), &ids[i]);
  }

  std::vector<std::int32_t> assignment(inputs.points.size(), -1);
  for (std::size_t i = 0; i < inputs.points.size(); ++i) {
    Query query{context, &prepared, inputs.points[i].get()};
    GEOSSTRtree_query_r(context, tree.get(), query.point, &test_candidate, &query);
    if (query.failed) fail(geos, "GEOSPreparedIntersects_r failed on point " + std::to_string(i));
    assignment[i] = query.found;
  }
  return assignment;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"GEOS prepared-geometry + STRtree point-in-polygon join (benchmark peer)"};
  bench::JoinArgs args;
  bench::add_join_options(app, args);
  CLI11_PARSE(app, argc, argv);

  try {
    support::GeosContext geos;
    const bench::Stopwatch read_clock;
    const bench::JoinInputs inputs = bench::read_join_inputs(args);
    const GeosInputs geos_inputs = to_geos(geos, inputs);
    const double read_s = read_clock.seconds();

    const bench::Stopwatch join_clock;
    const std::vector<std::int32_t> assignment = join(geos, geos_inputs);
    const double join_s = join_clock.seconds();
    const double join_cpu_s = join_clock.cpu_seconds();

    const bench::JoinSummary summary = bench::summarize(assignment, inputs.polygons.size());
    std::cout << std::fixed << std::setprecision(4)
              << "geos_peer polygons=" << inputs.polygons.size()
              << " points=" << inputs.points.size() << " read_s=" << read_s << " join_s=" << join_s
              << " join_cpu_s=" << join_cpu_s << " matched=" << summary.matched
              << " checksum=" << summary.checksum << '\n';
  } catch (const std::exception& e) {
    std::cerr << "bench_geos_peer: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
