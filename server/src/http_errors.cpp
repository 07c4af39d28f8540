#include "http_errors.hpp"

#include <nlohmann/json.hpp>

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
    send_error(res, 503, "opslag_niet_beschikbaar", e.what());
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
