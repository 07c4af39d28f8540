// A second front end: the library used as an HTTP server or another program would use it,
// without the command line (this executable does not link app/). It runs a join, an overlap with
// the spots of a session and a map rendered to memory, and checks what comes back.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "test_support.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/project/join.hpp"
#include "wijkatlas/project/map_sources.hpp"
#include "wijkatlas/project/overlap.hpp"
#include "wijkatlas/project/session_spots.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/render/map_definition.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas {
namespace {

geo::MultiPolygon square(double x, double y, double half) {
  geo::Polygon p;
  p.outer() = {{x - half, y - half},
               {x + half, y - half},
               {x + half, y + half},
               {x - half, y + half},
               {x - half, y - half}};
  return {p};
}

// Three residents of one session drew a problem at the same corner of Geitenkamp.
void three_drawings(const std::filesystem::path& store_path) {
  auto store = store::ProjectStore::create(store_path.string(), "npao");
  for (int i = 0; i < 3; ++i) {
    store::IngestBatch batch;
    batch.file_name = "tekening" + std::to_string(i) + ".geojson";
    batch.content_sha256 =
        std::to_string(i) + std::string(63, 'a');  // ids come from the hash's start
    batch.session = "Tafel Geitenkamp";
    sketch::InkMark mark;
    mark.category = sketch::InkCategory::probleem;
    mark.kind = sketch::MarkKind::area;
    mark.geometry = square(192900 + 5.0 * i, 446150, 25);
    mark.area_m2 = geo::area(std::get<geo::MultiPolygon>(mark.geometry));
    mark.confidence = 1;
    batch.marks.push_back(mark);
    store.ingest(batch);
  }
}

bool starts_with(const std::vector<std::byte>& bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), bytes.begin(),
                    [](char c, std::byte b) { return std::byte(c) == b; });
}

std::uint32_t big_endian(const std::vector<std::byte>& bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | std::to_integer<std::uint32_t>(bytes[at + i]);
  return v;
}

TEST(SecondFrontEnd, JoinsTheInitiativesToTheProgrammeWijken) {
  geo::CollectingReporter reporter;
  const project::JoinResult result = project::join(project::JoinRequest{}, reporter);
  const auto programme =
      std::find_if(result.layers.begin(), result.layers.end(),
                   [](const geo::Layer& l) { return l.name == "programmawijken"; });
  ASSERT_NE(programme, result.layers.end());
  EXPECT_EQ(programme->features.size(),
            5u);  // Geitenkamp, Presikhaaf, Klarendal, Arnhemse Broek, Malburgen
  const auto n = *programme->field_index("n_punten");
  double joined = 0;
  for (const auto& f : programme->features) joined += geo::as_number(f.values[n]).value_or(0);
  EXPECT_EQ(joined + static_cast<double>(result.outside), static_cast<double>(result.points));
  EXPECT_GT(result.points, 0u);
}

TEST(SecondFrontEnd, SumsUpASessionAndMakesItsSpot) {
  test::TempDir dir;
  const auto store_path = dir / "project.gpkg";
  three_drawings(store_path);
  geo::CollectingReporter reporter;
  auto store = store::ProjectStore::open(store_path.string());
  project::OverlapRequest request;
  request.session = "Tafel Geitenkamp";
  const project::OverlapResult overlap = project::overlap(store, request, reporter);
  EXPECT_EQ(overlap.method, "exact");
  EXPECT_EQ(overlap.sheets, 3u);
  EXPECT_EQ(overlap.max_n, 3);
  double area_n3 = 0;
  for (const auto& face : overlap.exact->faces)
    area_n3 += face.n == 3 ? geo::area(geo::MultiPolygon{face.geometry}) : 0;
  EXPECT_NEAR(area_n3, 40.0 * 50.0,
              1.0);  // the 50 m squares shifted by 5 m: all three share 40 x 50 m

  const project::SessionSpots spots =
      project::session_spots(store, "Tafel Geitenkamp", 3, false, reporter);
  ASSERT_EQ(spots.spots.size(), 1u);
  EXPECT_EQ(spots.spots[0].n, 3);
  EXPECT_NEAR(spots.spots[0].area_m2, 40.0 * 50.0, 1.0);
}

TEST(SecondFrontEnd, RendersAMapToMemoryAsPdfAndPng) {
  geo::CollectingReporter reporter;
  project::MapSources sources("", reporter);
  const auto definition = render::load_map_definition(
      test::source_file("examples/maps/bevolkingsdichtheid_buurten.toml"));
  render::MapSpec spec = sources.resolve(definition);
  const std::vector<std::byte> pdf = render::render_map(render::OutputFormat::pdf, spec, {});
  EXPECT_TRUE(starts_with(pdf, "%PDF-"));
  EXPECT_GT(pdf.size(), 10'000u);

  spec.page.dpi = 50;
  const std::vector<std::byte> png = render::render_map(render::OutputFormat::png, spec, {});
  ASSERT_TRUE(starts_with(png, "\x89PNG"));
  const auto px = spec.page.raster_size();
  EXPECT_EQ(big_endian(png, 16), static_cast<std::uint32_t>(px.width));  // IHDR width and height
  EXPECT_EQ(big_endian(png, 20), static_cast<std::uint32_t>(px.height));
}

}  // namespace
}  // namespace wijkatlas
