#pragma once
// Many rows into one table, the fastest way the backend has (store import's asset points): on
// PostgreSQL through COPY instead of one INSERT per row (GDAL's PG_USE_COPY), inside the
// caller's transaction like any other write.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "backend.hpp"
#include "wijkatlas/geo/codes.hpp"

namespace wijkatlas::store::detail {

void bulk_load(Backend& backend, const char* table, const std::function<void()>& load);

// A random (version 4) UUID like new_uuid(), without a system call per id (libuuid asks the
// kernel for the pid, uid and randomness every time): a generator seeded once from the
// kernel's randomness, and again in a child after fork.
std::string fast_uuid();

// The level of an area as the table `areas` keeps it: buurt, wijk, programma, gemeente.
const char* level_key(geo::Level level);
std::optional<geo::Level> parse_level_key(std::string_view key);

}  // namespace wijkatlas::store::detail
