#include "store_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <sstream>

namespace wijkatlas::store::test {

// The server of scripts/test-postgres.sh, as "PG:<connection string>" without the password:
// that goes to libpq through PGPASSWORD, so that a location as given equals the location a
// store reports (which never shows a password).
std::string postgis_server() {
  const char* conninfo = std::getenv("WIJKATLAS_TEST_PG");
  if (conninfo == nullptr || *conninfo == '\0') return "";
  std::istringstream words(conninfo);
  std::string out = "PG:", word;
  while (words >> word) {
    if (word.rfind("password=", 0) == 0)
      setenv("PGPASSWORD", word.substr(9).c_str(), 1);
    else
      out += word + " ";
  }
  return out;
}

namespace {

// A schema of its own for each test directory and name.
std::string schema_for(const TempDir& dir, const std::string& name) {
  std::ostringstream s;
  s << "t" << std::hex << std::hash<std::string>{}(dir.path().string()) << "_";
  for (const char c : name)
    s << (std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_');
  return s.str();
}

}  // namespace

std::vector<Backend> backends() {
  std::vector<Backend> out{{"GeoPackage", [](const TempDir& dir, const std::string& name) {
                              return (dir / (name + ".gpkg")).string();
                            }}};
  if (const std::string server = postgis_server(); !server.empty()) {
    out.push_back({"PostGIS", [server](const TempDir& dir, const std::string& name) {
                     return server + "active_schema=" + schema_for(dir, name);
                   }});
  }
  return out;
}

bool postgis_required_but_missing() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true" && postgis_server().empty();
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param.name;
}

OpenOptions quick() {
  OpenOptions o;
  o.busy_timeout = std::chrono::milliseconds(200);
  return o;
}

OpenOptions as(const std::string& by) {
  OpenOptions o = quick();
  o.by = by;
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
