#pragma once
// The current sketches of one category from the project store, grouped per sheet, for the
// overlap and compare use cases (store::ProjectStore::current_sheets), with a message when there
// are none. Only the latest version of each sheet or drawing counts.
#include <string>

#include "wijkatlas/sketch/category.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

// "probleem", "fijne_plek", "idee" or "alle"; throws request_error (field "category") naming the
// accepted values.
sketch::CategoryChoice check_sketch_category(const std::string& category);

using StoredSketches = store::SketchSheets;

// Throws data_error when the store holds no current sketches of the category. A non-empty
// `session` reads only the sketches of that session.
StoredSketches load_stored_sketches(store::ProjectStore& store, const std::string& category,
                                    const std::string& session = "");

}  // namespace wijkatlas::project
