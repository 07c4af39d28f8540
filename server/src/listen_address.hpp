#pragma once
// What the address the server listens on means for who can reach it: a loopback address only
// this machine, anything else (0.0.0.0, a network card's address, a host name) other devices too.
#include <string>

namespace wijkatlas::server {

// 127.0.0.0/8, ::1 (also as [::1] or ::ffff:127.x.y.z) and "localhost".
bool is_loopback(const std::string& host);

// The host another device types to reach a server listening on `host`: for the wildcard
// addresses (0.0.0.0, ::) this machine's first IPv4 address that is not loopback (the meeting's
// local network), else `host` itself; IPv6 in brackets, as a URL wants it.
std::string reachable_host(const std::string& host);

}  // namespace wijkatlas::server
