#include "wijkatlas/project/map_date.hpp"

#include <cstdio>

namespace wijkatlas::project {

std::string map_date_text(render::Language language, std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  const unsigned d = static_cast<unsigned>(ymd.day()), m = static_cast<unsigned>(ymd.month());
  const int y = static_cast<int>(ymd.year());
  char text[40];
  if (language == render::Language::nl)
    std::snprintf(text, sizeof text, "Gemaakt op %02u-%02u-%d", d, m, y);
  else
    std::snprintf(text, sizeof text, "Made on %d-%02u-%02u", y, m, d);
  return text;
}

std::string map_date_today(render::Language language) {
  return map_date_text(language,
                       std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

}  // namespace wijkatlas::project
