#pragma once
// Drawing with the room (issue 14): the routes that write. A drawing is stored in the project
// store as a sketch of channel "scherm" (store/drawings.hpp); the store is one connection, so
// its calls are serialised here.
#include <httplib.h>

#include <mutex>

#include "drawing_requests.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::server {

struct DrawingService {
  store::ProjectStore& store;
  DrawingLimits limits;
  geo::Reporter& reporter;
  std::mutex mutex;  // around every call of `store`
};

// GET/POST /api/tekeningen, GET/PUT/DELETE /api/tekeningen/S17, GET /api/sessies. Registered
// before add_routes, whose catch-all refuses writes everywhere else.
void add_drawing_routes(httplib::Server& http, DrawingService& drawings);

}  // namespace wijkatlas::server
