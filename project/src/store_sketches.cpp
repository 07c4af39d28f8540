#include "wijkatlas/project/store_sketches.hpp"

#include <filesystem>
#include <map>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/sketch/store.hpp"

namespace wijkatlas::project {
namespace {
namespace fs = std::filesystem;

geo::Layer read_table(const fs::path& path, const std::string& layer, std::vector<std::string> fields,
                      const std::string& where, geo::Reporter& reporter) {
  geo::ReadOptions read;
  read.layer = layer;
  read.fields = std::move(fields);
  read.where = where;
  read.allow_empty = true;
  read.require_geometry = false;
  return geo::read_layer(path, read, reporter);
}

// 'text' with quotes doubled: a session name typed by a person goes into the filter safely.
std::string sql_text(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string check_sketch_category(const std::string& category) {
  for (const char* known : {"probleem", "fijne_plek", "idee", "alle"}) {
    if (category == known) return category;
  }
  throw request_error("category", "unknown category '" + category + "' (use probleem, fijne_plek, idee or alle)");
}

StoredSketches load_stored_sketches(const std::string& store, const std::string& category, geo::Reporter& reporter,
                                    const std::string& session) {
  check_sketch_category(category);
  const fs::path path(store);
  if (!fs::exists(path)) {
    throw about_field(io_error(store, "no project store here: print sheets or read drawings in first"), "store");
  }
  // Opening checks the store is a wijkatlas store and not locked; nothing is written.
  sketch::ProjectStore::open(path);

  std::string where = "superseded = 0";
  if (category != "alle") where += " AND category = '" + category + "'";
  if (!session.empty()) where += " AND session = " + sql_text(session);
  const geo::Layer sketches = read_table(path, "sketches", {"sheet_id", "ingest_id"}, where, reporter);
  const geo::Layer sheets = read_table(path, "sheets", {"id"}, "", reporter);
  if (sketches.features.empty() && !session.empty()) {
    throw data_error(store, "table sketches", "the store holds no current sketches of category '" + category +
                                                  "' in session '" + session + "'");
  }
  if (sketches.features.empty()) {
    throw data_error(store, "table sketches",
                     category == "alle" ? "the store holds no sketches yet: read drawings in with 'wijkatlas ingest'"
                                        : "the store holds no current sketches of category '" + category +
                                              "' (try the category alle)");
  }
  std::map<std::string, geo::MultiPolygon> extents;
  for (const auto& f : sheets.features) {
    if (const auto* mp = std::get_if<geo::MultiPolygon>(&f.geometry)) extents[geo::to_text(f.values[0])] = *mp;
  }

  StoredSketches out;
  std::map<std::string, std::size_t> index;  // sheet id or drawing -> position in out.sheets
  for (const auto& f : sketches.features) {
    if (geo::is_empty(f.geometry)) continue;
    const std::string sheet_id = geo::to_text(f.values[0]);
    // A digital drawing of no sheet is identified by its ingest: only its latest is current.
    const std::string id = sheet_id.empty() ? "tekening " + geo::to_text(f.values[1]) : sheet_id;
    auto [it, added] = index.try_emplace(id, out.sheets.size());
    if (added) {
      geo::SketchSheet sheet;
      sheet.id = id;
      if (const auto e = extents.find(sheet_id); !sheet_id.empty() && e != extents.end()) sheet.coverage = e->second;
      else ++out.digital_drawings;
      out.sheets.push_back(std::move(sheet));
    }
    out.sheets[it->second].marks.push_back(f.geometry);
    ++out.sketches;
  }
  return out;
}

}  // namespace wijkatlas::project
