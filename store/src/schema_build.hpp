#pragma once
// Tables made from the schema description, through OGR (any backend) and plain SQL for the
// unique constraints.
#include <gdal_priv.h>

#include <string>

#include "backend.hpp"
#include "schema.hpp"

namespace wijkatlas::store::detail {

// Creates `table` (under `name`: the upgrade builds under a temporary name) with every column
// of the current format, EPSG:28992 and a spatial index when it has geometry. Throws
// write_failed.
OGRLayer& create_table(Backend& backend, const schema::Table& table, const std::string& name);

// Adds column `c` to `layer` (table `table`, for messages). Throws write_failed.
void add_column(Backend& backend, OGRLayer& layer, const schema::Column& c,
                const std::string& table);
// Adds the columns of `table` that format `from` lacked, at its end, as a new store has them:
// the in-place upgrade of a table that only gained columns (both backends).
void add_new_columns(Backend& backend, const schema::Table& table, int from);
// Fills the columns that format `from` lacked from what the upgraded table holds (Fill::one,
// fill_from): after add_new_columns or a rebuild.
void fill_new_columns(Backend& backend, const schema::Table& table, int from);

// The unique constraints of `table`, as unique indexes on table `name` (SQLite cannot add a
// UNIQUE column to an existing table; an index works the same on both backends).
void create_unique_indexes(Backend& backend, const schema::Table& table, const std::string& name);

// Every table and constraint of a new store, and the project's key/value rows.
void create_schema(Backend& backend, const std::string& project);

}  // namespace wijkatlas::store::detail
