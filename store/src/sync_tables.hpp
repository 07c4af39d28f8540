#pragma once
// The bookkeeping of a copy (store copy / push), in two tables only a copy has, made when the
// copy is made: `copy_origin` (key/value: where from, when, by whom, which wijk, the last push)
// and `copy_rows` (every row taken or pushed: its table, uuid and the version both sides share,
// the base of the next push's compare-and-set). A store without them is no copy; the store's
// own schema (schema.cpp) and format do not change.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "backend.hpp"

namespace wijkatlas::store::detail::sync {

inline constexpr const char* origin_table = "copy_origin";
inline constexpr const char* rows_table = "copy_rows";
namespace origin {
inline constexpr const char *from = "from", *project_uuid = "project_uuid",
                            *copied_at = "copied_at", *copied_by = "copied_by", *area = "area",
                            *last_push = "last_push";
}
namespace rows {
inline constexpr const char *table_name = "table_name", *row_uuid = "row_uuid",
                            *base_version = "base_version";
}

// Whether a push carries the rows of `table`: what people make and change (sheets, ingests,
// sketches, spots, status changes). Other tables (data a store import loads) are copied whole
// and never pushed: an import on the laptop must not add a second set of areas to the store.
bool is_pushed(std::string_view table);

struct Base {
  std::string table;
  long long version = 0;
};

// Makes both tables (inside the caller's transaction).
void create_tables(Backend& backend);
bool is_copy(Backend& backend);

std::map<std::string, std::string> read_origin(Backend& backend);
void set_origin(Backend& backend, const std::string& key, const std::string& value);

// uuid -> base, for every row the copy shares with its store.
std::map<std::string, Base> read_bases(Backend& backend);
void set_base(Backend& backend, const std::string& table, const std::string& uuid,
              long long version);
// Only inserts (a new copy has no bases yet).
void insert_base(Backend& backend, const std::string& table, const std::string& uuid,
                 long long version);
void drop_base(Backend& backend, const std::string& uuid);

// The project's own uuid (table wijkatlas_project), "" when it has none.
std::string project_uuid(Backend& backend);

}  // namespace wijkatlas::store::detail::sync
