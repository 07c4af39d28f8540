#pragma once
// Whether a file is a project store, without opening it as one (which could upgrade it): so that
// commands that write files refuse to replace a store by accident.
#include <filesystem>

namespace wijkatlas::store {

// True for an SQLite file with the store's project table; false for anything else, a file that
// cannot be read included. Never writes.
bool is_store_file(const std::filesystem::path& path);

}  // namespace wijkatlas::store
