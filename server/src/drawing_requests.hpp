#pragma once
// The JSON of drawings made with the room: a request's body read into a store::NewDrawing or
// store::DrawingChange, every value checked (a geometry is a Point, LineString or Polygon, or
// their multi forms, in RD New, inside the project's ground, with few enough vertices; a
// self-crossing area is repaired with a warning), and a stored drawing as a GeoJSON Feature.
// Throws request_error naming the field (Dutch text: the page shows it as it is).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/store/drawings.hpp"

namespace wijkatlas::server {

struct DrawingLimits {
  geo::Box ground;                   // where a drawing may be (the project's areas, widened)
  std::size_t max_vertices = 5000;   // per drawing
  std::size_t max_note_chars = 500;  // bytes of UTF-8, to be exact
  std::size_t max_session_chars = 100;
};

// The body as a JSON object; request_error "body" for anything else.
nlohmann::json parse_body(const std::string& body);

// `warnings` gets what was repaired ("het vlak kruiste zichzelf ...").
store::NewDrawing new_drawing(const nlohmann::json& body, const DrawingLimits& limits,
                              std::vector<std::string>& warnings);
// `id` from the path (S17), `if_match` the header (may be empty: then body "versie").
store::DrawingChange drawing_change(const std::string& id, const std::string& if_match,
                                    const nlohmann::json& body, const DrawingLimits& limits,
                                    std::vector<std::string>& warnings);

// The version a removal is based on: the If-Match header ("3"), required (request_error
// "If-Match" when it is missing or not a version).
long long removal_based_on(const std::string& if_match);

nlohmann::json drawing_feature(const store::Drawing& drawing);

}  // namespace wijkatlas::server
