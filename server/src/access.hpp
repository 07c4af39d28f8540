#pragma once
// Who may write, and who may see single drawings (issue 14). On a loopback address only the
// operator's own machine reaches the server: everything is open, as it always was. On any other
// address (phones on the meeting's network) every write under /api/ (drawings, print) and every
// read of single drawings needs the run's token: 128 random bits from the kernel's CSPRNG, made
// at start, sent by the page in the X-Wijkatlas-Token header (or Authorization: Bearer) and
// compared in constant time. Without it: 401, with a wrong one: 403, both JSON; nothing runs.
#include <httplib.h>

#include <string>

namespace wijkatlas::server {

// 32 lowercase hex digits from getrandom(2). Throws io_error when the kernel gives none.
std::string make_token();

// a == b without returning early at the first difference (the length is no secret).
bool equal_in_constant_time(const std::string& a, const std::string& b);

class Access {
 public:
  // Open on loopback; otherwise with a fresh token.
  explicit Access(const std::string& listen_host);

  bool open() const { return token_.empty(); }
  const std::string& token() const { return token_; }  // "" when open

  // Whether this request needs the token: a write (any method but GET, HEAD, OPTIONS) under
  // /api/, or any request for single drawings (/api/tekeningen, /api/tekeningen/S17, and the
  // sketches read from sheets: /api/schetsen, /api/schetsen/S17/...).
  static bool needs_token(const httplib::Request& req);

  // Whether the request comes from the operator's side: the server is open, or the request
  // carries the right token. Others see residents' input only as published outputs show it.
  bool trusted(const httplib::Request& req) const;

  // Sends the 401/403 and returns true when the request needs a token it does not carry.
  bool refuse(const httplib::Request& req, httplib::Response& res) const;

 private:
  std::string token_;
};

}  // namespace wijkatlas::server
