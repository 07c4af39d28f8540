// Reading every supported source through GDAL/OGR into RD New.
#include <gtest/gtest.h>

#include <boost/geometry.hpp>
#include <cstdlib>

#include "test_support.hpp"
#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::geo {
namespace {

using test::TempDir;

// Arnhem Centraal in WGS84 and, from the assets file in the data directory, in RD New.
constexpr double station_lon = 5.901321, station_lat = 51.983809;
constexpr double station_x = 190318.1, station_y = 444059.4;

Point only_point(const Layer& layer) {
  EXPECT_EQ(layer.features.size(), 1u);
  return std::get<Point>(layer.features.at(0).geometry);
}

Layer read(const std::filesystem::path& path, ReadOptions options = {}) {
  CollectingReporter reporter;
  return read_layer(path, options, reporter);
}

void ogr2ogr(const std::string& arguments) {
  ASSERT_EQ(std::system(("ogr2ogr " + arguments).c_str()), 0) << "ogr2ogr " << arguments;
}

const char* station_geojson = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"naam":"Arnhem Centraal","perrons":7,"open":"2015-11-19"},
  "geometry":{"type":"Point","coordinates":[5.901321,51.983809]}}]})";

}  // namespace

TEST(Read, GeoJsonInWgs84LandsInArnhemInRd) {
  TempDir dir;
  const Layer layer = read(dir.write("station.geojson", station_geojson));
  const Point p = only_point(layer);
  EXPECT_NEAR(p.x(), station_x, 0.5);
  EXPECT_NEAR(p.y(), station_y, 0.5);
  EXPECT_EQ(layer.source_crs, "EPSG:4326");
  ASSERT_EQ(layer.fields.size(), 3u);
  EXPECT_EQ(layer.fields[1].type, FieldType::integer);
  EXPECT_EQ(std::get<std::string>(layer.features[0].values[0]), "Arnhem Centraal");
}

TEST(Read, ShapefileAndFlatGeobufGiveTheSamePoint) {
  TempDir dir;
  const auto source = dir.write("station.geojson", station_geojson);
  const Point expected = only_point(read(source));
  ogr2ogr("-f 'ESRI Shapefile' -t_srs EPSG:28992 " + (dir / "station.shp").string() + " " +
          source.string());
  ogr2ogr("-f FlatGeobuf " + (dir / "station.fgb").string() + " " + source.string());
  for (const char* name : {"station.shp", "station.fgb"}) {
    const Point p = only_point(read(dir / name));
    EXPECT_NEAR(p.x(), expected.x(), 0.01) << name;
    EXPECT_NEAR(p.y(), expected.y(), 0.01) << name;
  }
}

TEST(Read, CsvLonLatXyAndWktAgree) {
  TempDir dir;
  const Point from_lonlat =
      only_point(read(dir.write("a.csv", "naam,lon,lat\nstation,5.901321,51.983809\n")));
  Transformer to_rd(wgs84);
  const Point rd = to_rd.transform(Point(station_lon, station_lat));
  EXPECT_NEAR(from_lonlat.x(), rd.x(), 1e-6);
  char xy[200];
  std::snprintf(xy, sizeof xy, "naam;x_rd;y_rd\nstation;%.3f;%.3f\n", rd.x(), rd.y());
  const Point from_xy = only_point(read(dir.write("b.csv", xy)));
  EXPECT_NEAR(from_xy.x(), rd.x(), 0.001);
  EXPECT_NEAR(from_xy.y(), rd.y(), 0.001);
  std::snprintf(xy, sizeof xy, "naam,wkt\nstation,POINT (%.3f %.3f)\n", rd.x(), rd.y());
  const Point from_wkt = only_point(read(dir.write("c.csv", xy)));
  EXPECT_NEAR(from_wkt.y(), rd.y(), 0.001);
}

TEST(Read, CsvTypesAreInferredAndCodesStayText) {
  TempDir dir;
  const Layer layer = read(dir.write("t.csv",
                                     "code,aantal,bedrag,datum,lon,lat\n"
                                     "0202,3,\"1,5\",2024-03-01,5.9,52.0\n"
                                     "0203,4,2.25,2024-03-02,5.9,52.0\n"));
  ASSERT_EQ(layer.fields.size(), 4u);
  EXPECT_EQ(layer.fields[0].type, FieldType::text) << "leading zeros mean a code";
  EXPECT_EQ(layer.fields[1].type, FieldType::integer);
  EXPECT_EQ(layer.fields[2].type, FieldType::real);
  EXPECT_EQ(layer.fields[3].type, FieldType::date);
  EXPECT_EQ(std::get<std::string>(layer.features[0].values[0]), "0202");
  EXPECT_EQ(std::get<double>(layer.features[0].values[2]), 1.5) << "decimal comma";
  EXPECT_EQ(std::get<Date>(layer.features[1].values[3]).day, 2);
}

TEST(Read, PersonalFieldsAreMarked) {
  const Layer layer = read(test::source_file("examples/initiatieven_arnhem_oost.csv"));
  EXPECT_EQ(layer.features.size(), 40u);
  for (const auto& f : layer.fields) {
    EXPECT_EQ(f.personal, f.name.starts_with("contact_")) << f.name;
  }
}

TEST(Read, GeoPackageRegistryEqualsCsvRegistry) {
  const Layer csv = read(test::source_file("examples/initiatieven_arnhem_oost.csv"));
  ReadOptions options;
  options.layer = "initiatieven";
  const Layer gpkg = read(test::source_file("examples/initiatieven_arnhem_oost.gpkg"), options);
  ASSERT_EQ(csv.features.size(), gpkg.features.size());
  for (std::size_t i = 0; i < csv.features.size(); ++i) {
    const Point a = std::get<Point>(csv.features[i].geometry);
    const Point b = std::get<Point>(gpkg.features[i].geometry);
    EXPECT_LT(boost::geometry::distance(a, b), 0.05) << "feature " << i;
  }
}

TEST(Read, RealCbsGeoPackageLayers) {
  const auto path = test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg");
  const auto summary = describe_dataset(path);
  EXPECT_EQ(summary.driver, "GPKG");
  ReadOptions options;
  options.layer = "buurten";
  const Layer buurten = read(path, options);
  EXPECT_EQ(buurten.features.size(), 83u);
  EXPECT_EQ(buurten.source_crs, "EPSG:28992");
  options.layer = "wijken";
  EXPECT_EQ(read(path, options).features.size(), 24u);

  // Its structure alone: the same layers, geometry types and fields, no counts, CRS or extent.
  const auto structure = describe_dataset(path, DescribeDetail::structure);
  ASSERT_EQ(structure.layers.size(), summary.layers.size());
  for (std::size_t k = 0; k < summary.layers.size(); ++k) {
    const LayerSummary &full = summary.layers[k], &light = structure.layers[k];
    SCOPED_TRACE(full.name);
    EXPECT_EQ(light.name, full.name);
    EXPECT_EQ(light.geometry_type, full.geometry_type);
    ASSERT_EQ(light.fields.size(), full.fields.size());
    for (std::size_t f = 0; f < full.fields.size(); ++f) {
      EXPECT_EQ(light.fields[f].name, full.fields[f].name);
      EXPECT_EQ(light.fields[f].type, full.fields[f].type);
    }
    EXPECT_EQ(light.feature_count, -1);
    EXPECT_TRUE(light.crs.empty());
    EXPECT_FALSE(light.extent);
  }
  EXPECT_EQ(summary.layers.front().crs, "EPSG:28992");
  EXPECT_GT(summary.layers.front().feature_count, 0);
}

TEST(Read, WhereFilterSelectsFeatures) {
  ReadOptions options;
  options.layer = "buurten";
  options.where = "wijkcode = 'WK020204'";
  const Layer buurten =
      read(test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg"), options);
  EXPECT_EQ(buurten.features.size(), 3u);  // Presikhaaf I, II, III
}

TEST(Read, OsmPbfExtractOutsideTheNetherlandsIsReadWithAWarning) {
  const auto path = test::data_file("osm/liechtenstein-2013-08-03.osm.pbf");
  const auto names = layer_names(path);
  EXPECT_NE(std::find(names.begin(), names.end(), "multipolygons"), names.end());
  ReadOptions options;
  options.layer = "lines";
  CollectingReporter reporter;
  const Layer lines = read_layer(path, options, reporter);
  EXPECT_GT(lines.features.size(), 1000u);
  EXPECT_EQ(kind_of(lines.features.front().geometry), GeometryKind::lines);
  EXPECT_TRUE(reporter.has_warning_containing("outside the Netherlands"));
  // Vaduz lies about 700 km south-east of Amersfoort (RD origin 155 km, 463 km).
  const Box box = envelope(lines.features.front().geometry);
  EXPECT_GT(box.min_corner().x(), 400000);
  EXPECT_LT(box.min_corner().y(), 0);
}

TEST(Read, AssignedCrsOverridesTheDefault) {
  TempDir dir;
  // x/y columns default to RD; here they are WGS84 and the caller says so.
  ReadOptions options;
  options.assign_crs = "EPSG:4326";
  const Point p = only_point(read(dir.write("p.csv", "x,y\n5.901321,51.983809\n"), options));
  EXPECT_NEAR(p.x(), station_x, 0.5);
}

// In batches: the same features in the same order as one read, never more than a batch at a
// time, and the whole layer's warning once, not once per batch.
TEST(Read, InBatchesTheSameFeaturesAsOneReadAndOneWarning) {
  const auto path = test::data_file("osm/liechtenstein-2013-08-03.osm.pbf");
  ReadOptions options;
  options.layer = "lines";
  CollectingReporter whole_said;
  const Layer whole = read_layer(path, options, whole_said);
  CollectingReporter said;
  std::size_t batches = 0, largest = 0;
  std::vector<Feature> features;
  const Layer header = read_layer_batches(path, options, said, 1000, [&](Layer& batch) {
    ++batches;
    largest = std::max(largest, batch.features.size());
    for (Feature& f : batch.features) features.push_back(std::move(f));
  });
  EXPECT_TRUE(header.features.empty());
  EXPECT_EQ(header.fields.size(), whole.fields.size());
  ASSERT_EQ(features.size(), whole.features.size());
  EXPECT_EQ(batches, (whole.features.size() + 999) / 1000);
  EXPECT_EQ(largest, 1000u);
  for (std::size_t i = 0; i < features.size(); i += 97) {
    EXPECT_EQ(features[i].fid, whole.features[i].fid);
    EXPECT_EQ(features[i].values, whole.features[i].values);
    EXPECT_TRUE(boost::geometry::equals(envelope(features[i].geometry),
                                        envelope(whole.features[i].geometry)));
  }
  EXPECT_EQ(said.warnings, whole_said.warnings) << "one warning for the whole layer";
}

// Invalid polygons: one warning each by default; one for all of them when asked (a third-party
// extract), naming how many and the first.
TEST(Read, RepairedPolygonsAreReportedEachOrOnceInAll) {
  TempDir dir;
  const char* bowtie =
      R"({"type":"Feature","properties":{"naam":"%s"},"geometry":{"type":"Polygon",)"
      R"("coordinates":[[[5.90,51.98],[5.91,51.99],[5.91,51.98],[5.90,51.99],[5.90,51.98]]]}})";
  std::string features;
  for (const char* name : {"a", "b", "c"}) {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, bowtie, name);
    features += (features.empty() ? "" : ",") + std::string(buffer);
  }
  const auto path = dir.write("vlinders.geojson",
                              R"({"type":"FeatureCollection","features":[)" + features + "]}");
  CollectingReporter each;
  EXPECT_EQ(read_layer(path, {}, each).features.size(), 3u);
  EXPECT_EQ(each.warnings.size(), 3u);
  ReadOptions summary;
  summary.repairs = RepairReport::summary;
  CollectingReporter once;
  EXPECT_EQ(read_layer(path, summary, once).features.size(), 3u);
  ASSERT_EQ(once.warnings.size(), 1u);
  EXPECT_NE(once.warnings[0].find("3 invalid polygons repaired"), std::string::npos)
      << once.warnings[0];
  EXPECT_NE(once.warnings[0].find("feature 0"), std::string::npos) << once.warnings[0];
}

}  // namespace wijkatlas::geo
