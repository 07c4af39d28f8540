#pragma once
// "Afdrukken" (issue 14): the view on the screen as a map definition (TOML, docs/maps.md) and as
// a PDF rendered from that very definition through the same path as `wijkatlas map`
// (project::prepare_map, render::render_map): centred where the screen is centred, at an exact
// scale, A4-A0, portrait or landscape, with the layers that are on, drawings included. So the
// definition the page hands out renders the same PDF at a planner's desk.
#include <cstddef>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/sketch/status.hpp"
#include "wijkatlas/store/drawings.hpp"

namespace wijkatlas::server {

// The key figure the page colours the areas by ("Cijfers per gebied").
struct PrintFigures {
  std::string layer;    // buurten or wijken (the overlay ids)
  std::string measure;  // a column of the catalogue's indicatoren
  std::string method;   // the map definition's word: quantile, equal-interval, natural-breaks
  int classes = 5;      // 2..7
};

// "Samen getekend" as the screen shows it: a session's drawings of a category counted.
struct PrintOverlap {
  std::string session;                // "": every session
  std::string category = "probleem";  // probleem, fijne_plek, idee or alle
};

struct PrintSearched {
  std::string level;  // buurt, wijk or programmawijk (the search's niveau)
  std::string code;
};

struct PrintView {
  geo::Point centre;
  double scale = 10000;  // the denominator, 1:scale
  std::string paper = "A4";
  std::string orientation = "landscape";
  std::vector<std::string> layers;  // ids of the overlays that are on, bottom first
  std::string session;              // the drawings of this session ("": none drawn)
  std::string title;
  std::optional<PrintFigures> figures;
  std::optional<PrintOverlap> overlap;
  std::optional<std::string> spots_session;  // the spots of this session ("Plekken")
  // The area the search found, outlined as the screen does until the next search.
  std::optional<PrintSearched> searched;
  // "Sinds vorige keer": a session's name or a date (2026-12-01).
  std::optional<std::string> since;
};

// Throws request_error naming the field: centrum, schaal (500 .. 250,000), papier, richting,
// lagen (known ids only), sessie, titel, cijfers ({laag, maat, indeling, klassen} as
// /api/indicator takes them; whether the measure exists is for the caller to check),
// samen_getekend ({sessie, categorie} as /api/overlap takes them), plekken ({sessie}),
// gezocht ({niveau, code} of a search result), sinds ({sessie} or {vanaf: 2026-12-01}).
PrintView print_view(const nlohmann::json& body);

struct PrintSources {
  std::string store;     // the project store (a GeoPackage path): drawings are read from it
  std::string registry;  // the initiatives' file
  // No registry file was named: the store's imported initiatives when it has them.
  bool registry_from_store = true;
  std::string data_dir;  // as the server was given it
  std::string cache_dir;
};

// What the store holds of the view's session: the layers that would be empty are left out (a
// map definition's layer must hold something).
struct PrintContent {
  std::vector<store::Drawing> drawings;   // of the view's session
  std::vector<sketch::SpotRecord> spots;  // of spots_session
};

// The definition as TOML text: absolute paths to the store and registry, so `wijkatlas map`
// finds them from any directory.
std::string map_definition_toml(const PrintView& view, const PrintSources& sources,
                                const PrintContent& content);

// The PDF of a definition, through project::prepare_map and render::render_map. `painter` is
// held while drawing (Cairo and Pango are used from one thread at a time, tiles included).
std::vector<std::byte> render_print(const std::string& toml, const PrintSources& sources,
                                    std::mutex& painter, geo::Reporter& reporter);

}  // namespace wijkatlas::server
