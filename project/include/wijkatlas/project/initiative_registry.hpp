#pragma once
// Finding one initiative in the registry (docs/registry.md) by its id or name, to link it to a
// spot or sketch with `wijkatlas status --initiative`.
#include <string>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/sketch/status.hpp"

namespace wijkatlas::project {

// `wanted` is an id (exact, e.g. VB-003), a naam (any case), or a part of exactly one naam.
// `registry` empty: examples/initiatieven_arnhem_oost.csv. Throws data_error naming the registry
// when nothing or several initiatives match (listing them).
sketch::LinkedInitiative find_initiative(const std::string& registry, const std::string& wanted,
                                         geo::Reporter& reporter);

}  // namespace wijkatlas::project
