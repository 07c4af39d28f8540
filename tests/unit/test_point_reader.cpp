// The streaming point reader: its fast paths (GDAL's Arrow stream, the CSV parser) must give
// exactly the points read_layer gives (feature ids, coordinates after the CRS transform,
// values), batch by batch, and fail on a bad row with read_layer's message, naming the file
// and the line or feature.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "test_support.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/join.hpp"
#include "wijkatlas/geo/point_reader.hpp"

namespace wijkatlas::geo {
namespace {

using test::TempDir;

struct Streamed {
  std::string method;
  Layer layer;  // header + every feature, values final
};

// Everything a PointReader gives, in small batches, read ahead on a thread or not; each batch
// given back for reuse when `recycle` (else a new one each time).
Streamed stream(const std::filesystem::path& path, ReadOptions options = {}, std::size_t batch = 3,
                std::size_t read_ahead = 0, bool recycle = false) {
  CollectingReporter reporter;
  PointReadOptions read;
  read.batch_size = batch;
  read.read_ahead = read_ahead;
  PointReader reader(path, options, reporter, read);
  Streamed out;
  out.method = std::string(reader.method());
  PointBatch b;
  while (reader.next(b)) {
    EXPECT_LE(b.size(), batch);
    // Recycled batches are filled again while this one is read: nothing of it may change.
    const auto finished = [&] {
      if (recycle) reader.recycle(std::move(b));
      b = PointBatch{};
    };
    for (std::size_t i = 0; i < b.size(); ++i) {
      out.layer.features.push_back(b.feature(i));
      // The batch's point is the feature's geometry (points) or NaN (none).
      if (const auto* p = std::get_if<Point>(&out.layer.features.back().geometry)) {
        EXPECT_EQ(b.points()[i].x(), p->x());
        EXPECT_EQ(b.points()[i].y(), p->y());
      }
    }
    finished();
  }
  out.layer.name = reader.header().name;
  out.layer.source = reader.header().source;
  out.layer.source_crs = reader.header().source_crs;
  out.layer.fields = reader.header().fields;
  for (Feature& f : out.layer.features) {
    for (std::size_t k = 0; k < f.values.size(); ++k)
      f.values[k] = reader.final_value(k, f.values[k]);
  }
  return out;
}

Layer read(const std::filesystem::path& path, ReadOptions options = {}) {
  CollectingReporter reporter;
  return read_layer(path, options, reporter);
}

void expect_same(const Layer& streamed, const Layer& read) {
  EXPECT_EQ(streamed.name, read.name);
  EXPECT_EQ(streamed.source, read.source);
  EXPECT_EQ(streamed.source_crs, read.source_crs);
  ASSERT_EQ(streamed.fields.size(), read.fields.size());
  for (std::size_t k = 0; k < read.fields.size(); ++k) {
    EXPECT_EQ(streamed.fields[k].name, read.fields[k].name);
    EXPECT_EQ(streamed.fields[k].type, read.fields[k].type) << read.fields[k].name;
    EXPECT_EQ(streamed.fields[k].personal, read.fields[k].personal) << read.fields[k].name;
  }
  ASSERT_EQ(streamed.features.size(), read.features.size());
  for (std::size_t i = 0; i < read.features.size(); ++i) {
    const Feature &s = streamed.features[i], &r = read.features[i];
    SCOPED_TRACE(read.location_of(r));
    EXPECT_EQ(s.fid, r.fid);
    EXPECT_EQ(s.values, r.values);
    ASSERT_EQ(s.geometry.index(), r.geometry.index());
    if (const auto* p = std::get_if<Point>(&r.geometry)) {
      // Bit for bit: the same numbers through the same PROJ transformation.
      EXPECT_EQ(std::get<Point>(s.geometry).x(), p->x());
      EXPECT_EQ(std::get<Point>(s.geometry).y(), p->y());
    }
  }
}

template <typename Error>
std::string stream_error(const std::filesystem::path& path, ReadOptions options = {}) {
  try {
    stream(path, options, 2, 1);
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error streaming " << path;
  return {};
}

template <typename Error>
std::string read_error(const std::filesystem::path& path, ReadOptions options = {}) {
  try {
    read(path, options);
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error reading " << path;
  return {};
}

TEST(PointReader, CsvWithLonLatLikeReadLayer) {
  const auto path = test::source_file("examples/initiatieven_arnhem_oost.csv");
  for (const std::size_t read_ahead : {0, 2}) {
    for (const bool recycle : {false, true}) {
      const Streamed s = stream(path, {}, 4, read_ahead, recycle);
      EXPECT_EQ(s.method, "csv");
      expect_same(s.layer, read(path));
    }
  }
}

TEST(PointReader, GeoPackageThroughArrowLikeReadLayer) {
  const auto path = test::source_file("examples/initiatieven_arnhem_oost.gpkg");
  const Streamed s = stream(path, {}, 5, 1);
  EXPECT_EQ(s.method, "arrow");
  expect_same(s.layer, read(path));
  expect_same(stream(path, {}, 5, 1, true).layer, read(path));
  // Only the fields asked for.
  ReadOptions some;
  some.fields = {"thema", "startdatum"};
  expect_same(stream(path, some).layer, read(path, some));
}

TEST(PointReader, GeoJsonThroughArrowLikeReadLayer) {
  TempDir dir;
  // WGS84 (RFC 7946), with a null, an integer, a real, a date and a boolean field.
  const auto path = dir.write("punten.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"naam":"a","n":3,"r":1.5,"d":"2024-01-02","b":true},"geometry":{"type":"Point","coordinates":[5.9,51.98]}},
{"type":"Feature","properties":{"naam":null,"n":null,"r":2,"d":null,"b":false},"geometry":{"type":"Point","coordinates":[5.95,52.0]}},
{"type":"Feature","properties":{"naam":"Ã©","n":5,"r":null,"d":"2024-03-04","b":null},"geometry":{"type":"Point","coordinates":[5.91,51.99]}}
]})");
  const Streamed s = stream(path);
  EXPECT_EQ(s.method, "arrow");
  expect_same(s.layer, read(path));
}

TEST(PointReader, CsvDialectsLikeReadLayer) {
  TempDir dir;
  const std::pair<const char*, std::string> files[] = {
      // Semicolons, decimal commas, a quoted name with the delimiter and a doubled quote.
      {"puntkomma.csv",
       "x;y;naam;aantal\n190000,5;445000;\"Plein; \"\"oost\"\"\";3\n191000;446000,25;b;4\n"},
      // A BOM, CRLF line ends, an empty line, a name spanning two lines, no final line end.
      {"windows.csv",
       "\xEF\xBB\xBFx,y,naam\r\n190000,445000,a\r\n\r\n191000,446000,\"twee\r\nregels\"\r\n192000,"
       "447000,c"},
      // Codes with leading zeros stay text; a column of integers; a trailing empty column;
      // a short row; blanks.
      {"codes.csv",
       "x,y,code,n,\n190000,445000,0202,1,\n190001,445001,0203,2\n190002,445002, ,,\n"},
      // Tabs and lon/lat.
      {"tabs.csv", "lon\tlat\tthema\n5.9\t51.98\tgroen\n5.91\t51.99\tspelen\n"},
      // A quote in the middle of a field (GDAL takes it as the start of quoted text).
      {"quotes.csv",
       "x,y,naam\n190000,445000,ab\"c,d\"e\n191000,446000,\"\"\n192000,447000,\"a\"\"b,c\"\n"},
  };
  for (const auto& [name, content] : files) {
    SCOPED_TRACE(name);
    const auto path = dir.write(name, content);
    const Streamed s = stream(path, {}, 2, 1);
    EXPECT_EQ(s.method, "csv");
    expect_same(s.layer, read(path));
    expect_same(stream(path, {}, 2, 1, true).layer, read(path));
  }
}

TEST(PointReader, WhatTheFastPathsDoNotReadGoesThroughReadLayer) {
  TempDir dir;
  const auto wkt = dir.write("wkt.csv", "wkt,naam\n\"POINT (190000 445000)\",a\n");
  EXPECT_EQ(stream(wkt).method, "read_layer");
  expect_same(stream(wkt).layer, read(wkt));
  // Polygons: their representative point is what a join locates.
  const auto polygons = test::data_file("cbs/arnhem_wijkbuurt_2024_generalized.gpkg");
  ReadOptions buurten;
  buurten.layer = "buurten";
  const Streamed s = stream(polygons, buurten, 10);
  EXPECT_EQ(s.method, "read_layer");
  expect_same(s.layer, read(polygons, buurten));
}

TEST(PointReader, ABadRowIsNamedByItsLineAsReadLayerNamesIt) {
  TempDir dir;
  const auto bad_number =
      dir.write("fout.csv", "x,y,naam\n190000,445000,a\n191000,446000,b\nabc,447000,c\n");
  const std::string m = stream_error<data_error>(bad_number);
  EXPECT_NE(m.find("fout.csv"), std::string::npos) << m;
  EXPECT_NE(m.find("line 4"), std::string::npos) << m;
  EXPECT_NE(m.find("'abc' in column x is not a number"), std::string::npos) << m;
  EXPECT_EQ(m, read_error<data_error>(bad_number));

  const auto no_location = dir.write("leeg.csv", "x,y,naam\n190000,445000,a\n,,b\n");
  EXPECT_EQ(stream_error<data_error>(no_location), read_error<data_error>(no_location));
  EXPECT_NE(stream_error<data_error>(no_location).find("line 3"), std::string::npos);

  const auto not_utf8 = dir.write("latin1.csv", "x,y,naam\n190000,445000,caf\xE9\n");
  EXPECT_EQ(stream_error<data_error>(not_utf8), read_error<data_error>(not_utf8));

  // lon/lat swapped: outside the Netherlands, and read_layer's hint says so.
  const auto swapped = dir.write("omgedraaid.csv", "lon,lat\n5.9,51.98\n51.98,5.9\n");
  const std::string s = stream_error<data_error>(swapped);
  EXPECT_EQ(s, read_error<data_error>(swapped));
  EXPECT_NE(s.find("line 3"), std::string::npos) << s;
  EXPECT_NE(s.find("swapped"), std::string::npos) << s;

  const auto empty = dir.write("kop.csv", "x,y,naam\n");
  EXPECT_EQ(stream_error<data_error>(empty), read_error<data_error>(empty));
}

TEST(PointReader, AFeatureWithoutGeometryIsNamedAsReadLayerNamesIt) {
  TempDir dir;
  const auto path = dir.write("gat.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"naam":"a"},"geometry":{"type":"Point","coordinates":[5.9,51.98]}},
{"type":"Feature","properties":{"naam":"b"},"geometry":null}]})");
  const std::string m = stream_error<data_error>(path);
  EXPECT_EQ(m, read_error<data_error>(path));
  EXPECT_NE(m.find("gat.geojson"), std::string::npos) << m;
  EXPECT_NE(m.find("feature 1"), std::string::npos) << m;
}

TEST(PointReader, AnErrorOpeningIsThrownByHeaderWhenReadingAhead) {
  CollectingReporter reporter;
  PointReadOptions ahead;
  ahead.read_ahead = 2;
  PointReader reader("/nonexistent/punten.gpkg", {}, reporter, ahead);
  EXPECT_THROW(reader.header(), io_error);
}

}  // namespace
}  // namespace wijkatlas::geo
