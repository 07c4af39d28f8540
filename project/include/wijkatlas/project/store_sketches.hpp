#pragma once
// The current sketches of one category from the project store, grouped per sheet, for the
// overlap and compare commands. Only the latest version of each sheet or drawing is read
// (superseded = 0): an earlier photo of the same sheet must not count twice.
#include <cstddef>
#include <string>
#include <vector>

#include "wijkatlas/geo/overlap.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::project {

// "probleem", "fijne_plek", "idee" or "alle"; throws usage_error naming the accepted values.
std::string check_sketch_category(const std::string& category);

struct StoredSketches {
  // One per printed sheet (coverage = its map extent) or digital drawing of no sheet (no
  // coverage recorded: its marks are its coverage).
  std::vector<geo::SketchSheet> sheets;
  std::size_t sketches = 0;
  std::size_t digital_drawings = 0;  // sheets without a printed map extent
};

// Throws io_error for a missing, empty or foreign store, output_error for a locked one, and
// data_error when the store holds no current sketches of the category. A non-empty `session`
// reads only the sketches of that session.
StoredSketches load_stored_sketches(const std::string& store, const std::string& category,
                                    geo::Reporter& reporter, const std::string& session = "");

}  // namespace wijkatlas::project
