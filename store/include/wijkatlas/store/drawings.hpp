#pragma once
// Drawings made with the room on the meeting viewer's screen (issue 14): a point, line or area
// with a category and a short note, stored as a sketch of channel "scherm" beside the scanned
// and digital ones, so overlap, spots, statuses and compare count it like a sheet's mark. Each
// drawing is one digital drawing of no sheet (its own ingest record), so in the overlap it
// counts as one drawing, as a resident's sheet does.
#include <optional>
#include <string>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/sketch/category.hpp"
#include "wijkatlas/sketch/ink_mark.hpp"

namespace wijkatlas::store {

// The channel (sketches.source, ingests.source) of a drawing made on screen.
inline constexpr const char* screen_channel = "scherm";

struct NewDrawing {
  // The page's own id for the drawing (1-64 letters, digits, '-' or '_'): a request sent again
  // (a lost answer, a retry) finds the drawing stored the first time and stores nothing.
  std::string client_id;
  std::string session;
  sketch::InkCategory category = sketch::InkCategory::probleem;
  // RD New: a Point, a MultiLineString or a valid MultiPolygon (the caller checks and repairs).
  geo::Geometry geometry;
  // The note said with it. Kept as the sketch's status note (status "nieuw"), which is what
  // `wijkatlas status --sketches` shows beside every sketch; its history keeps it when a
  // planner writes a note of their own over it.
  std::string note;
};

// A change to a drawing: moved or reshaped, another category, another note. What is nullopt
// stays. A compare-and-set: written only when the row still has version `based_on`.
struct DrawingChange {
  std::string id;  // S17
  long long based_on = 0;
  std::optional<geo::Geometry> geometry;
  std::optional<sketch::InkCategory> category;
  std::optional<std::string> note;
};

struct Drawing {
  std::string id;  // S17
  std::string client_id;
  std::string session;
  sketch::InkCategory category = sketch::InkCategory::probleem;
  sketch::MarkKind kind = sketch::MarkKind::point;
  geo::Geometry geometry;
  std::string note;
  long long version = 0;  // a change is based on it
  std::string created_at;
  std::string updated_at;
  std::string updated_by;
  bool repeated = false;  // add_drawing: stored before under this client id, nothing written
};

// Whether `id` can be a client id (see NewDrawing::client_id).
bool is_drawing_client_id(const std::string& id);

}  // namespace wijkatlas::store
