#include "compare_test_support.hpp"

#include <cstdlib>
#include <sstream>

#include "command_output.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::test {
namespace {

geo::MultiPolygon box(double x0, double y0, double x1, double y1) {
  geo::Polygon p;
  p.outer() = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  return {p};
}

sketch::SheetInfo sheet(int index) {
  sketch::SheetInfo s;
  s.id = "T0S-00" + std::to_string(index);
  s.extent = geo::Box({192500, 445800}, {193300, 446500});
  s.scale = 2500;
  s.paper = "A3";
  s.orientation = "landscape";
  s.page_width_mm = 420;
  s.page_height_mm = 297;
  return s;
}

sketch::InkMark mark(const geo::MultiPolygon& polygons, sketch::InkCategory category) {
  sketch::InkMark m;
  m.category = category;
  m.kind = sketch::MarkKind::area;
  m.geometry = polygons;
  m.area_m2 = geo::area(polygons);
  m.confidence = 1;
  return m;
}

void ingest(store::ProjectStore& store, int index, const std::string& hash,
            std::vector<sketch::InkMark> marks) {
  store::IngestBatch batch;
  batch.file_name = "blad" + std::to_string(index) + ".jpg";
  batch.content_sha256 = hash;
  batch.sheet = sheet(index);
  batch.session = "Tafel Geitenkamp";
  batch.source = store::SketchSource::foto;
  batch.marks = std::move(marks);
  store.ingest(batch);
}

}  // namespace

void fill_store(const std::filesystem::path& path, int sheets) {
  auto store = store::ProjectStore::create(path.string(), "npao");
  for (int i = 0; i < sheets; ++i) {
    store.record_sheet({sheet(i), "", "Tafel Geitenkamp", ""});
    const double x0 = 192880 + 10.0 * i;
    ingest(store, i, "hash-" + std::to_string(i),
           {mark(box(x0, 446120, x0 + 50, 446170), sketch::InkCategory::probleem),
            mark(box(192600, 445900, 192620, 445920), sketch::InkCategory::fijne_plek)});
  }
}

void fill_store_at(const std::filesystem::path& path, int sheets, const std::vector<Spot>& spots) {
  auto store = store::ProjectStore::create(path.string(), "npao");
  for (int i = 0; i < sheets; ++i) {
    sketch::SheetInfo info = sheet(i);
    info.extent = geo::Box({190000, 442000}, {197000, 448000});
    info.scale = 25000;
    store.record_sheet({info, "", "Tafel Oost", ""});
    std::vector<sketch::InkMark> marks;
    for (const Spot& s : spots) {
      if (i < s.count)
        marks.push_back(
            mark(box(s.x - 10, s.y - 10, s.x + 10, s.y + 10), sketch::InkCategory::probleem));
    }
    store::IngestBatch batch;
    batch.file_name = "oost" + std::to_string(i) + ".jpg";
    batch.content_sha256 = "oost-" + std::to_string(i);
    batch.sheet = info;
    batch.source = store::SketchSource::scan;
    batch.marks = std::move(marks);
    store.ingest(batch);
  }
}

void replace_sheet(const std::filesystem::path& path, int index, double x0, double y0, double x1,
                   double y1) {
  auto store = store::ProjectStore::open(path.string());
  ingest(store, index, "hash-again-" + std::to_string(index),
         {mark(box(x0, y0, x1, y1), sketch::InkCategory::probleem)});
}

void keep_for_viewing(const std::filesystem::path& file) {
  const char* dir = std::getenv("WIJKATLAS_TEST_KEEP");
  if (dir == nullptr || *dir == 0) return;
  std::filesystem::copy_file(file, std::filesystem::path(dir) / file.filename(),
                             std::filesystem::copy_options::overwrite_existing);
}

std::string pdf_text(const std::filesystem::path& pdf) {
  return wijkatlas::test::command_output("pdftotext -layout " + wijkatlas::test::shell_quoted(pdf) +
                                         " -");
}

geo::Layer read_output(const std::filesystem::path& path, const std::string& layer) {
  geo::CollectingReporter reporter;
  geo::ReadOptions options;
  options.layer = layer;
  options.allow_empty = true;
  options.require_geometry = false;
  return geo::read_layer(path, options, reporter);
}

}  // namespace wijkatlas::test
