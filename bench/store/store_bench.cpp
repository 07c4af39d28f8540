// bench_store [DIR]: 200 photos of 20 marks each (a 49-vertex outline and a 6 KB crop per mark)
// ingested into a new GeoPackage store, one transaction per photo; then the current sketches
// read back three times with ProjectStore::current_sheets and with geo::read_layer on the same
// file (the peer: GDAL's generic reader, what the overlap command used before). Prints seconds.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numbers>

#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace {

using namespace wijkatlas;
using Clock = std::chrono::steady_clock;

struct Quiet : geo::Reporter {
  void warn(std::string_view) override {}
  void info(std::string_view) override {}
  void progress(std::string_view, std::size_t, std::size_t) override {}
};

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

store::IngestBatch photo(int i, int marks) {
  store::IngestBatch b;
  b.file_name = "foto" + std::to_string(i) + ".jpg";
  b.content_sha256 = "hash" + std::to_string(i);
  sketch::SheetInfo sheet;
  sheet.id = "B" + std::to_string(i);
  sheet.extent = geo::Box({190000, 442000}, {194000, 446000});
  sheet.scale = 2500;
  sheet.paper = "A3";
  sheet.orientation = "landscape";
  b.sheet = sheet;
  b.session = "bench";
  b.source = store::SketchSource::foto;
  for (int k = 0; k < marks; ++k) {
    geo::Polygon p;
    const double cx = 190500 + 37.0 * ((i * 7 + k * 13) % 90),
                 cy = 442500 + 41.0 * ((i * 3 + k * 11) % 80);
    for (int v = 0; v <= 48; ++v) {
      const double a = 2 * std::numbers::pi * (v % 48) / 48;
      p.outer().emplace_back(cx + 30 * std::cos(a) + (v % 5), cy - 25 * std::sin(a));
    }
    b.marks.push_back({sketch::InkCategory::probleem,
                       sketch::MarkKind::area,
                       geo::MultiPolygon{p},
                       2000,
                       0,
                       1,
                       std::vector<std::uint8_t>(6000, 7),
                       {}});
  }
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
  const std::string path = (dir / "bench_store.gpkg").string();
  std::filesystem::remove(path);
  constexpr int photos = 200, marks = 20;
  auto t0 = Clock::now();
  {
    store::ProjectStore s = store::ProjectStore::create(path, "npao");
    for (int i = 0; i < photos; ++i) s.ingest(photo(i, marks));
  }
  std::printf("ingest: %d photos x %d marks in %.2f s (%.1f ms per photo)\n", photos, marks,
              since(t0), 1000 * since(t0) / photos);
  Quiet quiet;
  for (int run = 1; run <= 3; ++run) {
    t0 = Clock::now();
    const store::SketchSheets sheets =
        store::ProjectStore::open(path).current_sheets(sketch::InkCategory::probleem);
    const double store_s = since(t0);
    t0 = Clock::now();
    geo::ReadOptions o;
    o.layer = "sketches";
    o.fields = {"sheet_id", "ingest_id"};
    o.where = "superseded = 0 AND category = 'probleem'";
    o.allow_empty = true;
    const geo::Layer sketches = geo::read_layer(path, o, quiet);
    geo::ReadOptions extents;
    extents.layer = "sheets";
    extents.fields = {"id"};
    const geo::Layer sheet_rows = geo::read_layer(path, extents, quiet);
    const double peer_s = since(t0);
    std::printf(
        "read run %d: current_sheets %zu sketches %.3f s; geo::read_layer %zu sketches + %zu "
        "sheets %.3f s\n",
        run, sheets.sketches, store_s, sketches.features.size(), sheet_rows.features.size(),
        peer_s);
  }
  std::filesystem::remove(path);
}
