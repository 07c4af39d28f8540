#include "store_test_support.hpp"

#include <gtest/gtest.h>

namespace wijkatlas::store::test {

std::vector<Backend> backends() {
  return {{"GeoPackage", [](const TempDir& dir, const std::string& name) {
             return (dir / (name + ".gpkg")).string();
           }}};
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param.name;
}

OpenOptions quick() {
  OpenOptions o;
  o.busy_timeout = std::chrono::milliseconds(200);
  return o;
}

sketch::SheetInfo a_sheet(const std::string& id, const std::string& project) {
  sketch::SheetInfo s;
  s.id = id;
  s.project = project;
  s.extent = geo::Box({191000, 443000}, {191725, 443617.5});
  s.scale = 2500;
  s.paper = "A3";
  s.orientation = "landscape";
  s.page_width_mm = 420;
  s.page_height_mm = 297;
  s.frame = {25, 25, 290, 247};
  return s;
}

sketch::InkMark square(sketch::InkCategory category, double x, double y, double size) {
  geo::Polygon p;
  for (const auto& [dx, dy] :
       {std::pair{0.0, 0.0}, {size, 0.0}, {size, size}, {0.0, size}, {0.0, 0.0}}) {
    p.outer().emplace_back(x + dx, y + dy);
  }
  return {category,
          sketch::MarkKind::area,
          geo::MultiPolygon{p},
          size * size,
          0,
          0.9,
          {0x89, 0x50, 0x4e, 0x47},
          geo::Box({x, y}, {x + size, y + size})};
}

sketch::InkMark dot(sketch::InkCategory category, double x, double y) {
  return {category, sketch::MarkKind::point, geo::Point(x, y), 0, 0, 1, {}, {}};
}

IngestBatch photo_batch(const std::string& hash, std::vector<sketch::InkMark> marks) {
  IngestBatch b;
  b.file_name = "foto_" + hash + ".jpg";
  b.content_sha256 = hash;
  b.sheet = a_sheet();
  b.session = "Blokgesprek";
  b.source = SketchSource::foto;
  b.marks = std::move(marks);
  return b;
}

IngestBatch drawing_batch(const std::string& file, const std::string& hash,
                          std::vector<sketch::InkMark> marks) {
  IngestBatch b;
  b.file_name = "/home/someone/" + file;
  b.content_sha256 = hash;
  b.session = "Tafel 3";
  b.source = SketchSource::digitaal;
  b.marks = std::move(marks);
  return b;
}

}  // namespace wijkatlas::store::test
