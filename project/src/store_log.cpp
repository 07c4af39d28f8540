#include "wijkatlas/project/store_log.hpp"

#include <cstdio>
#include <map>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::project {
namespace {

bool is_date(const std::string& text) {
  int y = 0, m = 0, d = 0, used = 0;
  return std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 &&
         static_cast<std::size_t>(used) == text.size() && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

bool is_time(const std::string& text) {
  return text.size() == 20 && text[10] == 'T' && text.back() == 'Z' && is_date(text.substr(0, 10));
}

struct Noun {
  const char* one;
  const char* many;
};

Noun noun(const std::string& table) {
  static const std::map<std::string, Noun> nouns{{"sheets", {"blad", "bladen"}},
                                                 {"ingests", {"bestand", "bestanden"}},
                                                 {"sketches", {"schets", "schetsen"}},
                                                 {"spots", {"plek", "plekken"}}};
  const auto it = nouns.find(table);
  return it != nouns.end() ? it->second : Noun{"rij", "rijen"};
}

std::string field_label(const std::string& field) {
  static const std::map<std::string, std::string> labels{
      {"status_note", "notitie"},
      {"status_initiative_id", "initiatief"},
      {"status_initiative", "naam initiatief"},
      {"superseded", "vervangen door een nieuwere foto"},
      {"category", "categorie"},
      {"geom", "vorm of plek"}};
  const auto it = labels.find(field);
  return it != labels.end() ? it->second : field;
}

std::string value(const std::optional<std::string>& v) {
  return v && !v->empty() ? "'" + *v + "'" : "(leeg)";
}

// "2026-12-02 13:05"
std::string when(const std::string& iso) {
  return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

// Rows made, removed, or brought by `store push` (its "(via push)" entries).
bool is_row_event(const store::HistoryEntry& e) {
  return e.field == "(nieuw)" || e.field == "(verwijderd)" || e.field == "(via push)";
}

std::string row_verb(const store::HistoryEntry& e) {
  if (e.field == "(nieuw)") return "toegevoegd";
  if (e.field == "(verwijderd)") return "verwijderd";
  return "binnengekomen (" + e.new_value.value_or("push") + ")";
}

}  // namespace

StoreLog store_log(store::ProjectStore& store, const StoreLogRequest& request) {
  if (request.since.empty())
    throw request_error("since", "give a session name or a date like 2026-12-01");
  StoreLog out;
  if (is_date(request.since)) {
    out.since = request.since + "T00:00:00Z";
    out.since_label = request.since;
  } else if (is_time(request.since)) {
    out.since = request.since;
    out.since_label = request.since;
  } else {
    const auto moment = store.session_moment(request.since);
    if (!moment) {
      throw request_error("since", "no session '" + request.since +
                                       "' in this store (no sheet, drawing or change of it); "
                                       "give a session name or a date like 2026-12-01");
    }
    out.since = *moment;
    out.since_label = "sessie '" + request.since + "'";
  }
  out.entries = store.history_since(out.since);
  return out;
}

std::vector<std::string> summary_lines(const std::vector<store::HistoryEntry>& entries) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < entries.size();) {
    const store::HistoryEntry& e = entries[i];
    const std::string head = when(e.changed_at) + " " + e.changed_by + ": ";
    const Noun n = noun(e.table);
    if (!is_row_event(e)) {
      lines.push_back(head + n.one + " " + e.row_id + ": " + field_change_text(e));
      ++i;
      continue;
    }
    // Rows made (or removed) at once by one writer: one line.
    std::size_t j = i + 1;
    while (j < entries.size() && entries[j].table == e.table && entries[j].field == e.field &&
           entries[j].changed_at == e.changed_at && entries[j].changed_by == e.changed_by)
      ++j;
    const std::string verb = row_verb(e);
    if (j - i == 1) {
      lines.push_back(head + n.one + " " + e.row_id + " " + verb);
    } else {
      lines.push_back(head + std::to_string(j - i) + " " + n.many + " " + verb + " (" + e.row_id +
                      " t/m " + entries[j - 1].row_id + ")");
    }
    i = j;
  }
  return lines;
}

std::string field_change_text(const store::HistoryEntry& e) {
  return field_label(e.field) + " " + value(e.old_value) + " -> " + value(e.new_value);
}

}  // namespace wijkatlas::project
