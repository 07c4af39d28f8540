// Writing GeoPackage, GeoJSON and CSV: whole or not at all, personal fields only on request.
#include <gdal.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/geometry/io/wkt/read.hpp>
#include <fstream>
#include <limits>
#include <sstream>

#include "store_file.hpp"
#include "test_support.hpp"
#include "thrown_message.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::geo {
namespace {

using test::slurp;
using test::TempDir;

Layer sample_layer() {
  Layer layer;
  layer.name = "initiatieven";
  layer.source_crs = "EPSG:28992";
  layer.fields = {{"naam", FieldType::text, false},
                  {"deelnemers", FieldType::integer, false},
                  {"budget", FieldType::real, false},
                  {"start", FieldType::date, false},
                  {"contact_email", FieldType::text, true}};
  Feature f;
  f.fid = 1;
  f.values = {std::string("Moestuin \"De Geit\", Arnhem"), std::int64_t{12}, 1500.5,
              Date{2024, 3, 1}, std::string("iemand@example.org")};
  f.geometry = Point(192900, 446300);
  layer.features.push_back(f);
  f.fid = 2;
  f.values = {std::string("Koffieochtend"), Value{}, Value{}, Value{}, Value{}};
  f.geometry = Point(193100, 446500);
  layer.features.push_back(f);
  return layer;
}

Layer read_back(const std::filesystem::path& path, const std::string& layer_name = {}) {
  CollectingReporter reporter;
  ReadOptions options;
  options.layer = layer_name;
  return read_layer(path, options, reporter);
}

// A table without geometry (WriteOptions::tables).
Layer read_table(const std::filesystem::path& path, const std::string& name) {
  CollectingReporter reporter;
  ReadOptions options;
  options.layer = name;
  options.require_geometry = false;
  return read_layer(path, options, reporter);
}

// A point layer in RD New with one feature per row of values, the points side by side.
Layer points_with_values(const std::string& name, const std::vector<Field>& fields,
                         const std::vector<std::vector<Value>>& rows) {
  Layer layer;
  layer.name = name;
  layer.source_crs = "EPSG:28992";
  layer.fields = fields;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Feature f;
    f.fid = static_cast<std::int64_t>(r + 1);
    f.values = rows[r];
    f.geometry = Point(192900.0 + static_cast<double>(r), 446300);
    layer.features.push_back(f);
  }
  return layer;
}

}  // namespace

TEST(Write, GeoPackageRoundTripKeepsTypesAndLeavesOutPersonalFields) {
  TempDir dir;
  const Layer layer = sample_layer();
  const Layer* layers[] = {&layer};
  write_layers(dir / "uit.gpkg", layers);
  const Layer back = read_back(dir / "uit.gpkg");
  ASSERT_EQ(back.fields.size(), 4u) << "contact_email must not be written";
  EXPECT_FALSE(back.field_index("contact_email"));
  EXPECT_EQ(back.fields[1].type, FieldType::integer);
  EXPECT_EQ(back.fields[3].type, FieldType::date);
  EXPECT_EQ(std::get<std::string>(back.features[0].values[0]), "Moestuin \"De Geit\", Arnhem");
  EXPECT_EQ(std::get<Date>(back.features[0].values[3]), (Date{2024, 3, 1}));
  EXPECT_TRUE(is_null(back.features[1].values[1]));
  const Point p = std::get<Point>(back.features[1].geometry);
  EXPECT_DOUBLE_EQ(p.x(), 193100);
  EXPECT_EQ(test::file_count(dir.path()), 1u) << "no temporary files left";
}

TEST(Write, PersonalFieldsOnlyWhenAsked) {
  TempDir dir;
  const Layer layer = sample_layer();
  const Layer* layers[] = {&layer};
  WriteOptions options;
  options.include_personal = true;
  write_layers(dir / "uit.gpkg", layers, options);
  const Layer back = read_back(dir / "uit.gpkg");
  ASSERT_TRUE(back.field_index("contact_email"));
  EXPECT_TRUE(back.fields[*back.field_index("contact_email")].personal);
}

TEST(Write, GeoJsonIsWgs84) {
  TempDir dir;
  const Layer layer = sample_layer();
  const Layer* layers[] = {&layer};
  write_layers(dir / "uit.geojson", layers);
  const std::string text = slurp(dir / "uit.geojson");
  EXPECT_NE(text.find("[ 5.9"), std::string::npos)
      << "lon/lat order, WGS84: " << text.substr(0, 400);
  EXPECT_EQ(text.find("iemand@example.org"), std::string::npos);
  const Layer back = read_back(dir / "uit.geojson");
  EXPECT_NEAR(std::get<Point>(back.features[0].geometry).x(), 192900, 0.01);
}

TEST(Write, FailedWriteKeepsTheOldFileAndLeavesNoTemporaries) {
  TempDir dir;
  const Layer good = sample_layer();
  const Layer* goods[] = {&good};
  write_layers(dir / "uit.gpkg", goods);
  const auto before = std::filesystem::file_size(dir / "uit.gpkg");

  Layer bad = sample_layer();
  bad.fields.push_back({"NAAM", FieldType::text, false});  // clashes with "naam" in SQLite
  for (auto& f : bad.features) f.values.emplace_back(std::string("x"));
  const Layer* bads[] = {&good, &bad};
  EXPECT_THROW(write_layers(dir / "uit.gpkg", bads), output_error);
  EXPECT_EQ(std::filesystem::file_size(dir / "uit.gpkg"), before);
  EXPECT_EQ(read_back(dir / "uit.gpkg").features.size(), 2u);
  EXPECT_EQ(test::file_count(dir.path()), 1u);
}

TEST(Write, GeneratedTableRowsAreWrittenAsMadeAndAFailureLeavesNothing) {
  TempDir dir;
  const Layer layer = sample_layer();
  const Layer* layers[] = {&layer};
  WriteOptions options;
  WriteOptions::GeneratedTable table;
  table.name = "codes";
  table.fields = {{"bron_fid", FieldType::integer, false},
                  {"code", FieldType::text, false},
                  {"email", FieldType::text, true},
                  {"aandeel", FieldType::real, false},
                  {"datum", FieldType::date, false}};
  table.rows = 1000;
  std::size_t made = 0;
  table.row = [&made](std::size_t row, std::vector<Value>& values) {
    ++made;
    values[0] = static_cast<std::int64_t>(row * 3);
    values[1] = row % 2 == 0 ? Value{"BU" + std::to_string(row)} : Value{};
    values[2] = std::string("iemand@example.org");
    values[3] = static_cast<double>(row) / 8;
    values[4] = Date{2024, 3, static_cast<int>(row % 28) + 1};
  };
  options.tables.push_back(table);
  write_layers(dir / "uit.gpkg", layers, options);
  EXPECT_EQ(made, 1000u);  // each row made once
  const Layer back = read_table(dir / "uit.gpkg", "codes");
  ASSERT_EQ(back.features.size(), 1000u);
  ASSERT_EQ(back.fields.size(), 4u);  // not the personal field
  EXPECT_TRUE(std::holds_alternative<std::monostate>(back.features[0].geometry));
  EXPECT_EQ(back.fields[0].type, FieldType::integer);
  EXPECT_EQ(back.fields[3].type, FieldType::date);
  EXPECT_EQ(std::get<std::int64_t>(back.features[999].values[0]), 2997);
  EXPECT_EQ(std::get<std::string>(back.features[998].values[1]), "BU998");
  EXPECT_TRUE(is_null(back.features[999].values[1]));
  EXPECT_EQ(std::get<double>(back.features[999].values[2]), 999.0 / 8);
  EXPECT_EQ(std::get<Date>(back.features[30].values[3]), (Date{2024, 3, 3}));
  EXPECT_EQ(read_back(dir / "uit.gpkg", "initiatieven").features.size(), 2u);
  EXPECT_EQ(slurp(dir / "uit.gpkg").find("iemand@example.org"), std::string::npos);
  // GDAL's feature count is right, and its trigger keeps it right for later edits.
  EXPECT_EQ(
      test::query_text(dir / "uit.gpkg",
                       "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'codes'"),
      "1000");
  EXPECT_EQ(test::query_text(dir / "uit.gpkg",
                             "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = "
                             "'trigger_insert_feature_count_codes'"),
            "1");

  // A row that cannot be made halfway through writing: the old file stays as it was, no
  // temporary file is left.
  const auto before = slurp(dir / "uit.gpkg");
  options.tables.front().row = [](std::size_t row, std::vector<Value>& values) {
    if (row == 500) throw output_error("codes", "row " + std::to_string(row + 1) + " fails");
    values[0] = std::int64_t{1};
  };
  EXPECT_THROW(write_layers(dir / "uit.gpkg", layers, options), output_error);
  EXPECT_EQ(slurp(dir / "uit.gpkg"), before);
  EXPECT_EQ(test::file_count(dir.path()), 1u);
}

// Integer fields of a layer whose values fit in 32 bits are written as 32-bit ones, those of a
// generated table in 64 bits: either way every value, at the limits, negative or null, reads
// back exactly, and a layer's field with one value that does not fit (or that is not an
// integer) keeps 64 bits.
TEST(Write, IntegersReadBackExactlyWhetherWrittenIn32Or64Bits) {
  constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min();
  constexpr std::int64_t hi = std::numeric_limits<std::int32_t>::max();
  const std::vector<std::vector<Value>> rows = {
      {lo, hi, lo - 1, std::int64_t{1}},
      {hi, std::int64_t{-7}, hi + 1, 3.0e9},
      {std::int64_t{-7}, Value{}, std::int64_t{-7}, Value{}},
      {Value{}, lo, std::int64_t{0}, std::int64_t{-2}},
  };
  TempDir dir;
  WriteOptions options;
  WriteOptions::GeneratedTable table;
  table.name = "getallen";
  for (const char* name : {"passend", "passend_met_leeg", "te_groot", "met_kommagetal"})
    table.fields.push_back({name, FieldType::integer, false});
  const Layer layer = points_with_values("getallen_laag", table.fields, rows);
  const Layer* layers[] = {&layer};
  table.rows = rows.size();
  table.row = [&](std::size_t row, std::vector<Value>& values) { values = rows[row]; };
  options.tables.push_back(table);
  write_layers(dir / "uit.gpkg", layers, options);

  for (const Layer& back :
       {read_table(dir / "uit.gpkg", "getallen"), read_back(dir / "uit.gpkg", "getallen_laag")}) {
    ASSERT_EQ(back.features.size(), rows.size()) << back.name;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t i = 0; i < rows[r].size(); ++i) {
        const Value& want = rows[r][i];
        const Value expected = std::holds_alternative<double>(want)
                                   ? Value{static_cast<std::int64_t>(std::get<double>(want))}
                                   : want;
        EXPECT_EQ(back.features[r].values[i], expected)
            << back.name << ", row " << r << ", field " << i;
      }
    }
  }
}

// Values of another type than their field's are written as the field's type, as GDAL converts
// them (a point layer's rows go straight through SQLite, not through GDAL's feature objects).
TEST(Write, ValuesOfAnotherTypeAreWrittenAsTheFieldsType) {
  TempDir dir;
  const std::vector<std::vector<Value>> given = {
      {std::string("12"), std::int64_t{3}, 1.5},
      {std::string("twaalf"), std::string("2.25"), std::int64_t{7}},
      {7.9, std::string("geen getal"), Date{2024, 3, 1}},
  };
  const std::vector<std::vector<Value>> expected = {
      {std::int64_t{12}, 3.0, std::string("1.5")},
      {Value{}, 2.25, std::string("7")},
      {std::int64_t{7}, Value{}, std::string("2024-03-01")},
  };
  const Layer layer = points_with_values("gemengd",
                                         {{"geheel", FieldType::integer, false},
                                          {"getal", FieldType::real, false},
                                          {"tekst", FieldType::text, false}},
                                         given);
  const Layer* layers[] = {&layer};
  write_layers(dir / "uit.gpkg", layers);
  const Layer back = read_back(dir / "uit.gpkg");
  ASSERT_EQ(back.features.size(), given.size());
  for (std::size_t i = 0; i < given.size(); ++i)
    EXPECT_EQ(back.features[i].values, expected[i]) << "row " << i;
}

// SQLite counts every allocation under one process-wide lock unless told not to before its first
// use; wijkatlas tells it when it sets up GDAL, so an open GeoPackage shows no count.
TEST(Write, SqliteDoesNotCountAllocationsUnderAGlobalLock) {
  TempDir dir;
  const Layer layer = sample_layer();
  const Layer* layers[] = {&layer};
  write_layers(dir / "uit.gpkg", layers);
  const std::unique_ptr<void, decltype(&GDALClose)> open(
      GDALOpenEx((dir / "uit.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr),
      &GDALClose);
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(GDALDatasetGetLayerCount(open.get()), 1);
  EXPECT_EQ(sqlite3_memory_used(), 0);
}

TEST(Write, UnwritableDirectoryIsAnOutputError) {
  const Layer layer = sample_layer();
  const Layer* layers[] = {&layer};
  const std::string message = test::thrown_message<output_error>(
      [&] { write_layers("/nonexistent/dir/uit.gpkg", layers); });
  EXPECT_NE(message.find("/nonexistent/dir"), std::string::npos) << message;
  EXPECT_THROW(format_for_path("uit.kml"), usage_error);
}

TEST(Write, GeoPackageViewIsALayerWithoutACopy) {
  TempDir dir;
  const Layer layer = sample_layer();
  const Layer* layers[] = {&layer};
  WriteOptions options;
  options.views.push_back({"zonder_aantal", "initiatieven", "deelnemers IS NULL"});
  write_layers(dir / "uit.gpkg", layers, options);
  const Layer view = read_back(dir / "uit.gpkg", "zonder_aantal");
  ASSERT_EQ(view.features.size(), 1u);
  EXPECT_EQ(std::get<std::string>(view.features[0].values[0]), "Koffieochtend");
  EXPECT_EQ(view.features[0].fid, 2) << "the view keeps the feature ids of its layer";
  options.views = {{"fout", "bestaat_niet", "1"}};
  EXPECT_THROW(write_layers(dir / "fout.gpkg", layers, options), usage_error);
  EXPECT_FALSE(std::filesystem::exists(dir / "fout.gpkg"));
}

// GDAL builds large R*Trees in a background thread in an attached database; a view created
// inside the write transaction then failed with "database is locked" (found at 10^5 points).
TEST(Write, ViewOfALargeIndexedPointLayer) {
  TempDir dir;
  Layer layer = sample_layer();
  const Feature pattern = layer.features[1];
  layer.features.clear();
  constexpr int count = 100'000;
  for (int i = 0; i < count; ++i) {
    Feature f = pattern;
    f.fid = i + 1;
    if (i % 4 == 0) f.values[1] = std::int64_t{i};
    // Scattered, not in grid order: when GDAL wrote these rows, its background R*Tree build
    // then still ran when the view was made; now the rows and the index follow the view.
    const auto h = static_cast<std::uint32_t>(i) * 2654435761u;
    f.geometry = Point(190000 + (h % 4000), 440000 + ((h >> 12) % 4000));
    layer.features.push_back(std::move(f));
  }
  Layer areas;  // as in `wijkatlas join`: an area layer first, the points after it
  areas.name = "buurten";
  areas.source_crs = "EPSG:28992";
  areas.fields = {{"naam", FieldType::text, false}};
  Feature square;
  square.fid = 1;
  square.values = {std::string("vierkant")};
  MultiPolygon shape;
  shape.resize(1);
  boost::geometry::read_wkt(
      "POLYGON((190000 440000,194000 440000,194000 444000,190000 444000,190000 440000))", shape[0]);
  square.geometry = shape;
  areas.features.push_back(square);
  const Layer* layers[] = {&areas, &layer};
  WriteOptions options;
  ASSERT_TRUE(gets_spatial_index(layer, options));
  options.views.push_back({"zonder_aantal", "initiatieven", "deelnemers IS NULL"});
  write_layers(dir / "uit.gpkg", layers, options);
  EXPECT_EQ(read_back(dir / "uit.gpkg", "zonder_aantal").features.size(), 75'000u);
  EXPECT_EQ(test::file_count(dir.path()), 1u);
}

TEST(Write, LargePointLayersGetNoSpatialIndex) {
  Layer layer = sample_layer();
  WriteOptions options;
  EXPECT_TRUE(gets_spatial_index(layer, options));
  options.max_indexed_points = 1;
  EXPECT_FALSE(gets_spatial_index(layer, options));
  layer.features.resize(1);
  EXPECT_TRUE(gets_spatial_index(layer, options));
}

TEST(Write, CsvQuotesLikeRfc4180) {
  TempDir dir;
  Table table;
  table.columns = {"naam", "aantal", "gemiddelde"};
  table.rows = {{std::string("Plein \"Oost\", noord"), std::int64_t{3}, 2.5},
                {Value{}, std::int64_t{0}, Value{}}};
  write_csv(dir / "t.csv", table);
  EXPECT_EQ(slurp(dir / "t.csv"),
            "naam,aantal,gemiddelde\n\"Plein \"\"Oost\"\", noord\",3,2.5\n,0,\n");
}

}  // namespace wijkatlas::geo
