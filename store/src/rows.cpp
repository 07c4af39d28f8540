#include "rows.hpp"

#include <uuid/uuid.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/ogr_convert.hpp"

namespace wijkatlas::store::detail {
namespace {

int index_of(const OGRFeature& f, const char* column) {
  const int i = f.GetDefnRef()->GetFieldIndex(column);
  if (i < 0)
    throw std::logic_error(std::string("the store's table has no column '") + column + "'");
  return i;
}

}  // namespace

Rows::Rows(Backend& backend, const char* table)
    : backend_(backend),
      layer_([&]() -> OGRLayer& {
        OGRLayer* layer = backend.dataset().GetLayerByName(table);
        if (layer == nullptr)
          raise(ErrorKind::not_a_store, backend.location(),
                std::string("the store has no table '") + table + "'");
        return *layer;
      }()),
      table_(table),
      has_uuid_(layer_.GetLayerDefn()->GetFieldIndex("uuid") >= 0) {}

bool Rows::has_column(const char* column) const {
  return layer_.GetLayerDefn()->GetFieldIndex(column) >= 0;
}

OGRFeatureUniquePtr Rows::new_row() const {
  OGRFeatureUniquePtr row(OGRFeature::CreateFeature(layer_.GetLayerDefn()));
  if (has_uuid_) row->SetField("uuid", new_uuid().c_str());
  return row;
}

void Rows::insert(OGRFeature& row, const std::string& what) {
  CPLErrorReset();
  if (layer_.CreateFeature(&row) != OGRERR_NONE) backend_.fail("cannot write " + what);
}

void Rows::update(OGRFeature& row, const std::string& what) {
  CPLErrorReset();
  if (layer_.SetFeature(&row) != OGRERR_NONE) backend_.fail("cannot update " + what);
}

OGRFeatureUniquePtr Rows::first(const std::string& where) {
  const Reading reading(*this, where, {});
  return OGRFeatureUniquePtr(layer_.GetNextFeature());
}

Rows::Reading::Reading(Rows& rows, const std::string& where,
                       std::initializer_list<const char*> skip)
    : layer_(rows.layer_) {
  CPLErrorReset();
  if (layer_.SetAttributeFilter(where.empty() ? nullptr : where.c_str()) != OGRERR_NONE) {
    rows.backend_.fail("cannot read table '" + rows.table_ + "' where " + where);
  }
  std::vector<const char*> ignored(skip);
  ignored.push_back(nullptr);
  layer_.SetIgnoredFields(ignored.data());
  layer_.ResetReading();
}

Rows::Reading::~Reading() {
  layer_.SetAttributeFilter(nullptr);
  const char* none[] = {nullptr};
  layer_.SetIgnoredFields(none);
  // Ends the read statement: no snapshot is held open between calls.
  layer_.ResetReading();
}

std::string text(const OGRFeature& f, const char* column) {
  const int i = index_of(f, column);
  return f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

int integer(const OGRFeature& f, const char* column) {
  return f.GetFieldAsInteger(index_of(f, column));
}

double real(const OGRFeature& f, const char* column) {
  return f.GetFieldAsDouble(index_of(f, column));
}

bool holds_table(Backend& backend, const char* table) {
  return backend.dataset().GetLayerByName(table) != nullptr;
}

bool is_null(const OGRFeature& f, const char* column) {
  return !f.IsFieldSetAndNotNull(index_of(f, column));
}

void set_null(OGRFeature& f, const char* column) {
  f.SetFieldNull(index_of(f, column));
}

void set_blob(OGRFeature& f, const char* column, const std::vector<std::uint8_t>& bytes) {
  f.SetField(index_of(f, column), static_cast<int>(bytes.size()), bytes.data());
}

std::vector<std::uint8_t> blob(const OGRFeature& f, const char* column) {
  const int i = index_of(f, column);
  if (!f.IsFieldSetAndNotNull(i)) return {};
  int size = 0;
  const GByte* bytes = f.GetFieldAsBinary(i, &size);
  return {bytes, bytes + size};
}

std::string time_text(const OGRFeature& f, const char* column) {
  const int i = index_of(f, column);
  if (!f.IsFieldSetAndNotNull(i)) return "";
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
  float s = 0;
  if (!f.GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &s, &tz)) return "";
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = static_cast<int>(std::floor(s));
  std::time_t t = timegm(&tm);
  if (tz > 1)
    t -= static_cast<std::time_t>(tz - 100) * 15 * 60;  // OGR: 100 = UTC, each step 15 minutes
  std::tm utc{};
  gmtime_r(&t, &utc);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return out;
}

void set_time(OGRFeature& f, const char* column, const std::string& iso) {
  const int i = index_of(f, column);
  if (iso.empty()) {
    f.SetFieldNull(i);
    return;
  }
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &s, &used) !=
          6 ||
      static_cast<std::size_t>(used) != iso.size()) {
    throw std::invalid_argument("'" + iso + "' is not a UTC time like 2026-11-23T18:10:00Z");
  }
  f.SetField(i, y, mo, d, h, mi, static_cast<float>(s), 100);
}

bool is_utc_time(const std::string& iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
  return std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &s, &used) ==
             6 &&
         static_cast<std::size_t>(used) == iso.size();
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::string new_uuid() {
  uuid_t id;
  uuid_generate_random(id);
  char text[37];
  uuid_unparse_lower(id, text);
  return text;
}

void set_geometry(OGRFeature& f, const geo::Geometry& geometry) {
  support::OgrGeometryPtr g = support::to_ogr(geometry);
  f.SetGeometryDirectly(g.release());
}

geo::Geometry geometry_of(const OGRFeature& f, const std::string& location) {
  try {
    return support::from_ogr(f.GetGeometryRef());
  } catch (const std::invalid_argument& e) {
    raise(ErrorKind::bad_value, location, e.what(), "row " + std::to_string(f.GetFID()));
  }
}

}  // namespace wijkatlas::store::detail
