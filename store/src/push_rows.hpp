#pragma once
// What a push does with single rows, on either side: read a table whole by uuid, compare two
// rows across backends, copy a row as it is, read and write history entries as they are.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "row_log.hpp"
#include "rows.hpp"
#include "wijkatlas/store/records.hpp"

namespace wijkatlas::store::detail::push_rows {

// Every row of a table (with its blobs), by uuid.
std::map<std::string, OGRFeatureUniquePtr> by_uuid(Rows& rows);

// Whether two rows hold the same values (fields by name, geometry), but for `except`.
bool same_content(const OGRFeature& a, const OGRFeature& b, const char* except);

// A new row of `rows` with the values of `from` as they are (bookkeeping included).
OGRFeatureUniquePtr copy_of(Rows& rows, const OGRFeature& from);

// The history of one row with a version above `above`, as stored (oldest first).
std::vector<OGRFeatureUniquePtr> history_of(Rows& history, const std::string& uuid,
                                            long long above);
HistoryEntry entry_of(const OGRFeature& history_row);
std::vector<HistoryEntry> entries_of(const std::vector<OGRFeatureUniquePtr>& history_rows);

// One history entry written as given (not stamped now: a push keeps when and by whom).
struct Entry {
  std::string table, row_uuid, row_id, field;
  std::optional<std::string> old_value, new_value;
  long long version = 0;
  std::string at, by;
};
void write_entry(Rows& history, const Entry& e);

// UPDATE/DELETE ... WHERE uuid = ? AND row_version = ?: the number of rows it changed.
std::int64_t set_version(Backend& b, const std::string& table, const std::string& uuid,
                         long long from, long long to);
std::int64_t delete_row(Backend& b, const std::string& table, const std::string& uuid,
                        std::optional<long long> version);

}  // namespace wijkatlas::store::detail::push_rows
