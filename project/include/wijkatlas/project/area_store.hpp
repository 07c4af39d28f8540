#pragma once
// Areas and key figures from the project store when it holds imported ones (`store import`),
// so that a team works with one version of them; from files as load_areas reads them when the
// store has none, or when the source names files of its own (areas, programme, filter).
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

// Whether load_areas(store, source) reads the store: it holds imported areas and `source`
// names no areas file, programme or filter of its own.
bool areas_from_store(store::ProjectStore& store, const AreaSource& source);

// The levels of `source` from the store's imported hierarchy, with its key figures ready for
// add_indicators (which joins them instead of the data directory's); else load_areas(source).
LoadedAreas load_areas(store::ProjectStore& store, const AreaSource& source,
                       geo::Reporter& reporter);

}  // namespace wijkatlas::project
