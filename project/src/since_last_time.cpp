#include "wijkatlas/project/since_last_time.hpp"

#include <map>
#include <set>

#include "wijkatlas/project/previous_session.hpp"

namespace wijkatlas::project {
namespace {

constexpr const char* created = "(nieuw)";
constexpr const char* removed = "(verwijderd)";

// The fields a person changes; the rest (superseded, an initiative's coordinates) follow them.
bool is_told(const std::string& field) {
  static const std::set<std::string> told{"status", "status_note", "status_initiative", "category",
                                          "geom"};
  return told.count(field) > 0;
}

std::string printed(const std::optional<std::string>& word) {
  if (!word || word->empty()) return "(leeg)";
  const auto status = sketch::parse_status(*word);
  return "'" + (status ? printed_status(*status, render::Language::nl) : *word) + "'";
}

std::string what_changed(const store::HistoryEntry& e) {
  if (e.field == "status") return "status " + printed(e.old_value) + " -> " + printed(e.new_value);
  return field_change_text(e);
}

// What happened to one row since the moment: made, removed, the phrases of its changes.
struct RowStory {
  bool made = false;
  bool gone = false;
  std::vector<std::string> what;
  std::string when;
};

std::map<std::string, RowStory> stories(const std::vector<store::HistoryEntry>& entries,
                                        const std::string& table) {
  std::map<std::string, RowStory> out;
  for (const store::HistoryEntry& e : entries) {
    if (e.table != table) continue;
    RowStory& story = out[e.row_id];
    story.when = std::max(story.when, e.changed_at);
    if (e.field == created || e.field == "(via push)") {
      story.made = true;
    } else if (e.field == removed) {
      story.gone = true;
    } else if (is_told(e.field)) {
      story.what.push_back(what_changed(e));
    }
  }
  return out;
}

// A sketch's or spot's change as its story tells it; the geometry is the caller's.
SinceChange told_change(const RowStory& story, ChangeKind kind, const std::string& id,
                        const std::string& session, sketch::InkCategory category,
                        sketch::Status status) {
  SinceChange c;
  c.kind = kind;
  c.id = id;
  c.session = session;
  c.category = sketch::to_string(category);
  c.when = story.when;
  c.what = story.what;
  c.status = printed_status(status, render::Language::nl);
  return c;
}

void add_sketches(store::ProjectStore& store, const std::map<std::string, RowStory>& told,
                  std::vector<SinceChange>& out) {
  std::set<std::string> current;
  for (sketch::SketchStatusRow& row : store.sketch_statuses(std::nullopt)) {
    current.insert(row.id);
    const auto it = told.find(row.id);
    if (it == told.end() || (!it->second.made && it->second.what.empty())) continue;
    SinceChange c = told_change(
        it->second, it->second.made ? ChangeKind::new_drawing : ChangeKind::changed_drawing, row.id,
        row.session, row.category, row.status.status);
    c.geometry = std::move(row.geometry);
    out.push_back(std::move(c));
  }
  for (const auto& [id, story] : told) {
    // Made and removed since is nothing to tell; a superseded sketch was replaced, not removed.
    if (!story.gone || story.made || current.count(id) > 0) continue;
    SinceChange c;
    c.kind = ChangeKind::removed_drawing;
    c.id = id;
    c.when = story.when;
    out.push_back(std::move(c));
  }
}

void add_spots(store::ProjectStore& store, const std::map<std::string, RowStory>& told,
               std::vector<SinceChange>& out) {
  for (const std::string& session : store.sessions()) {
    for (sketch::SpotRecord& spot : store.spots(session)) {
      const auto it = told.find(spot.id);
      if (it == told.end() || (!it->second.made && it->second.what.empty())) continue;
      SinceChange c =
          told_change(it->second, it->second.made ? ChangeKind::new_spot : ChangeKind::changed_spot,
                      spot.id, spot.session, spot.category, spot.status.status);
      c.n = spot.n;
      c.geometry = geo::Geometry(std::move(spot.geometry));
      out.push_back(std::move(c));
    }
  }
}

void add_initiatives(const geo::Layer& registry, const std::string& since,
                     std::vector<SinceChange>& out) {
  const auto start = registry.field_index("startdatum");
  if (!start) return;
  const auto text = [&](const geo::Feature& f, const char* field) {
    const auto i = registry.field_index(field);
    return i ? geo::to_text(f.values[*i]) : std::string();
  };
  const std::string day = since.substr(0, 10);
  for (const geo::Feature& f : registry.features) {
    const std::string started = geo::to_text(f.values[*start]);
    if (started.size() < 10 || started.substr(0, 10) < day) continue;
    SinceChange c;
    c.kind = ChangeKind::new_initiative;
    c.id = text(f, "id");
    c.category = text(f, "thema");
    c.name = text(f, "naam");
    c.when = started.substr(0, 10);
    c.status = text(f, "status");
    c.geometry = f.geometry;
    out.push_back(std::move(c));
  }
}

}  // namespace

std::string change_label(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::new_drawing:
      return "Nieuw getekend";
    case ChangeKind::changed_drawing:
      return "Tekening gewijzigd";
    case ChangeKind::removed_drawing:
      return "Tekening verwijderd";
    case ChangeKind::new_spot:
      return "Nieuwe plek";
    case ChangeKind::changed_spot:
      return "Status of notitie van een plek gewijzigd";
    case ChangeKind::new_initiative:
      return "Nieuw initiatief";
  }
  return "";
}

std::string to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::new_drawing:
      return "nieuwe_tekening";
    case ChangeKind::changed_drawing:
      return "gewijzigde_tekening";
    case ChangeKind::removed_drawing:
      return "verwijderde_tekening";
    case ChangeKind::new_spot:
      return "nieuwe_plek";
    case ChangeKind::changed_spot:
      return "gewijzigde_plek";
    case ChangeKind::new_initiative:
      return "nieuw_initiatief";
  }
  return "";
}

SinceLastTime since_last_time(store::ProjectStore& store, const StoreLogRequest& request,
                              const geo::Layer& registry) {
  const StoreLog log = store_log(store, request);
  SinceLastTime out{log.since, log.since_label, {}};
  add_sketches(store, stories(log.entries, "sketches"), out.changes);
  add_spots(store, stories(log.entries, "spots"), out.changes);
  add_initiatives(registry, log.since, out.changes);
  return out;
}

}  // namespace wijkatlas::project
