#pragma once
// The current sketches of one category from the project store, grouped per sheet, for the
// overlap and compare use cases (store::ProjectStore::current_sheets), with a message when there
// are none. Only the latest version of each sheet or drawing counts.
#include <string>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/sketch/category.hpp"
#include "wijkatlas/store/records.hpp"

namespace wijkatlas::project {

// "probleem", "fijne_plek", "idee" or "alle"; throws request_error (field "category") naming the
// accepted values.
sketch::CategoryChoice check_sketch_category(const std::string& category);

using StoredSketches = store::SketchSheets;

// Throws store_error (store/error.hpp): io_error for a missing, empty or foreign store,
// output_error for a locked one; and
// data_error when the store holds no current sketches of the category. A non-empty `session`
// reads only the sketches of that session.
StoredSketches load_stored_sketches(const std::string& store, const std::string& category,
                                    geo::Reporter& reporter, const std::string& session = "");

}  // namespace wijkatlas::project
