#pragma once
// The map and atlas use cases (docs/maps.md): a map definition resolved against the data into a
// map any renderer output takes (a file, or memory through render::render_map), and the atlas of
// an overview and one page per programme wijk.
#include <string>
#include <vector>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/map_spec.hpp"
#include "wijkatlas/render/output.hpp"

namespace wijkatlas::project {

struct MapRequest {
  std::string definition;   // TOML map definition
  std::string data_dir;     // empty: geo::resolve_data_dir()
  std::string cache_dir;    // prepared base maps; empty: geo::default_cache_dir()
  std::string store;        // a project store: its areas, key figures (and initiatives)
  std::string paper;        // overrides [map].paper
  std::string orientation;  // overrides [map].orientation
  double dpi = 0;           // overrides [map].dpi (PNG); 0 keeps it
  std::string language;     // overrides [map].language: nl or en
  bool no_date = false;     // no date on the map nor in the document (reproducible files)
};

struct PreparedMap {
  render::MapSpec spec;
  render::DocumentInfo info;
};

// Throws config_error naming the definition's file, key and line, request_error for an override.
PreparedMap prepare_map(const MapRequest& request, geo::Reporter& reporter);

struct AtlasRequest {
  std::string overview;  // overview page; empty: examples/maps/arnhem_oost_overzicht.toml
  std::string wijk_map;  // drawn once per programme wijk; empty: examples/maps/atlas_wijk.toml
  std::string data_dir;
  std::string cache_dir;  // prepared base maps; empty: geo::default_cache_dir()
  std::string store;      // a project store: its areas, key figures and initiatives
  std::string language;   // nl (default) or en
  bool no_date = false;
};

struct AtlasPage {
  std::string outline;  // its bookmark
  std::string slug;  // a file name for the page: "00_overzicht", "01_GK" (letters, digits, _ and -)
  render::MapSpec spec;
};

struct Atlas {
  std::vector<AtlasPage> pages;
  render::DocumentInfo info;
};

Atlas prepare_atlas(const AtlasRequest& request, geo::Reporter& reporter);

// The atlas as one PDF with bookmarks (a path), and one PNG per page in `png_dir` when given.
// Returns the PNGs written.
std::vector<std::string> write_atlas(const Atlas& atlas, const std::string& pdf,
                                     const std::string& png_dir, geo::Reporter& reporter);

}  // namespace wijkatlas::project
