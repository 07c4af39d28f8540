#pragma once
// "Afdrukken": POST /api/afdruk gives the PDF of the view, POST /api/kaartdefinitie the same
// view as a map definition (TOML) that `wijkatlas map` renders to that PDF.
#include <httplib.h>

#include <mutex>

#include "area_search.hpp"
#include "drawing_routes.hpp"
#include "indicator_layer.hpp"
#include "print_view.hpp"

namespace wijkatlas::server {

struct PrintService {
  DrawingService& drawings;  // the session's drawings, read under its mutex
  PrintSources sources;
  const std::vector<IndicatorValues>& indicators;  // the measures a print may colour by
  const AreaSearch& areas;                         // the areas a search can have found
  std::mutex& painter;  // one print drawn at a time (TileService::print_painter)
  geo::Reporter& reporter;
};

void add_print_routes(httplib::Server& http, PrintService& print);

}  // namespace wijkatlas::server
