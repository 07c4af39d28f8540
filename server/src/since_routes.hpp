#pragma once
// "Sinds vorige keer" (issue 14): what is new or changed since an earlier session or a date,
// as a layer and a list (project::since_last_time). The operator's side sees every change;
// other devices see new and changed drawings only as a count, and spots only when at least k
// sheets marked them, as published outputs show residents' input.
#include <httplib.h>

#include <string>

#include "access.hpp"
#include "drawing_routes.hpp"
#include "wijkatlas/geo/layer.hpp"

namespace wijkatlas::server {

// GET /api/sinds?sessie=S (since the last moment of session S) or ?vanaf=2026-12-01.
void add_since_routes(httplib::Server& http, DrawingService& drawings,
                      const geo::Layer& initiatives, const Access& access);

// Why a session name (1-200 characters) or a date (2026-12-01) cannot be the moment of "Sinds
// vorige keer"; "" when it can. For /api/sinds and the print's "sinds".
std::string since_moment_problem(bool session, const std::string& value);

}  // namespace wijkatlas::server
