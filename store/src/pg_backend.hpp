#pragma once
// The PostGIS backend: one schema per project in a PostgreSQL database with PostGIS. GDAL's
// PostgreSQL driver reads and writes the rows and runs the statements, all on its one
// connection, so that a write transaction covers both. libpq only checks the connection first,
// for messages that name host and port (never the password). Writers are serialised by an
// advisory lock per project, taken when a write transaction starts.
//
// Location: "PG:<libpq connection string> active_schema=<project schema>", the form ogrinfo and
// QGIS open too; the schema is lower case letters, digits and _.
#include <string>

#include "backend.hpp"

namespace wijkatlas::store::detail {

// True for "PG:..." (any case).
bool names_postgresql(std::string_view location);

std::unique_ptr<Backend> open_postgis(std::string_view location, const OpenOptions& options);

std::unique_ptr<Backend> create_postgis(std::string_view location, const OpenOptions& options,
                                        const std::function<void(Backend&)>& build);

}  // namespace wijkatlas::store::detail
