#include "wijkatlas/project/store_sketches.hpp"

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

sketch::CategoryChoice check_sketch_category(const std::string& category) {
  if (const auto choice = sketch::CategoryChoice::parse(category)) return *choice;
  throw request_error("category", "unknown category '" + category + "' (use " +
                                      sketch::CategoryChoice::words() + ")");
}

StoredSketches load_stored_sketches(store::ProjectStore& project, const std::string& category,
                                    const std::string& session) {
  const sketch::CategoryChoice choice = check_sketch_category(category);
  const std::string& store = project.location();
  StoredSketches out =
      project.current_sheets(choice, session.empty() ? std::nullopt : std::optional(session));
  if (out.sheets.empty() && !session.empty()) {
    throw data_error(store, "table sketches",
                     "the store holds no current sketches of category '" + category +
                         "' in session '" + session + "'");
  }
  if (out.sheets.empty()) {
    throw data_error(
        store, "table sketches",
        choice.is_all()
            ? "the store holds no sketches yet: read drawings in with 'wijkatlas ingest'"
            : "the store holds no current sketches of category '" + category +
                  "' (try the category alle)");
  }
  return out;
}

}  // namespace wijkatlas::project
