#pragma once
// Inspecting what residents drew, one by one (issue 14): the sketches of a session read from
// sheets and files, each with where it came from (the piece of the sheet it was read from), and
// the statuses a spot or a sketch was given over time. Single sketches are the operator's: off
// loopback /api/schetsen needs the run's token (Access). A spot's history is for whoever may
// see the spot (at least k sheets marked it, resident_routes.hpp). Who set a status is never
// sent.
#include <httplib.h>

#include "access.hpp"
#include "drawing_routes.hpp"

namespace wijkatlas::server {

// The paths of these routes (regular expressions), also for the 405 of other methods on them.
inline constexpr const char* sketch_pattern = R"(/api/schetsen/([Ss]\d{1,12}))";
inline constexpr const char* crop_pattern = R"(/api/schetsen/([Ss]\d{1,12})/uitsnede\.png)";
inline constexpr const char* spot_history_pattern =
    R"(/api/plekken/([A-Za-z0-9_-]{1,240})/geschiedenis)";

// GET /api/schetsen?sessie=S (the current sketches of sheets and files, not those drawn on
// screen: /api/tekeningen has them), GET /api/schetsen/S17 (its sheet, source, confidence, crop
// extent and status history), GET /api/schetsen/S17/uitsnede.png (the crop), and
// GET /api/plekken/<id>/geschiedenis?sessie=S.
void add_provenance_routes(httplib::Server& http, DrawingService& drawings, const Access& access);

}  // namespace wijkatlas::server
