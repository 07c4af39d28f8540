#pragma once
// Every error the server sends is JSON: {"fout": {"status", "code", "bericht", "veld"?}}, with a
// Dutch message for the page and the library's English detail when there is one.
#include <httplib.h>

#include <exception>
#include <string>

namespace wijkatlas::server {

void send_error(httplib::Response& res, int status, const std::string& code,
                const std::string& message, const std::string& field = {});

// The status and JSON body for an exception escaping a handler: a wijkatlas request_error is a
// 400 naming its field, a missing input a 404, anything else a 500 (logged by the caller).
int send_exception(httplib::Response& res, std::exception_ptr error);

// Fills the body of an error response httplib made itself (404 route, 413 body, 400 parse
// error) when no handler wrote one.
void fill_default_error(httplib::Response& res);

}  // namespace wijkatlas::server
