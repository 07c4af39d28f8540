#pragma once
// The spots (plekken) of a session: the connected places where at least `min_n` sheets of the
// session marked the same place in one category, from the exact overlap of that session's
// current sketches (docs/round-two.md). Made once and kept in the store, so their ids stay
// stable while a planner sets statuses on them.
#include <string>
#include <vector>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

// Throws data_error naming the store and the sessions it knows when `session` has no current
// sketches.
void require_session(store::ProjectStore& store, const std::string& session);

// Computes the spots of a session (ids <slug>-P01, P02... ordered by category, then n
// descending, then area descending). Nothing is stored.
std::vector<sketch::SpotRecord> compute_spots(store::ProjectStore& store,
                                              const std::string& session, int min_n,
                                              geo::Reporter& reporter);

// Gives each new spot the status of the old spot of the same category it overlaps most (the
// ids may change when spots are made again after more drawings came in).
void carry_statuses(const std::vector<sketch::SpotRecord>& old_spots,
                    std::vector<sketch::SpotRecord>& new_spots);

// The --min-n the spots were made with, when they all share one that is recorded (spots made
// before store format 3 have none): 0 otherwise.
int recorded_min_n(const std::vector<sketch::SpotRecord>& spots);

struct SessionSpots {
  std::vector<sketch::SpotRecord> spots;
  bool made = false;  // made (and stored) by this call
};

// The session's stored spots, made and stored first when there are none yet (or when `remake`,
// keeping statuses with carry_statuses).
SessionSpots session_spots(store::ProjectStore& store, const std::string& session, int min_n,
                           bool remake, geo::Reporter& reporter);

}  // namespace wijkatlas::project
