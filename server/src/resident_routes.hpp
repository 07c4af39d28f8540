#pragma once
// What residents drew, as the room may see it (issue 14): where n of N sheets of a session
// marked the same place in one category (the counts `wijkatlas overlap` maps), and the spots
// of a session with what was done with them. The operator's side (an open server, or a request
// with the token) sees every place; other devices only places that at least k sheets marked
// (k = 3, the small-number rule of published outputs), so no single drawing shows.
#include <httplib.h>

#include "access.hpp"
#include "drawing_routes.hpp"

namespace wijkatlas::server {

// k of the small-number rule (geo::PerAreaOptions::min_sheets, overlap --min-sheets).
inline constexpr int published_min_sheets = 3;

// GET /api/overlap?sessie=S&categorie=C (C: probleem, fijne_plek, idee or alle; no session:
// every session), GET /api/plekken?sessie=S and GET /api/bladen?sessie=S (the printed sheets'
// extents; no session: every session's).
void add_resident_routes(httplib::Server& http, DrawingService& drawings, const Access& access);

}  // namespace wijkatlas::server
