#include "http_errors.hpp"

#include <ctime>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/store/error.hpp"

namespace wijkatlas::server {
namespace {

std::string message_for(int status) {
  switch (status) {
    case 400:
      return "Ongeldig verzoek.";
    case 404:
      return "Niet gevonden.";
    case 405:
      return "Deze methode is hier niet toegestaan.";
    case 413:
      return "Het verzoek is te groot.";
    case 414:
      return "Het adres is te lang.";
    default:
      return status >= 500 ? "Er ging iets mis in de server." : "Verzoek geweigerd.";
  }
}

std::string code_for(int status) {
  switch (status) {
    case 400:
      return "ongeldig_verzoek";
    case 404:
      return "niet_gevonden";
    case 405:
      return "methode_niet_toegestaan";
    case 413:
      return "te_groot";
    case 414:
      return "adres_te_lang";
    default:
      return status >= 500 ? "serverfout" : "geweigerd";
  }
}

// A store field as the page's users call it.
std::string field_words(const std::string& field) {
  if (field == "geom") return "vorm of plek";
  if (field == "category") return "categorie";
  if (field == "kind") return "soort";
  if (field == "note") return "notitie";
  if (field == "status_note") return "notitie";  // a drawing's note is its status note
  if (field == "session") return "sessie";
  return field;
}

std::string quoted(const std::optional<std::string>& value) {
  return value ? "'" + *value + "'" : "leeg";
}

// "2026-12-03T06:32:33Z" as the room's clock reads it: "03-12-2026 07:32" (the server runs on
// the operator's laptop, so its local time is the room's); the stored text when it is another.
std::string local_time(const std::string& utc) {
  std::tm t{};
  std::istringstream in(utc);
  in >> std::get_time(&t, "%Y-%m-%dT%H:%M:%S");
  if (in.fail()) return utc;
  const std::time_t seconds = timegm(&t);
  std::tm local{};
  if (localtime_r(&seconds, &local) == nullptr) return utc;
  char text[32];
  return std::strftime(text, sizeof text, "%d-%m-%Y %H:%M", &local) ? text : utc;
}

// A conflict in the page's language: what the change was based on, and what happened since.
std::string conflict_words(const store::ConflictFacts& f) {
  std::string out = "Uw wijziging ging uit van versie " + std::to_string(f.based_on) + "; ";
  const std::string when_who = (f.changed_at.empty() ? "" : " op " + local_time(f.changed_at)) +
                               (f.changed_by.empty() ? "" : " door " + f.changed_by);
  if (f.now_version == 0) return out + "de tekening is intussen verwijderd" + when_who + ".";
  out += "nu is het versie " + std::to_string(f.now_version) + ", gewijzigd" + when_who;
  std::string what;
  for (const auto& c : f.changes) {
    what += (what.empty() ? "" : "; ") + field_words(c.field) + " " + quoted(c.old_value) +
            " werd " + quoted(c.new_value);
  }
  return out + (what.empty() ? "." : " (" + what + ").");
}

// A store's failure by its kind: a stale change is a conflict the page shows with the store's
// own words (what changed, when, by whom), a busy or gone store a 503 the page may retry.
void send_store_error(httplib::Response& res, const store::store_error& e) {
  int status = 503;
  std::string code = "opslag_niet_beschikbaar";
  std::string message = "De projectopslag is nu niet te gebruiken.";
  switch (e.kind()) {
    case store::ErrorKind::conflict:
      status = 409;
      code = "wijziging_botst";
      message =
          "Iemand anders heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen. Bekijk "
          "de tekening zoals die nu is en doe de wijziging zo nodig opnieuw.";
      break;
    case store::ErrorKind::not_current:
      status = 409;
      code = "niet_te_wijzigen";
      message = "Deze schets kan hier niet gewijzigd worden.";
      break;
    case store::ErrorKind::duplicate:
      status = 409;
      code = "bestaat_al";
      message = "Dit bestaat al in de projectopslag.";
      break;
    case store::ErrorKind::unknown_id:
      status = 404;
      code = "niet_gevonden";
      message = "Niet gevonden in de projectopslag.";
      break;
    case store::ErrorKind::bad_value:
      status = 400;
      code = "ongeldig_verzoek";
      message = "Ongeldige waarde.";
      break;
    case store::ErrorKind::locked:
      message = "De projectopslag is bezet door een andere schrijver; probeer het zo opnieuw.";
      break;
    default:
      break;
  }
  // The store's words without its location: no server path goes to a participant's device.
  const std::string detail = e.conflict()          ? conflict_words(*e.conflict())
                             : e.subject().empty() ? e.text()
                                                   : e.subject() + ": " + e.text();
  nlohmann::json body = {
      {"status", status}, {"code", code}, {"bericht", message}, {"detail", detail}};
  res.status = status;
  res.set_content(nlohmann::json{{"fout", body}}.dump(), "application/json; charset=utf-8");
}

}  // namespace

void send_error(httplib::Response& res, int status, const std::string& code,
                const std::string& message, const std::string& field) {
  nlohmann::json body = {{"status", status}, {"code", code}, {"bericht", message}};
  if (!field.empty()) body["veld"] = field;
  res.status = status;
  res.set_content(nlohmann::json{{"fout", body}}.dump(), "application/json; charset=utf-8");
}

int send_exception(httplib::Response& res, std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const request_error& e) {
    send_error(res, 400, "ongeldig_verzoek", e.what(), e.field());
  } catch (const usage_error& e) {
    send_error(res, 400, "ongeldig_verzoek", e.what(), e.field());
  } catch (const store::store_error& e) {
    send_store_error(res, e);
  } catch (const std::exception& e) {
    send_error(res, 500, "serverfout", e.what());
  } catch (...) {
    send_error(res, 500, "serverfout", "unknown error");
  }
  return res.status;
}

void fill_default_error(httplib::Response& res) {
  if (!res.body.empty()) return;
  send_error(res, res.status, code_for(res.status), message_for(res.status));
}

}  // namespace wijkatlas::server
