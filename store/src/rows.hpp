#pragma once
// Rows of one store table through OGR, for every backend: read with an SQL condition, written
// as GDAL features, every failure classified by the backend. Plus the value conversions the
// tables share: times, uuids, geometries.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "backend.hpp"
#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::store::detail {

class Rows {
 public:
  // Throws not_a_store when the store has no such table.
  Rows(Backend& backend, const char* table);

  OGRLayer& layer() { return layer_; }
  const std::string& table() const { return table_; }
  bool has_column(const char* column) const;

  // A new row of this table, with a new uuid when the table has that column.
  OGRFeatureUniquePtr new_row() const;
  void insert(OGRFeature& row, const std::string& what);
  void update(OGRFeature& row, const std::string& what);

  // Calls fn(OGRFeature&) for each row matching `where` (every row for ""), in the order the
  // table keeps them; the columns in `skip` are not read (blobs nobody needs).
  template <class F>
  void each(const std::string& where, F&& fn, std::initializer_list<const char*> skip = {}) {
    const Reading reading(*this, where, skip);
    for (OGRFeatureUniquePtr f(layer_.GetNextFeature()); f; f.reset(layer_.GetNextFeature()))
      fn(*f);
  }
  // The first row matching `where`, or nullptr.
  OGRFeatureUniquePtr first(const std::string& where);

 private:
  // An attribute filter and ignored fields for one pass over the table, reset afterwards.
  class Reading {
   public:
    Reading(Rows& rows, const std::string& where, std::initializer_list<const char*> skip);
    ~Reading();
    Reading(const Reading&) = delete;
    Reading& operator=(const Reading&) = delete;

   private:
    OGRLayer& layer_;
  };

  Backend& backend_;
  OGRLayer& layer_;
  std::string table_;
  bool has_uuid_ = false;
};

// Whether the store has `table`: the format-6 tables are there once a store is open (older
// stores are upgraded first), but a store opened by an older wijkatlas elsewhere may lack them.
bool holds_table(Backend& backend, const char* table);

// Field values; NULL reads as "" or 0.
std::string text(const OGRFeature& f, const char* column);
int integer(const OGRFeature& f, const char* column);
double real(const OGRFeature& f, const char* column);
bool is_null(const OGRFeature& f, const char* column);
void set_null(OGRFeature& f, const char* column);
void set_blob(OGRFeature& f, const char* column, const std::vector<std::uint8_t>& bytes);
// Empty for NULL.
std::vector<std::uint8_t> blob(const OGRFeature& f, const char* column);

// Times: ISO 8601 UTC text ("2026-11-23T18:10:00Z") in the API, date-time fields in the store.
// Reading converts a time with a zone to UTC; "" for NULL.
std::string time_text(const OGRFeature& f, const char* column);
// "" sets NULL; throws std::invalid_argument for text that is not such a time.
void set_time(OGRFeature& f, const char* column, const std::string& iso);
std::string utc_now();
// Whether `iso` is such a time ("2026-11-23T18:10:00Z").
bool is_utc_time(const std::string& iso);

// A random (version 4) UUID, lower case: the stable id of a row in every backend.
std::string new_uuid();

void set_geometry(OGRFeature& f, const geo::Geometry& geometry);
// monostate for none; throws bad_value naming the store for a collection of mixed dimensions.
geo::Geometry geometry_of(const OGRFeature& f, const std::string& location);

}  // namespace wijkatlas::store::detail
