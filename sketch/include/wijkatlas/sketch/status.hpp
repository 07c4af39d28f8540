#pragma once
// Round two (docs/round-two.md): what a planner did with what residents drew. A status from a
// small closed vocabulary on stored sketches and on spots (plekken: the places several sheets of
// one session marked), with a short note, who set it and when, and optionally an initiative from
// the registry. Pure values; the store keeps them (store.hpp).
#include <optional>
#include <string>
#include <string_view>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/sketch/category.hpp"
#include "wijkatlas/sketch/ink_mark.hpp"

namespace wijkatlas::sketch {

// The closed vocabulary, in the order a case moves through it.
enum class Status {
  nieuw,           // not looked at yet (the default)
  in_behandeling,  // someone works on it
  opgepakt,        // something was done; the note says what
  geen_actie,      // decided not to act; the note says why
};

// The stored word: "nieuw", "in behandeling", "opgepakt", "geen actie".
std::string to_string(Status status);
// Accepts the stored words in any case, with spaces, '_' or '-' between the words
// ("in_behandeling", "Geen-actie"). nullopt for anything else.
std::optional<Status> parse_status(std::string_view text);
// "nieuw, in behandeling, opgepakt, geen actie": for messages and help texts.
std::string status_words();

// An initiative from the registry (docs/registry.md) linked to a spot or sketch.
struct LinkedInitiative {
  std::string id;                      // the registry's kenmerk, e.g. VB-003
  std::string name;                    // its naam
  std::optional<geo::Point> location;  // RD New; drawn on a round-two sheet
};

struct StatusInfo {
  Status status = Status::nieuw;
  std::string note;  // "wat is er gedaan", short
  std::optional<LinkedInitiative> initiative;
  std::string by;          // who set it
  std::string changed_at;  // ISO 8601 UTC; "" while nieuw and never set
};

// One spot of a session: a connected place that at least `min_n` sheets of one category marked.
struct SpotRecord {
  std::string id;  // "<session slug>-P01", stable once made
  std::string session;
  InkCategory category = InkCategory::probleem;
  int n = 0;  // most sheets that marked one place inside the spot
  int N = 0;  // sheets that showed that place
  double area_m2 = 0;
  int min_n = 0;  // the --min-n it was made with; 0 for spots made before store format 3
  geo::MultiPolygon geometry;
  StatusInfo status;
  std::string created_at;
  long long version = 0;  // the row's version in the store: a change is based on it
};

// A current (not superseded) sketch of a session with its status; id "S" + its number in the
// store.
struct SketchStatusRow {
  std::string id;
  std::string sheet_id;
  std::string session;
  InkCategory category = InkCategory::probleem;
  MarkKind kind = MarkKind::area;
  StatusInfo status;
  long long version = 0;   // the row's version in the store: a change is based on it
  geo::Geometry geometry;  // RD New, as stored
};

// A change asked for on the command line; `id` names a spot or a sketch. What is not given is
// kept: nullopt keeps the note or initiative, an empty note or an initiative with an empty id
// removes it.
struct StatusChange {
  std::string id;
  Status status = Status::nieuw;
  std::optional<std::string> note;
  std::optional<LinkedInitiative> initiative;
  std::string by;
  // The row's version the change is based on (what the person saw); nullopt: the version the
  // row has when the change is written.
  std::optional<long long> based_on;
};

// Spot ids start with the session as a slug: lower case ASCII letters and digits, other runs
// of characters as one '-' ("Blokgesprek Hommelstraat" -> "blokgesprek-hommelstraat"); a
// name with letters of another script gets six characters of its hash ("sessie-3f9a2c"), so
// that two such sessions keep their own ids.
std::string session_slug(std::string_view session);

// "S17" for sketch number 17 of a store; nullopt when `id` is not of that form.
std::string sketch_status_id(long long number);
std::optional<long long> parse_sketch_status_id(std::string_view id);

}  // namespace wijkatlas::sketch
