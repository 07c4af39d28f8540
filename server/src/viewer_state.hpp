#pragma once
// What the server answers from, loaded once at start: the page, the overlays and their
// catalogue, the area search and the tiles.
#include <httplib.h>

#include <map>
#include <memory>
#include <string>

#include "area_search.hpp"
#include "indicator_layer.hpp"
#include "overlays.hpp"
#include "place_routes.hpp"
#include "tile_service.hpp"
#include "web_assets.hpp"
#include "wijkatlas/server/server.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::server {

struct ViewerState {
  WebAssets assets;
  std::map<std::string, std::string> overlays;  // id -> GeoJSON text
  std::string catalogue;                        // JSON text of /api/lagen
  AreaSearch search;
  std::unique_ptr<TileService> tiles;       // holds a mutex: not movable
  std::vector<IndicatorValues> indicators;  // the key figures per layer, for the choropleth
  geo::Layer initiatives;                   // the registry's public fields ("sinds vorige keer")
  PlacePicker picker;                       // buurt -> street -> landmark
};

// The areas, key figures and initiatives from `store` when it holds imported ones (and the
// options name no registry file), else from the data directory and the registry file.
std::unique_ptr<ViewerState> load_viewer_state(const ServerOptions& options,
                                               store::ProjectStore& store, geo::Reporter& reporter);

// GET routes of the page, the API and the tiles; every other method on them is a 405.
void add_routes(httplib::Server& http, ViewerState& state);

// Refuses what no route should ever see (a ".." segment, encoded slashes or dots, control
// characters) before routing; true when it answered.
bool refuse_bad_target(const httplib::Request& req, httplib::Response& res);

}  // namespace wijkatlas::server
