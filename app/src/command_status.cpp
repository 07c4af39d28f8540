// `wijkatlas status`: what a planner did with what residents drew (round two). Lists the
// sessions, a session's spots (made from its overlap on first use) or its sketches, each with a
// status from a closed vocabulary, and sets a status with a note and a linked initiative.
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <map>
#include <ostream>

#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/session_spots.hpp"
#include "wijkatlas/project/status.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::app {
using namespace project;  // the use cases this command runs
namespace {
namespace fs = std::filesystem;

store::ProjectStore open_existing(const std::string& store) {
  return store::ProjectStore::open(store);
}

// "Lantaarnpalen geplaatst · VB-003 Speelstraat in de zomer · jan 2026-11-23"
std::string what_was_done(const sketch::StatusInfo& s) {
  std::string text = s.note;
  if (s.initiative)
    text += (text.empty() ? "" : " · ") + s.initiative->id + " " + s.initiative->name;
  if (!s.changed_at.empty()) {
    text += (text.empty() ? "" : " · ") + (s.by.empty() ? std::string() : s.by + " ") +
            s.changed_at.substr(0, 10);
  }
  return text;
}

void list_sessions(store::ProjectStore& store, StatusSummary& summary, std::ostream& out) {
  const std::vector<std::string> sessions = store.sessions();
  summary.sessions = sessions.size();
  if (sessions.empty()) {
    out << "nog geen tekeningen in " << store.location() << " ('wijkatlas ingest' leest ze in)\n";
    return;
  }
  out << "sessies in " << store.location() << ":\n";
  for (const auto& session : sessions) {
    const auto sketches = store.sketch_statuses(session);
    const auto spots = store.spots(session);
    std::map<std::string, int> per_status;
    for (const auto& s : spots) ++per_status[sketch::to_string(s.status.status)];
    out << "  " << (session.empty() ? "(zonder sessie)" : session) << ": " << sketches.size()
        << " schetsen, ";
    if (spots.empty()) {
      out << "plekken nog niet gemaakt\n";
      continue;
    }
    out << spots.size() << " plekken (";
    bool first = true;
    for (const auto& [word, count] : per_status) {
      out << (first ? "" : ", ") << count << " " << word;
      first = false;
    }
    out << ")\n";
  }
}

void list_spots(const std::vector<sketch::SpotRecord>& spots, std::ostream& out) {
  std::size_t id_width = 4;
  for (const auto& s : spots) id_width = std::max(id_width, s.id.size());
  out << std::left << std::setw(static_cast<int>(id_width) + 2) << "id" << std::setw(12)
      << "categorie" << std::setw(10) << "n van N" << std::right << std::setw(9) << "opp. m2"
      << "  " << std::left << std::setw(16) << "status"
      << "wat is er gedaan\n";
  for (const auto& s : spots) {
    out << std::left << std::setw(static_cast<int>(id_width) + 2) << s.id << std::setw(12)
        << sketch::to_string(s.category) << std::setw(10)
        << (std::to_string(s.n) + " van " + std::to_string(s.N)) << std::right << std::setw(9)
        << std::fixed << std::setprecision(0) << s.area_m2 << "  " << std::left << std::setw(16)
        << sketch::to_string(s.status.status) << what_was_done(s.status) << "\n";
  }
}

void list_sketches(const std::vector<sketch::SketchStatusRow>& rows, std::ostream& out) {
  out << std::left << std::setw(8) << "id" << std::setw(10) << "blad" << std::setw(12)
      << "categorie" << std::setw(7) << "soort" << std::setw(16) << "status"
      << "wat is er gedaan\n";
  for (const auto& r : rows) {
    out << std::left << std::setw(8) << r.id << std::setw(10)
        << (r.sheet_id.empty() ? "-" : r.sheet_id) << std::setw(12) << sketch::to_string(r.category)
        << std::setw(7) << sketch::to_string(r.kind) << std::setw(16)
        << sketch::to_string(r.status.status) << what_was_done(r.status) << "\n";
  }
}

store::StatusSet set_one(store::ProjectStore& store, const StatusOptions& o,
                         geo::Reporter& reporter) {
  project::StatusRequest request{o.set[0], o.set[1], o.note, o.initiative, o.registry, o.by};
  if (request.by.empty()) {
    if (const char* user = std::getenv("USER")) request.by = user;
  }
  try {
    return project::set_status(store, request, reporter);
  } catch (const request_error& e) {
    throw usage_error("--set: " + std::string(e.what()));
  } catch (const store::store_error& e) {
    if (e.kind() != store::ErrorKind::unknown_id) throw;
    e.rethrow_with_hint(
        sketch::parse_sketch_status_id(request.id)
            ? "'wijkatlas status --session SESSIE --sketches' lists them"
            : "'wijkatlas status --session SESSIE' lists the spots of a session (ids like "
              "blokgesprek-hommelstraat-P01), with --sketches its sketches (S17)");
  }
}

}  // namespace

StatusSummary run_status(const StatusOptions& o, geo::Reporter& reporter, std::ostream& out) {
  if (!o.set.empty() && o.set.size() != 2) throw usage_error("--set takes two values: ID STATUS");
  if (o.set.empty() && (o.note || o.initiative))
    throw usage_error("--note and --initiative go with --set ID STATUS");
  const int min_n = o.min_n.value_or(2);
  if (min_n < 1) throw usage_error("--min-n must be at least 1");
  if (o.sketches && o.session.empty())
    throw usage_error("--sketches lists the sketches of one --session");
  store::ProjectStore store = open_existing(o.store);
  StatusSummary summary;

  if (!o.set.empty()) {
    const store::StatusSet set = set_one(store, o, reporter);
    summary.changed = set.id;
    out << "status van " << set.kind << " " << set.id << ": "
        << sketch::to_string(set.status.status);
    if (const std::string done = what_was_done(set.status); !done.empty())
      out << " (" << done << ")";
    out << "\n";
    return summary;
  }
  if (o.session.empty()) {
    list_sessions(store, summary, out);
    return summary;
  }
  if (o.sketches) {
    require_session(store, o.session);
    const auto rows = store.sketch_statuses(o.session);
    summary.sketches = rows.size();
    list_sketches(rows, out);
    return summary;
  }
  if (o.min_n && !o.remake && !store.spots(o.session).empty()) {
    throw usage_error(
        "--min-n applies when spots are made, and this session's spots exist: add --remake-spots "
        "to make "
        "them again with --min-n " +
        std::to_string(min_n) + " (statuses are carried over)");
  }
  const SessionSpots spots = session_spots(store, o.session, min_n, o.remake, reporter);
  summary.spots = spots.spots.size();
  summary.spots_made = spots.made;
  if (spots.made) {
    reporter.info(std::to_string(spots.spots.size()) + " spots made: where at least " +
                  std::to_string(min_n) +
                  " sheets of the session marked the same place (per category)");
  }
  if (spots.spots.empty()) {
    out << "sessie '" << o.session << "': geen plekken (nergens tekenden " << min_n
        << " of meer bladen dezelfde plek; --min-n 1 neemt elke tekening mee)\n";
    return summary;
  }
  out << "sessie '" << o.session << "': " << spots.spots.size() << " plekken";
  if (const int n = recorded_min_n(spots.spots); n > 0) out << " (gemaakt met --min-n " << n << ")";
  out << "\n";
  list_spots(spots.spots, out);
  return summary;
}

}  // namespace wijkatlas::app
