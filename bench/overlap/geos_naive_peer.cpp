// bench_overlap_geos_peer: the plain GEOS C-API way to an exact overlap map, as issue 5 measures
// it: node all sketch outlines at once (unary union of the linework), polygonize, and count for
// every face the different sheets whose sketches contain one interior point of the face
// (STRtree + prepared geometries). No per-sheet dissolve, no tiles, one thread.
//
//   bench_overlap_geos_peer --input sketches_1000.gpkg
// Prints: faces=... marked_faces=... area=... weighted_area=... overlay_s=...
#include <CLI/CLI.hpp>
#include <cstdio>
#include <set>
#include <vector>

#include "overlap/load_sketches.hpp"
#include "support/stopwatch.hpp"
#include "wijkatlas/support/geos_convert.hpp"
#include "wijkatlas/support/geos_handles.hpp"

namespace bench = wijkatlas::bench;

namespace {
struct Candidate {
  const GEOSPreparedGeometry* prepared;
  std::size_t sheet;
};
}  // namespace

int main(int argc, char** argv) {
  CLI::App app("GEOS node + polygonize + count peer");
  std::string input;
  app.add_option("--input", input)->required();
  CLI11_PARSE(app, argc, argv);

  const auto sheets = bench::load_sketch_set(input);
  wijkatlas::support::GeosContext geos;
  GEOSContextHandle_t h = geos.get();
  bench::Stopwatch clock;

  std::vector<wijkatlas::support::GeosGeometryPtr> marks;
  std::vector<wijkatlas::support::GeosPreparedPtr> prepared;
  std::vector<Candidate> candidates;
  std::vector<GEOSGeometry*> lines;  // owned by the collection below once it is made
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    for (const auto& mark : sheets[s].marks) {
      marks.push_back(
          wijkatlas::support::to_geos(geos, std::get<wijkatlas::geo::MultiPolygon>(mark)));
      lines.push_back(GEOSBoundary_r(h, marks.back().get()));
    }
  }
  for (std::size_t m = 0, s = 0, in_sheet = 0; m < marks.size(); ++m, ++in_sheet) {
    while (in_sheet == sheets[s].marks.size()) {
      ++s;
      in_sheet = 0;
    }
    prepared.emplace_back(GEOSPrepare_r(h, marks[m].get()),
                          wijkatlas::support::GeosPreparedDeleter{h});
    candidates.push_back({prepared.back().get(), s});
  }
  const auto own = [&](GEOSGeometry* g) { return wijkatlas::support::take_geos(geos, g, "GEOS"); };
  auto linework = own(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, lines.data(),
                                                  static_cast<unsigned>(lines.size())));
  auto noded = own(GEOSUnaryUnion_r(h, linework.get()));
  const GEOSGeometry* noded_ptr = noded.get();
  auto faces = own(GEOSPolygonize_r(h, &noded_ptr, 1));
  const double polygonize_s = clock.seconds();

  wijkatlas::support::GeosTreePtr tree(GEOSSTRtree_create_r(h, 10),
                                       wijkatlas::support::GeosTreeDeleter{h});
  for (std::size_t m = 0; m < marks.size(); ++m) {
    GEOSSTRtree_insert_r(h, tree.get(), marks[m].get(), &candidates[m]);
  }
  struct Query {
    GEOSContextHandle_t h;
    const GEOSGeometry* point;
    std::set<std::size_t> sheets;
  };
  std::size_t marked_faces = 0;
  double area = 0, weighted = 0;
  const int count = GEOSGetNumGeometries_r(h, faces.get());
  for (int i = 0; i < count; ++i) {
    const GEOSGeometry* face = GEOSGetGeometryN_r(h, faces.get(), i);
    auto point = own(GEOSPointOnSurface_r(h, face));
    Query q{h, point.get(), {}};
    GEOSSTRtree_query_r(
        h, tree.get(), point.get(),
        [](void* item, void* data) {
          auto* query = static_cast<Query*>(data);
          const auto* c = static_cast<const Candidate*>(item);
          if (GEOSPreparedContains_r(query->h, c->prepared, query->point) == 1) {
            query->sheets.insert(c->sheet);
          }
        },
        &q);
    if (q.sheets.empty()) continue;
    double a = 0;
    GEOSArea_r(h, face, &a);
    ++marked_faces;
    area += a;
    weighted += a * static_cast<double>(q.sheets.size());
  }
  std::printf(
      "faces=%d marked_faces=%zu area=%.3f weighted_area=%.3f polygonize_s=%.3f overlay_s=%.3f\n",
      count, marked_faces, area, weighted, polygonize_s, clock.seconds());
}
