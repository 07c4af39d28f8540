#pragma once
// `store import`: the data directory's areas (every level, with CBS codes and boundary year)
// and key figures, an initiative registry and asset points, into the project store, so that a
// team shares one version of them (docs/store.md). One transaction for all of it.
#include <string>
#include <vector>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

struct StoreImportRequest {
  AreaSource areas;                     // where the areas come from (data directory by default)
  bool with_areas = true;               // the areas and key figures; false: only what is named
  std::vector<std::string> indicators;  // key-figure tables; empty: the data directory's
  std::string registry;                 // an initiative registry (docs/registry.md); "": none
  std::vector<std::string> assets;      // asset point files, each a layer named by its file
  std::string points;                   // a point file stored as layer `points_layer`
  std::string points_layer;
  bool include_personal = false;  // also the registry's and assets' personal fields
};

// Reads everything but the asset points (a missing or malformed file fails before any store is
// touched, naming the file and feature); the asset points are read in batches while they are
// written. Throws request_error (field layer_name) for points without a layer name or a layer
// name given twice.
store::ImportBatch read_import(const StoreImportRequest& request, geo::Reporter& reporter);

// The year in a boundary file's name (wijkenbuurten_2024_v2.gpkg: 2024); 0 when it has none.
int boundary_year_of(const std::string& file_name);

}  // namespace wijkatlas::project
