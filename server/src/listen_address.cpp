#include "listen_address.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <memory>

namespace wijkatlas::server {
namespace {

std::string without_brackets(const std::string& host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    return host.substr(1, host.size() - 2);
  return host;
}

struct IfAddrsDeleter {
  void operator()(ifaddrs* list) const noexcept { freeifaddrs(list); }
};

// This machine's first IPv4 address outside 127.0.0.0/8, or "" when it has none.
std::string first_network_ipv4() {
  ifaddrs* raw = nullptr;
  if (getifaddrs(&raw) != 0) return "";
  const std::unique_ptr<ifaddrs, IfAddrsDeleter> list(raw);
  for (const ifaddrs* a = list.get(); a != nullptr; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    const in_addr address = reinterpret_cast<const sockaddr_in*>(a->ifa_addr)->sin_addr;
    if ((ntohl(address.s_addr) >> 24) == 127) continue;
    char text[INET_ADDRSTRLEN] = {};
    if (inet_ntop(AF_INET, &address, text, sizeof text) != nullptr) return text;
  }
  return "";
}

}  // namespace

bool is_loopback(const std::string& host_text) {
  const std::string host = without_brackets(host_text);
  if (host == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) {
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;  // a host name other than localhost may resolve to any address
}

std::string reachable_host(const std::string& host_text) {
  const std::string host = without_brackets(host_text);
  if (host == "0.0.0.0" || host == "::") {
    const std::string network = first_network_ipv4();
    if (!network.empty()) return network;
  }
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace wijkatlas::server
