// `store import` through the store API, on both backends (format 6): the area hierarchy and the
// key-figure tables come back as they went in; re-importing the same content writes nothing,
// changed content replaces the part as one change with its history; asset points in batches,
// and a failure halfway stores nothing; a format-5 store gains the tables in place; GDAL's own
// ogrinfo reads the new tables with EPSG:28992 and their field types.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <stdexcept>

#include "store_file.hpp"
#include "store_sql.hpp"
#include "store_test_support.hpp"

namespace wijkatlas::store::test {
namespace {

geo::MultiPolygon square(double x, double y, double size) {
  geo::Polygon p;
  p.outer() = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
  return {p};
}

// The coordinates of a multipolygon's outer rings, exactly.
std::string coordinates(const geo::MultiPolygon& m) {
  std::string out;
  char text[64];
  for (const geo::Polygon& p : m) {
    for (const geo::Point& q : p.outer()) {
      std::snprintf(text, sizeof text, "%.17g %.17g,", q.x(), q.y());
      out += text;
    }
    out += ";";
  }
  return out;
}

// Two buurten in one wijk, one of them in a programme wijk, both in the gemeente.
geo::AreaHierarchy two_buurten() {
  geo::AreaHierarchy h;
  auto& buurten = h.at(geo::Level::buurt);
  buurten.push_back({geo::Level::buurt,
                     "BU02020401",
                     "Presikhaaf I",
                     square(193000, 444000, 500),
                     250000,
                     std::nullopt,
                     std::nullopt,
                     {-1, 0, 0, 0},
                     {},
                     {}});
  buurten.push_back({geo::Level::buurt,
                     "BU02020402",
                     "Presikhaaf II",
                     square(193500, 444000, 500),
                     250000,
                     std::nullopt,
                     std::nullopt,
                     {-1, 0, -1, 0},
                     {},
                     {}});
  h.at(geo::Level::wijk)
      .push_back({geo::Level::wijk,
                  "WK020204",
                  "Presikhaaf-West",
                  square(193000, 444000, 1000),
                  500000,
                  std::nullopt,
                  std::nullopt,
                  {-1, -1, -1, -1},
                  {0, 1},
                  {}});
  h.at(geo::Level::programma)
      .push_back({geo::Level::programma,
                  "presikhaaf",
                  "Presikhaaf",
                  square(193000, 444000, 500),
                  250000,
                  std::nullopt,
                  std::nullopt,
                  {-1, -1, -1, -1},
                  {0},
                  {}});
  h.at(geo::Level::gemeente)
      .push_back({geo::Level::gemeente,
                  "GM0202",
                  "Arnhem",
                  square(193000, 444000, 1000),
                  500000,
                  std::nullopt,
                  std::nullopt,
                  {-1, -1, -1, -1},
                  {0, 1},
                  {}});
  h.simplified_boundaries = true;
  return h;
}

geo::IndicatorTable figures(double inwoners) {
  geo::IndicatorTable t;
  t.source = "kerncijfers.csv";
  t.key_column = "buurtcode";
  t.columns = {"AantalInwoners_5", "Stedelijkheid", "Opmerking"};
  t.numeric = {true, true, false};
  t.rows.push_back({"BU02020401", "line 2", {inwoners, std::monostate{}, std::string("oost")}});
  t.rows.push_back({"BU02020402", "line 3", {1250.5, 2.0, std::monostate{}}});
  return t;
}

ImportBatch areas_batch(const std::string& hash, double inwoners = 2000) {
  ImportBatch batch;
  batch.areas = ImportedAreas{{"buurten_2024.gpkg", hash}, two_buurten(), 2024};
  batch.indicators = ImportedIndicators{{"kerncijfers.csv", hash}, {figures(inwoners)}};
  return batch;
}

// A layer of n points on a line, in batches of 1000; throws at point `fail_at` when set.
ImportedAssets points(const std::string& layer, std::size_t n, const std::string& hash,
                      std::size_t fail_at = SIZE_MAX) {
  auto done = std::make_shared<std::size_t>(0);
  ImportedAssets a;
  a.from = {"punten.csv", hash};
  a.layer = layer;
  a.next = [=](std::vector<AssetRow>& rows) {
    rows.clear();
    while (*done < n && rows.size() < 1000) {
      if (*done == fail_at) throw std::runtime_error("punten.csv: line 1234: no coordinates");
      const std::size_t i = (*done)++;
      rows.push_back({"P" + std::to_string(i),
                      "punt " + std::to_string(i),
                      "school",
                      R"({"thema":"groen"})",
                      {190000.0 + static_cast<double>(i), 444000.0}});
    }
    return !rows.empty();
  };
  return a;
}

class StoreImportTest : public ::testing::TestWithParam<Backend> {
 protected:
  TempDir dir_;
};

TEST_P(StoreImportTest, AreasAndFiguresComeBackAsTheyWentIn) {
  ProjectStore store = ProjectStore::create(GetParam().location(dir_, "areas"), "npao", quick());
  EXPECT_FALSE(store.areas());
  EXPECT_TRUE(store.indicator_tables().empty());
  const ImportOutcome outcome = store.import_data(areas_batch("h1"));
  ASSERT_EQ(outcome.parts.size(), 2u);
  EXPECT_EQ(outcome.parts[0].kind, "areas");
  EXPECT_EQ(outcome.parts[0].rows, 5u);
  EXPECT_EQ(outcome.parts[1].rows, 6u);  // 2 rows x 3 measures
  EXPECT_FALSE(outcome.parts[0].unchanged);

  const auto stored = store.areas();
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->boundary_year, 2024);
  EXPECT_EQ(stored->source, "buurten_2024.gpkg");
  const geo::AreaHierarchy want = two_buurten();
  const geo::AreaHierarchy& got = stored->hierarchy;
  EXPECT_TRUE(got.simplified_boundaries);
  for (const geo::Level level : geo::all_levels) {
    ASSERT_EQ(got.at(level).size(), want.at(level).size()) << geo::to_string(level);
    for (std::size_t i = 0; i < want.at(level).size(); ++i) {
      const geo::Area& a = got.at(level)[i];
      const geo::Area& b = want.at(level)[i];
      EXPECT_EQ(a.code, b.code);
      EXPECT_EQ(a.naam, b.naam);
      EXPECT_EQ(a.parent, b.parent) << a.code;
      EXPECT_EQ(a.buurten, b.buurten) << a.code;
      EXPECT_DOUBLE_EQ(a.area_m2, b.area_m2);
      EXPECT_EQ(coordinates(a.geometry), coordinates(b.geometry)) << a.code;
    }
  }
  const auto tables = store.indicator_tables();
  ASSERT_EQ(tables.size(), 1u);
  const geo::IndicatorTable want_t = figures(2000);
  EXPECT_EQ(tables[0].source, want_t.source);
  EXPECT_EQ(tables[0].key_column, want_t.key_column);
  EXPECT_EQ(tables[0].columns, want_t.columns);
  EXPECT_EQ(tables[0].numeric, want_t.numeric);
  ASSERT_EQ(tables[0].rows.size(), 2u);
  for (std::size_t r = 0; r < 2; ++r) {
    EXPECT_EQ(tables[0].rows[r].code, want_t.rows[r].code);
    EXPECT_EQ(tables[0].rows[r].location, want_t.rows[r].location);
    EXPECT_EQ(tables[0].rows[r].values, want_t.rows[r].values) << "row " << r;
  }
  // Every row carries the bookkeeping.
  EXPECT_EQ(first_value(store.location(),
                        "SELECT COUNT(*) FROM areas WHERE row_version = 1 AND "
                        "created_by IS NOT NULL AND created_at IS NOT NULL AND "
                        "uuid IS NOT NULL"),
            "5");
}

TEST_P(StoreImportTest, TheSameContentAgainIsUnchangedAndNewContentReplacesItAsOneChange) {
  OpenOptions o = quick();
  o.by = "programmabureau";
  ProjectStore store = ProjectStore::create(GetParam().location(dir_, "again"), "npao", o);
  store.import_data(areas_batch("h1"));
  const std::size_t history = store.history_since(long_ago).size();
  EXPECT_EQ(history, 2u) << "one entry per part made";

  const ImportOutcome same = store.import_data(areas_batch("h1", 9999));
  EXPECT_TRUE(same.parts[0].unchanged);
  EXPECT_TRUE(same.parts[1].unchanged);
  EXPECT_EQ(same.parts[1].version, 1);
  EXPECT_EQ(store.history_since(long_ago).size(), history) << "nothing written";
  EXPECT_EQ(std::get<double>(store.indicator_tables()[0].rows[0].values[0]), 2000);

  const ImportOutcome changed = store.import_data(areas_batch("h2", 2100));
  EXPECT_FALSE(changed.parts[1].unchanged);
  EXPECT_EQ(changed.parts[1].version, 2);
  EXPECT_EQ(std::get<double>(store.indicator_tables()[0].rows[0].values[0]), 2100);
  EXPECT_EQ(first_value(store.location(), "SELECT COUNT(*) FROM indicators"), "6") << "replaced";
  EXPECT_EQ(first_value(store.location(), "SELECT COUNT(*) FROM areas"), "5");
  std::size_t sha_changes = 0;
  for (const HistoryEntry& e : store.history_since(long_ago)) {
    if (e.table != "imports" || e.field != "sha256") continue;
    ++sha_changes;
    EXPECT_EQ(e.old_value, "h1");
    EXPECT_EQ(e.new_value, "h2");
    EXPECT_EQ(e.changed_by, "programmabureau");
    EXPECT_EQ(e.version, 2);
  }
  EXPECT_EQ(sha_changes, 2u) << "one change per part: areas and indicators";
  const auto records = store.imports();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].kind, "areas");
  EXPECT_EQ(records[0].boundary_year, 2024);
  EXPECT_EQ(records[1].version, 2);
}

TEST_P(StoreImportTest, AssetPointsInBatchesAndAFailureHalfwayStoresNothing) {
  ProjectStore store = ProjectStore::create(GetParam().location(dir_, "assets"), "npao", quick());
  ImportBatch batch;
  batch.assets.push_back(points("scholen", 2500, "s1"));
  batch.assets.push_back(points("bibliotheken", 3, "b1"));
  const ImportOutcome outcome = store.import_data(batch);
  ASSERT_EQ(outcome.parts.size(), 2u);
  EXPECT_EQ(outcome.parts[0].rows, 2500u);
  EXPECT_EQ(store.asset_count("scholen"), 2500u);
  EXPECT_EQ(store.asset_count("bibliotheken"), 3u);
  EXPECT_EQ(first_value(store.location(),
                        "SELECT name || ' ' || category || ' ' || attributes FROM assets WHERE "
                        "source_id = 'P7' AND layer = 'scholen'"),
            R"(punt 7 school {"thema":"groen"})");

  // A bad row halfway through a new version of one layer: neither layer changes.
  ImportBatch bad;
  bad.assets.push_back(points("bibliotheken", 5, "b2"));
  bad.assets.push_back(points("scholen", 2500, "s2", 1234));
  EXPECT_THROW(store.import_data(bad), std::runtime_error);
  EXPECT_EQ(store.asset_count("scholen"), 2500u);
  EXPECT_EQ(store.asset_count("bibliotheken"), 3u);
  EXPECT_EQ(store.imports()[1].sha256, "b1");
  // And the store takes the next import.
  ImportBatch good;
  good.assets.push_back(points("bibliotheken", 5, "b2"));
  EXPECT_EQ(store.import_data(good).parts[0].version, 2);
  EXPECT_EQ(store.asset_count("bibliotheken"), 5u);
  EXPECT_EQ(store.asset_count("scholen"), 2500u) << "the other layer stays";
}

TEST_P(StoreImportTest, AFormat5StoreGainsTheTablesInPlace) {
  const std::string where = GetParam().location(dir_, "v5");
  {
    ProjectStore store = ProjectStore::create(where, "npao", quick());
    store.record_sheet({a_sheet(), "Presikhaaf", "Blokgesprek", "", ""});
  }
  for (const char* table : {"areas", "indicators", "initiatives", "assets", "imports"}) {
    first_value(where, std::string("DROP TABLE ") + table);
    if (!on_postgis(where)) {
      for (const char* meta : {"gpkg_contents", "gpkg_geometry_columns", "gpkg_extensions"})
        first_value(where, std::string("DELETE FROM ") + meta + " WHERE lower(table_name) = '" +
                               table + "'");
      first_value(where, std::string("DROP TABLE IF EXISTS rtree_") + table + "_geom");
    }
  }
  first_value(where, "UPDATE wijkatlas_project SET value = '5' WHERE key = 'format_version'");

  ProjectStore store = ProjectStore::open(where, quick());
  EXPECT_EQ(first_value(where, "SELECT value FROM wijkatlas_project WHERE key = 'format_version'"),
            std::to_string(format_version));
  EXPECT_EQ(store.sheet_count(), 1u);
  store.import_data(areas_batch("h1"));
  ASSERT_TRUE(store.areas());
  EXPECT_EQ(store.areas()->hierarchy.at(geo::Level::buurt).size(), 2u);
}

// The output of a command (stdout), and whether it ran.
std::string output_of(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    status = -1;
    return out;
  }
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) out += buffer.data();
  status = pclose(pipe);
  return out;
}

// A registry of three initiatives, with a number column, a text column and a column that holds
// a number in one row and text in another (it comes back as text).
ImportedRegistry registry() {
  geo::Layer l;
  l.name = "initiatieven";
  l.source = "register.csv";
  l.fields = {{"id"},
              {"naam"},
              {"thema"},
              {"status"},
              {"startdatum", geo::FieldType::date},
              {"illustratief"},
              {"deelnemers", geo::FieldType::integer},
              {"wijk_notitie"},
              {"huisnummer"}};
  const auto add = [&](const char* id, const char* naam, geo::Value start, const char* ill,
                       geo::Value deelnemers, geo::Value notitie, geo::Value huisnummer, double x) {
    l.features.push_back(
        {static_cast<std::int64_t>(l.features.size()),
         {std::string(id), std::string(naam), std::string("groen"), std::string("lopend"), start,
          std::string(ill), deelnemers, notitie, huisnummer},
         geo::Point(x, 444100)});
  };
  add("VB-9", "Moestuin", geo::Date{2023, 4, 15}, "ja", std::int64_t{12}, std::string("oost"),
      std::int64_t{7}, 193100);
  add("VB-1", "Koffieochtend", std::monostate{}, "nee", std::monostate{}, std::monostate{},
      std::string("7a"), 193200);
  add("VB-5", "Speelstraat", geo::Date{2021, 1, 2}, "ja", std::int64_t{3}, std::monostate{},
      std::monostate{}, 193300);
  return {{"register.csv", "r1"}, std::move(l)};
}

TEST_P(StoreImportTest, TheRegistryComesBackAsThePointLayerItWasInTheFilesOrder) {
  ProjectStore store = ProjectStore::create(GetParam().location(dir_, "reg"), "npao", quick());
  EXPECT_FALSE(store.initiatives()) << "nothing imported";
  ImportBatch batch;
  batch.registry = registry();
  store.import_data(batch);
  const std::optional<geo::Layer> got = store.initiatives();
  ASSERT_TRUE(got);
  ASSERT_EQ(got->features.size(), 3u);
  const auto value = [&](std::size_t row, const char* field) {
    const auto i = got->field_index(field);
    EXPECT_TRUE(i) << field;
    return i ? got->features[row].values[*i] : geo::Value{};
  };
  EXPECT_EQ(value(0, "id"), geo::Value(std::string("VB-9"))) << "the file's order, not the id's";
  EXPECT_EQ(value(1, "id"), geo::Value(std::string("VB-1")));
  EXPECT_EQ(value(2, "naam"), geo::Value(std::string("Speelstraat")));
  EXPECT_EQ(value(0, "startdatum"), geo::Value(geo::Date{2023, 4, 15}));
  EXPECT_TRUE(geo::is_null(value(1, "startdatum")));
  EXPECT_EQ(value(0, "illustratief"), geo::Value(std::string("ja")));
  EXPECT_EQ(value(1, "illustratief"), geo::Value(std::string("nee")));
  EXPECT_EQ(value(0, "deelnemers"), geo::Value(std::int64_t{12}));
  EXPECT_TRUE(geo::is_null(value(1, "deelnemers")));
  EXPECT_EQ(got->fields[*got->field_index("deelnemers")].type, geo::FieldType::integer);
  EXPECT_EQ(value(0, "wijk_notitie"), geo::Value(std::string("oost")));
  EXPECT_EQ(got->fields[*got->field_index("huisnummer")].type, geo::FieldType::text);
  EXPECT_EQ(value(0, "huisnummer"), geo::Value(std::string("7")));
  EXPECT_EQ(value(1, "huisnummer"), geo::Value(std::string("7a")));
  const auto* p = std::get_if<geo::Point>(&got->features[2].geometry);
  ASSERT_NE(p, nullptr);
  EXPECT_DOUBLE_EQ(p->x(), 193300);
  EXPECT_DOUBLE_EQ(p->y(), 444100);
  EXPECT_EQ(got->source_crs, "EPSG:28992");
}

// QGIS reads what GDAL reads: ogrinfo itself, on the GeoPackage and on the PG: location.
TEST_P(StoreImportTest, OgrinfoShowsRdNewAndTheFieldTypes) {
  ProjectStore store = ProjectStore::create(GetParam().location(dir_, "ogrinfo"), "npao", quick());
  ImportBatch batch = areas_batch("h1");
  batch.assets.push_back(points("scholen", 3, "s1"));
  store.import_data(batch);
  const std::string where = store.location();
  for (const char* table : {"areas", "assets", "initiatives", "indicators", "imports"}) {
    int status = 0;
    const std::string info = output_of("ogrinfo -ro -so '" + where + "' " + table, status);
    ASSERT_EQ(status, 0) << info;
    SCOPED_TRACE(table);
    EXPECT_CONTAINS(info, "uuid: ");
    EXPECT_CONTAINS(info, "created_at: DateTime");
    EXPECT_CONTAINS(info, "row_version: Integer");
    if (std::string(table) == "areas" || std::string(table) == "assets" ||
        std::string(table) == "initiatives") {
      EXPECT_CONTAINS(info, "ID[\"EPSG\",28992]");
    }
  }
  int status = 0;
  const std::string areas = output_of("ogrinfo -ro -so '" + where + "' areas", status);
  EXPECT_CONTAINS(areas, "Geometry: Multi Polygon");
  EXPECT_CONTAINS(areas, "Feature Count: 5");
  EXPECT_CONTAINS(areas, "code: String");
  EXPECT_CONTAINS(areas, "ordinal: Integer");
  EXPECT_CONTAINS(areas, "boundary_year: Integer");
  EXPECT_CONTAINS(areas, "area_m2: Real");
  EXPECT_CONTAINS(areas, "simplified: Integer(Boolean)");
  const std::string initiatives = output_of("ogrinfo -ro -so '" + where + "' initiatives", status);
  EXPECT_CONTAINS(initiatives, "Geometry: Point");
  EXPECT_CONTAINS(initiatives, "startdatum: Date");
  const std::string assets = output_of("ogrinfo -ro -so '" + where + "' assets", status);
  EXPECT_CONTAINS(assets, "Geometry: Point");
  EXPECT_CONTAINS(assets, "Feature Count: 3");
  const std::string indicators = output_of("ogrinfo -ro -so '" + where + "' indicators", status);
  EXPECT_CONTAINS(indicators, "value: Real");
  EXPECT_CONTAINS(indicators, "numeric: Integer(Boolean)");
  if (on_postgis(where)) {
    EXPECT_CONTAINS(assets, "uuid: String(UUID)");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreImportTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
}  // namespace wijkatlas::store::test
