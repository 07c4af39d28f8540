// The GeoPackage spatial index write_layers packs in one go must be the one GDAL makes feature
// by feature: the same tables, triggers and extension entry, the same boxes, a valid R*Tree
// (SQLite's rtreecheck), and spatial filters that find what a full scan finds.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <boost/geometry.hpp>
#include <set>

#include "gdal_sql.hpp"
#include "test_support.hpp"
#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::geo {
namespace {

using test::sql_rows;
using test::TempDir;

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

Dataset open(const std::filesystem::path& path, bool update = false) {
  GDALAllRegister();
  return Dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : 0)));
}

// Scattered points (a multi-level tree: 51 cells a node) and some squares.
std::pair<Layer, Layer> sample_layers(int points) {
  Layer punten;
  punten.name = "punten";
  punten.source_crs = "EPSG:28992";
  punten.fields = {{"n", FieldType::integer, false}};
  for (int i = 0; i < points; ++i) {
    const auto h = static_cast<std::uint32_t>(i) * 2654435761u;
    Feature f;
    f.fid = i + 1;
    f.values = {std::int64_t{i}};
    f.geometry = Point(190000 + (h % 4000) + 0.123, 440000 + ((h >> 12) % 4000) + 0.456);
    punten.features.push_back(std::move(f));
  }
  Layer vlakken;
  vlakken.name = "vlakken";
  vlakken.source_crs = "EPSG:28992";
  vlakken.fields = {{"naam", FieldType::text, false}};
  for (int i = 0; i < 200; ++i) {
    const double x = 190000 + (i % 20) * 200, y = 440000 + (i / 20) * 200;
    MultiPolygon shape;
    shape.resize(1);
    boost::geometry::append(shape[0].outer(), Point(x, y));
    boost::geometry::append(shape[0].outer(), Point(x, y + 150.5));
    boost::geometry::append(shape[0].outer(), Point(x + 150.5, y + 150.5));
    boost::geometry::append(shape[0].outer(), Point(x + 150.5, y));
    boost::geometry::append(shape[0].outer(), Point(x, y));
    Feature f;
    f.fid = i + 1;
    f.values = {std::string("vlak ") + std::to_string(i)};
    f.geometry = shape;
    vlakken.features.push_back(std::move(f));
  }
  return {std::move(punten), std::move(vlakken)};
}

TEST(SpatialIndex, ThePackedIndexIsTheOneGdalMakes) {
  TempDir dir;
  const auto [punten, vlakken] = sample_layers(5000);
  const Layer* layers[] = {&vlakken, &punten};
  write_layers(dir / "ons.gpkg", layers);
  // GDAL's own index on a copy: dropped, then made again feature by feature.
  std::filesystem::copy_file(dir / "ons.gpkg", dir / "gdal.gpkg");
  {
    Dataset gdal = open(dir / "gdal.gpkg", true);
    ASSERT_TRUE(gdal);
    for (const char* table : {"punten", "vlakken"}) {
      sql_rows(*gdal, std::string("SELECT DisableSpatialIndex('") + table + "', 'geom')");
      sql_rows(*gdal, std::string("SELECT CreateSpatialIndex('") + table + "', 'geom')");
    }
  }
  Dataset ours = open(dir / "ons.gpkg"), gdal = open(dir / "gdal.gpkg");
  ASSERT_TRUE(ours && gdal);
  for (const std::string table : {"punten", "vlakken"}) {
    SCOPED_TRACE(table);
    const std::string rtree = "rtree_" + table + "_geom";
    EXPECT_EQ(sql_rows(*ours, "SELECT rtreecheck('" + rtree + "')"),
              std::vector<std::string>{"ok"});
    const std::string schema =
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name LIKE '" + rtree +
        "%' ORDER BY name";
    const auto our_schema = sql_rows(*ours, schema);
    EXPECT_EQ(our_schema.size(), 10u)
        << "the virtual table, 3 tables of the rtree module, 6 triggers";
    EXPECT_EQ(our_schema, sql_rows(*gdal, schema));
    const std::string extension =
        "SELECT * FROM gpkg_extensions WHERE table_name = '" + table + "'";
    EXPECT_EQ(sql_rows(*ours, extension), sql_rows(*gdal, extension));
    // The same boxes, to the last bit of their 32-bit floats.
    const std::string boxes = "SELECT id, minx, maxx, miny, maxy FROM " + rtree + " ORDER BY id";
    const auto our_boxes = sql_rows(*ours, boxes);
    EXPECT_EQ(our_boxes.size(), table == "punten" ? 5000u : 200u);
    EXPECT_EQ(our_boxes, sql_rows(*gdal, boxes));
  }
}

// Point layers are written straight through SQLite: the rows (fids, geometry blobs, values),
// the feature count and the extent must be what GDAL writes feature by feature.
TEST(SpatialIndex, PointRowsAreTheOnesGdalWrites) {
  TempDir dir;
  auto [punten, vlakken] = sample_layers(3000);
  punten.features[7].geometry = std::monostate{};  // a point without a place: NULL
  punten.features[8].values[0] = Value{};
  const Layer* layers[] = {&punten};
  write_layers(dir / "ons.gpkg", layers);
  {
    Dataset ours = open(dir / "ons.gpkg");
    ASSERT_TRUE(ours);
    GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    Dataset gdal(gpkg->Create((dir / "gdal.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(gdal);
    ASSERT_NE(gdal->CopyLayer(ours->GetLayerByName("punten"), "punten"), nullptr);
  }
  Dataset ours = open(dir / "ons.gpkg"), gdal = open(dir / "gdal.gpkg");
  ASSERT_TRUE(ours && gdal);
  // (A fid selected as itself would be the result's FID, not one of its fields.)
  const std::string table = "SELECT fid + 0 AS id, hex(geom), n FROM punten ORDER BY fid";
  const auto our_rows = sql_rows(*ours, table);
  ASSERT_EQ(our_rows.size(), 3000u);
  // GeoPackage header (little-endian, no envelope, srs_id 28992), then a little-endian WKB point.
  EXPECT_TRUE(our_rows.front().starts_with("1|47500001407100000101000000")) << our_rows.front();
  EXPECT_EQ(our_rows[7], "8||7");
  EXPECT_EQ(our_rows, sql_rows(*gdal, table));
  for (const char* sql :
       {"SELECT min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents WHERE table_name = 'punten'",
        "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'punten'",
        "SELECT count(*) FROM sqlite_master WHERE name = 'trigger_insert_feature_count_punten'"}) {
    EXPECT_EQ(sql_rows(*ours, sql), sql_rows(*gdal, sql)) << sql;
  }
  EXPECT_EQ(
      sql_rows(*ours, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'punten'"),
      std::vector<std::string>{"3000"});
  // The spatial index holds every point with a place, under its own fid, and no other.
  EXPECT_EQ(sql_rows(*ours, "SELECT rtreecheck('rtree_punten_geom')"),
            std::vector<std::string>{"ok"});
  EXPECT_EQ(sql_rows(*ours,
                     "SELECT count(*) FROM rtree_punten_geom r JOIN punten p ON p.fid = r.id "
                     "AND r.minx <= ST_MinX(p.geom) AND r.maxx >= ST_MaxX(p.geom)"),
            std::vector<std::string>{"2999"});
  EXPECT_EQ(sql_rows(*ours, "SELECT count(*) FROM rtree_punten_geom"),
            std::vector<std::string>{"2999"});
}

// A field named as the fid column holds the fids (GDAL's rule): the index must follow them.
TEST(SpatialIndex, AFieldNamedFidGivesTheFidsAndTheIndexFollows) {
  TempDir dir;
  auto [punten, vlakken] = sample_layers(500);
  punten.fields.push_back({"fid", FieldType::integer, false});
  for (std::size_t i = 0; i < punten.features.size(); ++i)
    punten.features[i].values.push_back(static_cast<std::int64_t>(1000 + i));
  const Layer* layers[] = {&punten};
  write_layers(dir / "ons.gpkg", layers);
  Dataset ours = open(dir / "ons.gpkg");
  ASSERT_TRUE(ours);
  EXPECT_EQ(sql_rows(*ours, "SELECT min(fid) + 0 AS lo, max(fid) + 0 AS hi FROM punten"),
            std::vector<std::string>{"1000|1499"});
  EXPECT_EQ(sql_rows(*ours,
                     "SELECT count(*) FROM rtree_punten_geom r JOIN punten p ON p.fid = r.id "
                     "AND r.minx <= ST_MinX(p.geom) AND r.maxx >= ST_MaxX(p.geom)"),
            std::vector<std::string>{"500"});
}

// A point layer made as it is written (a generated table with a point per row, the joined
// points of a streamed join) is the point layer its features would give: rows, extent, count,
// spatial index, and a view on it; in GeoJSON too.
TEST(SpatialIndex, AGeneratedPointLayerIsTheLayerOfItsFeatures) {
  TempDir dir;
  auto samples = sample_layers(3000);  // a lambda cannot capture a structured binding (clang)
  Layer& punten = samples.first;
  punten.features[7].geometry = std::monostate{};  // a point without a place: NULL
  punten.features[8].values[0] = Value{};
  WriteOptions::GeneratedTable generated;
  generated.name = "punten";
  generated.fields = punten.fields;
  generated.rows = punten.features.size();
  generated.narrow_integers = true;  // n fits in 32 bits: MEDIUMINT, as the layer's
  generated.row = [&](std::size_t row, std::vector<Value>& values) {
    values = punten.features[row].values;
  };
  generated.point = [&](std::size_t row) -> std::optional<Point> {
    if (const auto* p = std::get_if<Point>(&punten.features[row].geometry)) return *p;
    return std::nullopt;
  };
  const WriteOptions::View view{"ver", "punten", "n >= 2990"};
  WriteOptions as_layer, as_table;
  as_layer.views = as_table.views = {view};
  as_table.tables = {generated};
  const Layer* layers[] = {&punten};
  write_layers(dir / "laag.gpkg", layers, as_layer);
  write_layers(dir / "tabel.gpkg", {}, as_table);
  Dataset from_layer = open(dir / "laag.gpkg"), from_table = open(dir / "tabel.gpkg");
  ASSERT_TRUE(from_layer && from_table);
  for (const char* sql :
       {"SELECT sql FROM sqlite_master WHERE name = 'punten'",
        "SELECT fid + 0 AS id, hex(geom), n FROM punten ORDER BY fid",
        "SELECT table_name, data_type, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents "
        "ORDER BY table_name",
        "SELECT * FROM gpkg_geometry_columns ORDER BY table_name",
        "SELECT * FROM gpkg_ogr_contents ORDER BY table_name",
        "SELECT table_name, column_name, extension_name FROM gpkg_extensions",
        "SELECT id, minx, maxx, miny, maxy FROM rtree_punten_geom ORDER BY id",
        "SELECT fid + 0 AS id, n FROM ver ORDER BY fid"}) {
    EXPECT_EQ(sql_rows(*from_table, sql), sql_rows(*from_layer, sql)) << sql;
  }
  EXPECT_EQ(sql_rows(*from_table, "SELECT count(*) FROM punten").front(), "3000");
  EXPECT_EQ(sql_rows(*from_table, "SELECT rtreecheck('rtree_punten_geom')"),
            std::vector<std::string>{"ok"});
  EXPECT_EQ(sql_rows(*from_table, "SELECT count(*) FROM ver").front(), "10");

  // GeoJSON: through GDAL, in WGS84, as the layer would be.
  write_layers(dir / "laag.geojson", layers);
  WriteOptions geojson;
  geojson.tables = {generated};
  write_layers(dir / "tabel.geojson", {}, geojson);
  CollectingReporter reporter;
  ReadOptions read;
  read.require_geometry = false;
  const Layer a = read_layer(dir / "laag.geojson", read, reporter);
  const Layer b = read_layer(dir / "tabel.geojson", read, reporter);
  ASSERT_EQ(b.features.size(), a.features.size());
  for (std::size_t i = 0; i < a.features.size(); ++i) {
    EXPECT_EQ(b.features[i].values, a.features[i].values);
    EXPECT_EQ(b.features[i].geometry.index(), a.features[i].geometry.index());
    if (const auto* p = std::get_if<Point>(&a.features[i].geometry)) {
      EXPECT_EQ(std::get<Point>(b.features[i].geometry).x(), p->x());
      EXPECT_EQ(std::get<Point>(b.features[i].geometry).y(), p->y());
    }
  }
}

TEST(SpatialIndex, AFilteredReadFindsWhatAFullScanFinds) {
  TempDir dir;
  const auto [punten, vlakken] = sample_layers(3000);
  const Layer* layers[] = {&punten};
  write_layers(dir / "ons.gpkg", layers);
  Dataset ds = open(dir / "ons.gpkg", true);
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayerByName("punten");
  ASSERT_NE(layer, nullptr);
  const double box[] = {191000, 441000, 192500, 441700};
  std::set<GIntBig> expected, found;
  for (const Feature& f : punten.features) {
    const auto& p = std::get<Point>(f.geometry);
    if (p.x() >= box[0] && p.x() <= box[2] && p.y() >= box[1] && p.y() <= box[3])
      expected.insert(f.fid);
  }
  layer->SetSpatialFilterRect(box[0], box[1], box[2], box[3]);
  for (auto& f : *layer) found.insert(f->GetFID());
  EXPECT_EQ(found, expected);
  EXPECT_GT(expected.size(), 10u);
  // The triggers keep it: a feature added afterwards is found, the tree stays valid.
  layer->SetSpatialFilter(nullptr);
  OGRFeature added(layer->GetLayerDefn());
  OGRPoint point(191500, 441500);
  added.SetGeometry(&point);
  ASSERT_EQ(layer->CreateFeature(&added), OGRERR_NONE);
  layer->SetSpatialFilterRect(191499, 441499, 191501, 441501);
  std::set<GIntBig> near;
  for (auto& f : *layer) near.insert(f->GetFID());
  EXPECT_TRUE(near.count(added.GetFID()));
  EXPECT_EQ(sql_rows(*ds, "SELECT rtreecheck('rtree_punten_geom')"),
            std::vector<std::string>{"ok"});
}

}  // namespace
}  // namespace wijkatlas::geo
