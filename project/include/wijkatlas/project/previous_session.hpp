#pragma once
// Round two: an earlier session's spots, their statuses and linked initiatives, as the grey
// overlay of a new drawing sheet (`wijkatlas sheet --previous SESSION`, docs/round-two.md).
#include <string>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/render/map_spec.hpp"
#include "wijkatlas/render/previous_overlay.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

// What a status is called on a printed sheet: "nog open" for nieuw (residents read it), the
// stored word otherwise.
std::string printed_status(sketch::Status status, render::Language language);

// The session's spots (session_spots() makes and stores them), each hatched by category and
// labelled "P01 probleem · opgepakt" with what was done. Nothing is read or written. Warns when
// there are none, or none lies inside `extent` (the new sheet shows none of them); `min_n` is
// only for that message.
render::PreviousOverlay previous_overlay(const std::vector<sketch::SpotRecord>& spots,
                                         const std::string& session, int min_n,
                                         const geo::Box& extent, render::Language language,
                                         geo::Reporter& reporter);

}  // namespace wijkatlas::project
