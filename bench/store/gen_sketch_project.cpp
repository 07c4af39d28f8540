// bench_gen_sketch_project LOCATION [SKETCHES]: a project of SKETCHES sketches (default 4,000)
// for issue 13's benchmark (3), on a GeoPackage path or a PG: location, made through the store's
// API: photos of 20 marks each (a 49-vertex outline, a 2 KB crop) on A3 sheets in Arnhem-Oost,
// one session "bench", one transaction per photo. Deterministic: the same project every run.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

#include "wijkatlas/store/project_store.hpp"

namespace {

using namespace wijkatlas;

constexpr int marks_per_photo = 20;

store::IngestBatch photo(int i) {
  store::IngestBatch b;
  b.file_name = "foto" + std::to_string(i) + ".jpg";
  b.content_sha256 = std::to_string(100000 + i) + "-bench-photo";  // ids: its first 12 chars
  sketch::SheetInfo sheet;
  sheet.id = "B" + std::to_string(1000 + i);
  sheet.project = "npao";
  // Sheets of 1.5 x 1.1 km on a grid over Arnhem-Oost (Geitenkamp to Presikhaaf, Malburgen).
  const double x0 = 191000 + 700.0 * (i % 6), y0 = 442500 + 600.0 * ((i / 6) % 7);
  sheet.extent = geo::Box({x0, y0}, {x0 + 1500, y0 + 1100});
  sheet.scale = 2500;
  sheet.paper = "A3";
  sheet.orientation = "landscape";
  sheet.page_width_mm = 420;
  sheet.page_height_mm = 297;
  sheet.frame = {25, 25, 290, 247};
  b.sheet = sheet;
  b.session = "bench";
  b.source = store::SketchSource::foto;
  for (int k = 0; k < marks_per_photo; ++k) {
    geo::Polygon p;
    const double cx = x0 + 100 + 53.0 * ((i * 7 + k * 13) % 24),
                 cy = y0 + 100 + 47.0 * ((i * 3 + k * 11) % 19);
    for (int v = 0; v <= 48; ++v) {
      const double a = 2 * std::numbers::pi * (v % 48) / 48;
      p.outer().emplace_back(cx + 30 * std::cos(a) + (v % 5), cy - 25 * std::sin(a));
    }
    const auto category =
        k % 3 == 0 ? sketch::InkCategory::fijne_plek : sketch::InkCategory::probleem;
    b.marks.push_back({category,
                       sketch::MarkKind::area,
                       geo::MultiPolygon{p},
                       2000,
                       0,
                       1,
                       std::vector<std::uint8_t>(2000, 7),
                       {}});
  }
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s LOCATION [SKETCHES]\n", argv[0]);
    return 2;
  }
  const int sketches = argc > 2 ? std::stoi(argv[2]) : 4000;
  const auto t0 = std::chrono::steady_clock::now();
  store::ProjectStore s = store::ProjectStore::open_or_create(argv[1], "npao");
  const int photos = (sketches + marks_per_photo - 1) / marks_per_photo;
  for (int i = 0; i < photos; ++i) s.ingest(photo(i));
  std::printf("%d photos x %d marks written to %s in %.1f s\n", photos, marks_per_photo,
              s.location().c_str(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  return 0;
}
