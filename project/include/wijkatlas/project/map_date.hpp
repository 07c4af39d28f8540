#pragma once
// The date line of a map: "Gemaakt op 23-11-2026" / "Made on 2026-11-23".
#include <chrono>
#include <string>

#include "wijkatlas/render/map_spec.hpp"

namespace wijkatlas::project {

std::string map_date_text(render::Language language, std::chrono::sys_days day);

// Today's date line.
std::string map_date_today(render::Language language);

}  // namespace wijkatlas::project
