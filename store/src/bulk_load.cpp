#include "bulk_load.hpp"

#include <cpl_conv.h>

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

}  // namespace

void bulk_load(Backend& backend, const char* table, const std::function<void()>& load) {
  (void)table;
  if (!names_postgresql(backend.location())) {
    load();
    return;
  }
  const ThreadOption copy("PG_USE_COPY", "YES");
  load();
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
