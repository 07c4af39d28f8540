#include "bulk_load.hpp"

#include <cpl_conv.h>
#include <pthread.h>

#include <array>
#include <atomic>
#include <random>
#include <string>

#include "pg_backend.hpp"

namespace wijkatlas::store::detail {
namespace {

// A GDAL configuration option for this thread while it lives, as it was afterwards.
class ThreadOption {
 public:
  ThreadOption(const char* key, const char* value) : key_(key) {
    if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) old_ = old;
    CPLSetThreadLocalConfigOption(key, value);
  }
  ~ThreadOption() { CPLSetThreadLocalConfigOption(key_, old_ ? old_->c_str() : nullptr); }
  ThreadOption(const ThreadOption&) = delete;
  ThreadOption& operator=(const ThreadOption&) = delete;

 private:
  const char* key_;
  std::optional<std::string> old_;
};

// Bumped in every child after fork: its generators must not repeat the parent's ids.
std::atomic<unsigned> fork_generation{0};

std::mt19937_64 seeded_engine() {
  std::random_device kernel;
  std::seed_seq seed{kernel(), kernel(), kernel(), kernel(),
                     kernel(), kernel(), kernel(), kernel()};
  return std::mt19937_64(seed);
}

}  // namespace

std::string fast_uuid() {
  static const int registered = pthread_atfork(nullptr, nullptr, [] { ++fork_generation; });
  (void)registered;
  thread_local std::mt19937_64 engine = seeded_engine();
  thread_local unsigned generation = fork_generation.load();
  if (generation != fork_generation.load()) {
    engine = seeded_engine();
    generation = fork_generation.load();
  }
  std::array<unsigned char, 16> bytes{};
  for (std::size_t i = 0; i < 16; i += 8) {
    std::uint64_t r = engine();
    for (std::size_t j = 0; j < 8; ++j, r >>= 8) bytes[i + j] = static_cast<unsigned char>(r);
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[bytes[i] >> 4];
    out += hex[bytes[i] & 0x0f];
  }
  return out;
}

void bulk_load(Backend& backend, const char* table, const std::function<void()>& load) {
  if (!names_postgresql(backend.location())) {
    load();
    return;
  }
  // The table's secondary indexes (GiST, unique uuid) are dropped and built again once the
  // rows are in, as ogr2ogr does: maintaining them row by row costs more than building them.
  // Both inside the transaction, so another reader sees the old table, with its indexes, until
  // the commit. The primary key stays.
  const std::string of_table =
      "schemaname = current_schema() AND tablename = " + sql_literal(table) +
      " AND indexname NOT LIKE '%\\_pkey'";
  const auto names =
      backend.query("SELECT indexname FROM pg_indexes WHERE " + of_table + " ORDER BY indexname");
  const auto definitions =
      backend.query("SELECT indexdef FROM pg_indexes WHERE " + of_table + " ORDER BY indexname");
  for (const auto& name : names)
    if (name) backend.execute("DROP INDEX \"" + *name + "\"");
  {
    const ThreadOption copy("PG_USE_COPY", "YES");
    load();
  }
  // Index builds sort in memory up to maintenance_work_mem (64 MB by default): for this
  // transaction, room for a million rows' keys.
  if (!definitions.empty()) backend.execute("SET LOCAL maintenance_work_mem = '256MB'");
  for (const auto& definition : definitions)
    if (definition) backend.execute(*definition);
}

const char* level_key(geo::Level level) {
  switch (level) {
    case geo::Level::buurt:
      return "buurt";
    case geo::Level::wijk:
      return "wijk";
    case geo::Level::programma:
      return "programma";
    case geo::Level::gemeente:
      return "gemeente";
  }
  return "buurt";
}

std::optional<geo::Level> parse_level_key(std::string_view key) {
  for (const geo::Level level : geo::all_levels)
    if (key == level_key(level)) return level;
  return std::nullopt;
}

}  // namespace wijkatlas::store::detail
