#pragma once
// Round two: an earlier session's spots, their statuses and linked initiatives, as the grey
// overlay of a new drawing sheet (`wijkatlas sheet --previous SESSION`, docs/round-two.md).
#include <string>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/map_spec.hpp"
#include "wijkatlas/render/previous_overlay.hpp"
#include "wijkatlas/sketch/store.hpp"

namespace wijkatlas::project {

// What a status is called on a printed sheet: "nog open" for nieuw (residents read it), the
// stored word otherwise.
std::string printed_status(sketch::Status status, render::Language language);

// The session's spots (made first when there are none, with `min_n`), each hatched by
// category and labelled "P01 probleem · opgepakt" with what was done. Throws data_error for an
// unknown session. Warns when no spot lies inside `extent` (the new sheet shows none of them).
render::PreviousOverlay previous_overlay(sketch::ProjectStore& store, const std::string& session, int min_n,
                                         const geo::Box& extent, render::Language language, geo::Reporter& reporter);

}  // namespace wijkatlas::project
