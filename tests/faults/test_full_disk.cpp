// A full disk for every writer (issue 15): the program runs with a file size limit and SIGXFSZ
// ignored, so that a write past it fails with EFBIG as one on a full disk fails with ENOSPC. Each
// output is written once, then again on the "full" disk: exit 4, a message that names the output
// and says why, no hidden temporary file, and the first file unchanged byte for byte.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

#include "fault_fixtures.hpp"
#include "store_file.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::test {
namespace {

namespace fs = std::filesystem;

// `args` write `output`; the second run may write at most half of it (or `limit`).
void expect_full_disk_refused(const TempDir& dir, const std::vector<std::string>& args,
                              const fs::path& output,
                              std::optional<std::uintmax_t> limit = std::nullopt) {
  const ChildResult first = run_program(args);
  ASSERT_EQ(first.code, 0) << first.err;
  const std::string before = file_bytes(output);
  ASSERT_GT(before.size(), 0u);
  ChildOptions full;
  full.file_size_limit = limit.value_or(before.size() / 2);
  const ChildResult r = run_program(args, full);
  expect_clear_write_failure(r, output);
  EXPECT_TRUE(file_bytes(output) == before) << output << " changed";
  EXPECT_EQ(hidden_temporary_files(dir.path()), std::vector<fs::path>{});
}

std::string vaduz() {
  return source_file("examples/maps/vaduz_straten.toml").string();
}

TEST(FullDisk, JoinGeoPackage) {
  TempDir dir;
  const auto gpkg = dir / "koppeling.gpkg";
  expect_full_disk_refused(dir, {"join", "-q", "-o", gpkg.string()}, gpkg);
}

TEST(FullDisk, AreasGeoPackage) {
  TempDir dir;
  const auto gpkg = dir / "gebieden.gpkg";
  expect_full_disk_refused(dir, {"areas", "-q", "-o", gpkg.string()}, gpkg);
}

TEST(FullDisk, MapPdf) {
  TempDir dir;
  const auto pdf = dir / "vaduz.pdf";
  expect_full_disk_refused(dir, {"map", vaduz(), "-q", "--no-date", "-o", pdf.string()}, pdf);
}

TEST(FullDisk, MapSvg) {
  TempDir dir;
  const auto svg = dir / "vaduz.svg";
  expect_full_disk_refused(dir, {"map", vaduz(), "-q", "--no-date", "-o", svg.string()}, svg);
}

// A4 at 300 dpi: 2480 x 3508 pixels, painted in two bands while the first is encoded.
TEST(FullDisk, MapPngInBands) {
  TempDir dir;
  const auto png = dir / "vaduz.png";
  expect_full_disk_refused(
      dir, {"map", vaduz(), "-q", "--no-date", "--dpi", "300", "-o", png.string()}, png);
}

TEST(FullDisk, AtlasPdf) {
  TempDir dir;
  const auto pdf = dir / "atlas.pdf";
  expect_full_disk_refused(dir, atlas_args(dir, pdf, {}), pdf);
}

// The PNG of the fifth page (350 KB) does not fit in 320 KB, the ones before it do (at most
// 280 KB) and so does the PDF so far: the PNGs before it are written again (the same bytes),
// the PDF is not finished and stays as it was.
TEST(FullDisk, AtlasPng) {
  TempDir dir;
  const auto pdf = dir / "atlas.pdf";
  const auto png = dir / "png" / "04_arnhemse-broek.png";
  const auto args = atlas_args(dir, pdf, dir / "png");
  ASSERT_EQ(run_program(args).code, 0);
  const std::string pdf_before = file_bytes(pdf), png_before = file_bytes(png);
  constexpr std::uintmax_t limit = 320'000;
  ASSERT_GT(png_before.size(), limit);
  for (const char* earlier :
       {"00_overzicht.png", "01_geitenkamp.png", "02_presikhaaf.png", "03_klarendal.png"}) {
    ASSERT_LT(fs::file_size(dir / "png" / earlier), limit) << earlier;
  }
  ChildOptions full;
  full.file_size_limit = limit;
  const ChildResult r = run_program(args, full);
  expect_clear_write_failure(r, png);
  EXPECT_TRUE(file_bytes(pdf) == pdf_before);
  EXPECT_TRUE(file_bytes(png) == png_before);
  EXPECT_EQ(hidden_temporary_files(dir.path()), std::vector<fs::path>{});
}

TEST(FullDisk, SheetPdf) {
  TempDir dir;
  const auto pdf = dir / "blad.pdf";
  expect_full_disk_refused(dir,
                           {"sheet", "-q", "--area", "Klarendal", "--store",
                            (dir / "project.gpkg").string(), "--no-date", "-o", pdf.string()},
                           pdf);
}

// Runs `write` in a child process whose files may grow to `limit` bytes (0: no limit; SIGXFSZ
// ignored): a library writer on a full disk, where a command's other outputs would reach the
// limit first. Exit 4 with the output_error's message, 1 for any other exception. The parent
// never runs the writer itself: GDAL's worker threads would not survive a later fork.
ChildResult write_in_child(std::uintmax_t limit, const std::function<void()>& write) {
  int message[2];
  EXPECT_EQ(::pipe(message), 0);
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    if (limit > 0) {
      const rlimit most{limit, limit};
      ::setrlimit(RLIMIT_FSIZE, &most);
    }
    int code = 0;
    std::string text;
    try {
      write();
    } catch (const output_error& e) {
      code = 4;
      text = e.what();
    } catch (...) {
      code = 1;
    }
    (void)!::write(message[1], text.data(), text.size());
    ::_exit(code);
  }
  ::close(message[1]);
  ChildResult r;
  char buffer[4096];
  for (ssize_t n; (n = ::read(message[0], buffer, sizeof buffer)) > 0;)
    r.err.append(buffer, static_cast<std::size_t>(n));
  ::close(message[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

// The rows of a table through geo::write_csv (join --csv, overlap, compare): in `join` the
// GeoPackage, written first and larger, would reach the limit before the table.
TEST(FullDisk, CsvTable) {
  TempDir dir;
  const auto csv = dir / "tabel.csv";
  geo::Table table{{"code", "naam"}, {}};
  for (int i = 0; i < 20000; ++i)
    table.rows.push_back({std::int64_t{i}, std::string("buurt nummer ") + std::to_string(i)});
  geo::write_csv(csv, table);
  const std::string before = file_bytes(csv);
  expect_clear_write_failure(write_in_child(before.size() / 2, [&] { geo::write_csv(csv, table); }),
                             csv);
  EXPECT_TRUE(file_bytes(csv) == before);
  EXPECT_EQ(hidden_temporary_files(dir.path()), std::vector<fs::path>{});
}

// overlap's counts as a GeoTIFF (geo::write_count_geotiff, through GDAL's GTiff driver and its
// compression threads): the GeoPackage beside it would reach the limit first in `overlap`.
TEST(FullDisk, CountGridGeoTiff) {
  TempDir dir;
  const auto tif = dir / "overlap_telling.tif";
  geo::CountGrid grid;
  grid.spec = {190000.0, 441500.0, 1.0, 1500, 1500};
  std::uint32_t state = 12345;  // counts that do not compress away
  for (std::size_t i = 0; i < 1500u * 1500u; ++i) {
    state = state * 1664525u + 1013904223u;
    grid.n.push_back(static_cast<std::uint16_t>((state >> 24) % 7));
    grid.N.push_back(static_cast<std::uint16_t>(grid.n.back() + 3));
  }
  const ChildResult first = write_in_child(0, [&] { geo::write_count_geotiff(tif, grid); });
  ASSERT_EQ(first.code, 0) << first.err;
  const std::string before = file_bytes(tif);
  ASSERT_GT(before.size(), 100'000u);
  expect_clear_write_failure(
      write_in_child(before.size() / 2, [&] { geo::write_count_geotiff(tif, grid); }), tif);
  EXPECT_TRUE(file_bytes(tif) == before) << "the earlier GeoTIFF is unchanged";
  EXPECT_EQ(hidden_temporary_files(dir.path()), std::vector<fs::path>{});
}

// Reading a store in WAL mode needs room too: SQLite makes its -shm file (32 KB) first.
TEST(FullDisk, ReadingTheStore) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  const auto file = dir.write("klein.geojson", drawing_with_points(3));
  ASSERT_EQ(run_program({"ingest", "-q", "--store", store.string(), file.string()}).code, 0);
  ChildOptions full;
  full.file_size_limit = 16'000;
  const ChildResult r = run_program(
      {"overlap", "-q", "--store", store.string(), "-o", (dir / "overlap.gpkg").string()}, full);
  expect_clear_write_failure(r, store);
  EXPECT_FALSE(fs::exists(dir / "overlap.gpkg"));
  EXPECT_EQ(query_text(store, "PRAGMA integrity_check"), "ok");
}

// The project store: a drawing of 20,000 points does not fit; nothing of it is stored, the
// store stays whole and takes the drawing once there is room.
TEST(FullDisk, StoreIngest) {
  TempDir dir;
  const auto store = dir / "project.gpkg";
  const auto small = dir.write("klein.geojson", drawing_with_points(3));
  const auto large = dir.write("groot.geojson", drawing_with_points(20000, 1));
  ASSERT_EQ(run_program({"ingest", "-q", "--store", store.string(), small.string()}).code, 0);
  ChildOptions full;
  full.file_size_limit = fs::file_size(store);
  const ChildResult r =
      run_program({"ingest", "-q", "--store", store.string(), large.string()}, full);
  expect_clear_write_failure(r, store);
  EXPECT_EQ(query_text(store, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), 3);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 1);
  const ChildResult again =
      run_program({"ingest", "-q", "--store", store.string(), large.string()});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM sketches"), 20003);
  EXPECT_EQ(query_number(store, "SELECT COUNT(*) FROM ingests"), 2);
}

}  // namespace
}  // namespace wijkatlas::test
