// `wijkatlas store copy` and `wijkatlas store push`: a project to the buurthuis on a laptop and
// its edits back, per row (docs/store.md). The conflicts a push leaves are listed with what
// each side changed, when and by whom, and end in a conflict (exit 5).
#include <ostream>

#include "store_options.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/store/sync.hpp"

namespace wijkatlas::app {
namespace {

// The boundary of a wijk by name or code: a programme wijk first, then a CBS wijk.
geo::MultiPolygon wijk_boundary(const StoreCopyOptions& o, geo::Reporter& reporter) {
  project::AreaSource source = project::without_gemeente(o.source);
  const project::LoadedAreas areas = project::load_areas(source, reporter);
  try {
    return project::find_area(areas.hierarchy, o.wijk, geo::Level::programma).geometry;
  } catch (const request_error&) {
  }
  try {
    return project::find_area(areas.hierarchy, o.wijk, geo::Level::wijk).geometry;
  } catch (const request_error& e) {
    throw request_error("wijk", e.what());
  }
}

std::string when(const std::string& iso) {
  return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

std::string value(const std::optional<std::string>& v) {
  return v && !v->empty() ? "'" + *v + "'" : "(leeg)";
}

const char* what_happened(store::ConflictKind kind) {
  switch (kind) {
    case store::ConflictKind::both_changed:
      return "op de laptop en in de store gewijzigd";
    case store::ConflictKind::removed_on_laptop:
      return "op de laptop verwijderd, in de store gewijzigd";
    case store::ConflictKind::removed_in_store:
      return "op de laptop gewijzigd, in de store verwijderd";
    case store::ConflictKind::id_taken:
      return "nieuw op de laptop, maar de store heeft een andere rij met dit id";
  }
  return "";
}

void list_changes(std::ostream& out, const char* side,
                  const std::vector<store::HistoryEntry>& changes) {
  if (changes.empty()) out << "    " << side << ": (geen wijzigingen in de geschiedenis)\n";
  for (const store::HistoryEntry& e : changes) {
    if (e.field == "(via push)") continue;
    out << "    " << side << ": " << when(e.changed_at) << " " << e.changed_by << ": ";
    if (e.field == "(nieuw)")
      out << "toegevoegd\n";
    else if (e.field == "(verwijderd)")
      out << "verwijderd\n";
    else
      out << e.field << " " << value(e.old_value) << " -> " << value(e.new_value) << "\n";
  }
}

}  // namespace

StoreCopySummary run_store_copy(const StoreCopyOptions& o, geo::Reporter& reporter,
                                std::ostream& out) {
  store::CopyRequest request;
  request.from = o.from;
  request.to = o.to;
  request.options = store_options(o.by);
  if (!o.wijk.empty()) {
    request.area = wijk_boundary(o, reporter);
    request.area_name = o.wijk;
  }
  const store::CopyResult copied = store::copy_project(request);
  StoreCopySummary summary;
  out << "kopie gemaakt: " << copied.to << " van " << copied.from
      << (o.wijk.empty() ? "" : " (wijk " + o.wijk + ")") << "\n";
  for (const auto& [table, n] : copied.rows) {
    out << "  " << table << ": " << n << "\n";
    summary.rows += n;
  }
  return summary;
}

StorePushSummary run_store_push(const StorePushOptions& o, std::ostream& out,
                                std::ostream& conflicts_out) {
  store::PushRequest request;
  request.laptop = o.laptop;
  request.to = o.to;
  request.ours = o.ours;
  request.theirs = o.theirs;
  request.options = store_options(o.by);
  const store::PushResult pushed = store::push(request);
  StorePushSummary summary;
  summary.written = pushed.inserted + pushed.updated + pushed.removed + pushed.took_ours;
  summary.conflicts = pushed.conflicts.size();
  if (pushed.wrote_nothing() && pushed.conflicts.empty()) {
    out << "niets te pushen: " << o.to << " heeft alles van " << o.laptop << "\n";
  } else {
    out << "push van " << o.laptop << " naar " << o.to << ": " << pushed.inserted << " nieuw, "
        << pushed.updated << " gewijzigd, " << pushed.removed << " verwijderd";
    if (pushed.already_there > 0) out << ", " << pushed.already_there << " al aanwezig";
    if (pushed.took_ours > 0) out << ", " << pushed.took_ours << " van de laptop (--ours)";
    if (pushed.kept_theirs > 0) out << ", " << pushed.kept_theirs << " van de store (--theirs)";
    out << "\n";
    for (const auto& [was, now] : pushed.renumbered)
      out << "  schets " << was << " van de laptop heet nu " << now << "\n";
  }
  for (const std::string& id : pushed.unused_decisions)
    out << "  let op: " << id << " stond niet in conflict; er is niets mee gedaan\n";
  if (pushed.conflicts.empty()) return summary;
  for (const store::PushConflict& c : pushed.conflicts) {
    conflicts_out << "conflict: " << c.table << " " << c.row_id << " (" << c.row_uuid
                  << "): " << what_happened(c.kind) << " sinds versie " << c.base_version << "\n";
    list_changes(conflicts_out, "laptop", c.laptop_changes);
    list_changes(conflicts_out, "store ", c.store_changes);
  }
  store::raise(store::ErrorKind::conflict, o.to,
               std::to_string(pushed.conflicts.size()) +
                   " row(s) changed on both sides (listed above): nothing of them was written, "
                   "the copy keeps them as they were; decide per row with --ours ID or --theirs "
                   "ID (or all), or change them on the copy, and push again",
               "push");
}

}  // namespace wijkatlas::app
