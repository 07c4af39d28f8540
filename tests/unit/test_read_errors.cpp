// Bad input: every problem is an exception naming the file, the feature or line, and what is
// wrong. (Indicator and programme errors are in their own test files.)
#include <gtest/gtest.h>

#include <cstdlib>

#include "fifo_guard.hpp"
#include "test_support.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/ops.hpp"

namespace wijkatlas::geo {
namespace {

using test::TempDir;

// Reads and returns the message of the expected exception type; fails when none is thrown.
template <typename Error>
std::string message_of(const std::filesystem::path& path, ReadOptions options = {}) {
  CollectingReporter reporter;
  try {
    read_layer(path, options, reporter);
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no " << typeid(Error).name() << " for " << path;
  return {};
}

}  // namespace

TEST(ReadErrors, MissingFile) {
  const auto m = message_of<io_error>("/nonexistent/initiatieven.csv");
  EXPECT_CONTAINS(m, "/nonexistent/initiatieven.csv");
  EXPECT_CONTAINS(m, "not found");
}

// A FIFO or a device named like a dataset: GDAL would wait for a writer, or read without end.
TEST(ReadErrors, FifoOrDeviceIsRefusedWithoutWaiting) {
  TempDir dir;
  const auto fifo = dir / "punten.csv";
  CollectingReporter reporter;
  const std::string m = test::message_reading_fifo(fifo, [&] { read_layer(fifo, {}, reporter); });
  EXPECT_CONTAINS(m, "punten.csv: is a named pipe (FIFO), not a dataset");
  const auto zero = dir / "nul.geojson";
  std::filesystem::create_symlink("/dev/zero", zero);
  EXPECT_CONTAINS(message_of<io_error>(zero), "is a device, such as /dev/zero, not a dataset");
}

TEST(ReadErrors, UnreadableFormat) {
  TempDir dir;
  const auto path = dir.write("kapot.gpkg", std::string("\x00\x01garbage, not a GeoPackage", 26));
  const auto m = message_of<io_error>(path);
  EXPECT_CONTAINS(m, "kapot.gpkg");
  EXPECT_CONTAINS(m, "not a vector format");
}

TEST(ReadErrors, UnknownCrs) {
  TempDir dir;
  ReadOptions options;
  options.assign_crs = "EPSG:999999";
  const auto m = message_of<crs_error>(dir.write("p.csv", "x,y\n190000,445000\n"), options);
  EXPECT_CONTAINS(m, "p.csv");
  EXPECT_CONTAINS(m, "EPSG:999999");
  EXPECT_CONTAINS(m, "not in PROJ's database")
      << "PROJ's own 'Unknown error (code 4096)' says nothing";
}

TEST(ReadErrors, ShapefileWithoutCrsAsksForOne) {
  TempDir dir;
  const auto source = dir.write("p.csv", "naam,x,y\na,190000,445000\n");
  ASSERT_EQ(
      std::system(("ogr2ogr -f 'ESRI Shapefile' -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y " +
                   (dir / "p.shp").string() + " " + source.string() + " 2>/dev/null")
                      .c_str()),
      0);
  std::filesystem::remove(dir / "p.prj");
  const auto m = message_of<crs_error>(dir / "p.shp");
  EXPECT_CONTAINS(m, "p.shp");
  EXPECT_CONTAINS(m, "no coordinate reference system; name it");
  // The library names the option's field; the command line says which flag that is (--s-srs).
  try {
    CollectingReporter reporter;
    read_layer(dir / "p.shp", {}, reporter);
  } catch (const crs_error& e) {
    EXPECT_EQ(e.field(), "assign_crs");
  }
}

TEST(ReadErrors, SwappedLonLatIsRecognised) {
  TempDir dir;
  // Latitude in the lon column: without the check these points would land in Somalia.
  const auto m = message_of<data_error>(
      dir.write("p.csv", "naam,lon,lat\na,5.9016,51.9849\nb,51.9849,5.9016\n"));
  EXPECT_CONTAINS(m, "p.csv, line 3");
  EXPECT_CONTAINS(m, "swapped");
}

TEST(ReadErrors, CoordinatesInTheWrongCrs) {
  TempDir dir;
  // RD metres in lon/lat columns.
  const auto m = message_of<data_error>(dir.write("p.csv", "lon,lat\n190000,445000\n"));
  EXPECT_CONTAINS(m, "line 2");
  EXPECT_CONTAINS(m, "outside the Netherlands");
}

TEST(ReadErrors, EmptyLayer) {
  TempDir dir;
  const auto m = message_of<data_error>(dir.write("leeg.csv", "naam,lon,lat\n"));
  EXPECT_CONTAINS(m, "leeg.csv");
  EXPECT_CONTAINS(m, "no features");
}

TEST(ReadErrors, NonUtf8TextNamesTheLine) {
  TempDir dir;
  const auto m = message_of<data_error>(
      dir.write("latin1.csv", "naam,lon,lat\nPlein,5.9,52.0\nCaf\xe9 Zon,5.9,52.0\n"));
  EXPECT_CONTAINS(m, "latin1.csv, line 3");
  EXPECT_CONTAINS(m, "UTF-8");
}

TEST(ReadErrors, NonNumericCoordinateNamesLineAndColumn) {
  TempDir dir;
  const auto m =
      message_of<data_error>(dir.write("p.csv", "naam,lon,lat\na,5.9,52.0\nb,vijf,52.0\n"));
  EXPECT_CONTAINS(m, "line 3");
  EXPECT_CONTAINS(m, "'vijf'");
  EXPECT_CONTAINS(m, "lon");
}

TEST(ReadErrors, CsvWithoutLocationColumns) {
  TempDir dir;
  const auto m = message_of<data_error>(dir.write("p.csv", "naam,adres\na,Straat 1\n"));
  EXPECT_CONTAINS(m, "no location columns");
}

TEST(ReadErrors, SeveralLayersWithoutAChoiceListsThem) {
  const auto m =
      message_of<io_error>(test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg"));
  EXPECT_CONTAINS(m, "buurten");
  EXPECT_CONTAINS(m, "wijken");
}

TEST(ReadErrors, UnknownLayer) {
  ReadOptions options;
  options.layer = "straten";
  const auto m =
      message_of<io_error>(test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg"), options);
  EXPECT_CONTAINS(m, "no layer 'straten'");
}

TEST(ReadErrors, SelfIntersectingPolygonIsRepairedWithAWarning) {
  TempDir dir;
  // A bow-tie: two 100 m triangles meeting in (190050, 445050).
  const auto path =
      dir.write("vlinder.csv",
                "naam,wkt\nvlinder,\"POLYGON((190000 445000,190100 445100,190100 445000,"
                "190000 445100,190000 445000))\"\n");
  CollectingReporter reporter;
  const Layer layer = read_layer(path, {}, reporter);
  ASSERT_EQ(layer.features.size(), 1u);
  const auto& repaired = std::get<MultiPolygon>(layer.features[0].geometry);
  EXPECT_FALSE(invalid_reason(Geometry(repaired)));
  EXPECT_NEAR(area(repaired), 5000.0, 1e-6) << "both triangles kept";
  EXPECT_TRUE(reporter.has_warning_containing("vlinder.csv, line 2: invalid polygon"));
  EXPECT_TRUE(reporter.has_warning_containing("Self-intersection"));
}

TEST(ReadErrors, InvalidPolygonIsAnErrorWhenRepairIsOff) {
  TempDir dir;
  const auto path =
      dir.write("vlinder.csv",
                "naam,wkt\nvlinder,\"POLYGON((190000 445000,190100 445100,190100 445000,"
                "190000 445100,190000 445000))\"\n");
  ReadOptions options;
  options.repair_invalid = false;
  EXPECT_CONTAINS(message_of<geometry_error>(path, options), "line 2");
}

}  // namespace wijkatlas::geo
