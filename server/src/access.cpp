#include "access.hpp"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "http_errors.hpp"
#include "listen_address.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::server {
namespace {

constexpr const char* token_header = "X-Wijkatlas-Token";

std::string token_of(const httplib::Request& req) {
  if (req.has_header(token_header)) return req.get_header_value(token_header);
  const std::string authorization = req.get_header_value("Authorization");
  if (authorization.starts_with("Bearer ")) return authorization.substr(7);
  return "";
}

// Single drawings: those made on screen and the sketches read from sheets and files.
bool is_drawings_path(const std::string& path) {
  for (const std::string_view base : {"/api/tekeningen", "/api/schetsen"})
    if (path == base || (path.starts_with(base) && path[base.size()] == '/')) return true;
  return false;
}

}  // namespace

std::string make_token() {
  std::array<unsigned char, 16> bytes{};  // 128 bits
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t n = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw io_error("getrandom",
                     std::string("no random bytes for the token: ") + std::strerror(errno));
    }
    filled += static_cast<std::size_t>(n);
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string token;
  for (const unsigned char b : bytes) {
    token.push_back(digits[b >> 4]);
    token.push_back(digits[b & 0xf]);
  }
  return token;
}

bool equal_in_constant_time(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  return difference == 0;
}

Access::Access(const std::string& listen_host) {
  if (!is_loopback(listen_host)) token_ = make_token();
}

bool Access::needs_token(const httplib::Request& req) {
  const bool reads = req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
  return (!reads && req.path.starts_with("/api/")) || is_drawings_path(req.path);
}

bool Access::trusted(const httplib::Request& req) const {
  return open() || equal_in_constant_time(token_of(req), token_);
}

bool Access::refuse(const httplib::Request& req, httplib::Response& res) const {
  if (open() || !needs_token(req)) return false;
  const std::string given = token_of(req);
  const std::string via =
      "de sleutel van deze bijeenkomst: open de kaart via het adres of de QR-code op het scherm "
      "van de begeleider.";
  if (given.empty()) {
    const bool reads = req.method == "GET" || req.method == "HEAD";
    res.set_header("WWW-Authenticate", "Bearer realm=\"wijkatlas\"");
    send_error(res, 401, "sleutel_ontbreekt",
               reads ? "Losse tekeningen zijn alleen te zien met " + via
                     : "Tekenen en afdrukken kan alleen met " + via,
               token_header);
    return true;
  }
  if (!equal_in_constant_time(given, token_)) {
    send_error(res, 403, "sleutel_onjuist",
               "De sleutel klopt niet (hij geldt zolang deze server draait). Gebruik " + via,
               token_header);
    return true;
  }
  return false;
}

}  // namespace wijkatlas::server
