#pragma once
// The current sketches of one category from the project store, grouped per sheet, for the
// overlap and compare commands (store::ProjectStore::current_sheets), with the messages and
// hints of the command line when there are none.
#include <string>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/sketch/category.hpp"
#include "wijkatlas/store/records.hpp"

namespace wijkatlas::app {

// "probleem", "fijne_plek", "idee" or "alle"; throws usage_error naming the accepted values.
sketch::CategoryChoice check_sketch_category(const std::string& category);

using StoredSketches = store::SketchSheets;

// Throws io_error for a missing, empty or foreign store, output_error for a locked one, and
// data_error when the store holds no current sketches of the category. A non-empty `session`
// reads only the sketches of that session.
StoredSketches load_stored_sketches(const std::string& store, const std::string& category,
                                    geo::Reporter& reporter, const std::string& session = "");

}  // namespace wijkatlas::app
