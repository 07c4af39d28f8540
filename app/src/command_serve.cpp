// `wijkatlas serve`: the meeting viewer's server until Ctrl-C (SIGINT) or SIGTERM.
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <ostream>

#include "beside_program.hpp"
#include "terminal_qr.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/server/server.hpp"

namespace wijkatlas::app {
namespace {

// HOST:PORT (the last colon splits, so an IPv6 host may carry colons of its own).
std::pair<std::string, int> parse_listen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  const auto bad = [&] {
    return about_field(usage_error("'" + listen + "' is not HOST:PORT, e.g. 127.0.0.1:8080"),
                       "listen");
  };
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) throw bad();
  const std::string port_text = listen.substr(colon + 1);
  if (port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos)
    throw bad();
  const int port = std::stoi(port_text);
  if (port > 65535) throw bad();
  return {listen.substr(0, colon), port};
}

// The bundle is built beside the program (build/release/web), and installed beside it too.
std::filesystem::path default_web_dir() {
  return beside_program("web");
}

// Blocks the stop signals in this thread and the threads it starts (they inherit the mask),
// so that sigwait() here receives them; unblocks them again however run_serve ends.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &previous_);
  }
  ~StopSignals() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  void wait() const {
    int received = 0;
    sigwait(&set_, &received);
  }

 private:
  sigset_t set_{};
  sigset_t previous_{};
};

}  // namespace

void run_serve(const ServeOptions& options, geo::Reporter& reporter, std::ostream& out) {
  server::ServerOptions o;
  std::tie(o.host, o.port) = parse_listen(options.listen);
  o.store = options.store;
  o.data_dir = options.data_dir;
  o.cache_dir = options.cache_dir;
  o.registry = options.registry;
  o.tiles_on_disk = !options.no_disk_tiles;
  o.web_dir = options.web_dir.empty() ? default_web_dir() : std::filesystem::path(options.web_dir);

  const StopSignals stop_signals;

  server::Server server(o, reporter);
  server.start();
  out << "wijkatlas serve: " << server.url() << " (Ctrl-C stopt)" << std::endl;
  if (!server.token().empty()) {
    // Off loopback other devices reach the page: writing and single drawings need the token,
    // which only this address (and its QR code, for the phones in the room) carries.
    reporter.warn("luistert op " + o.host +
                  ": andere apparaten in het netwerk zien de kaart; tekenen, afdrukken en losse "
                  "tekeningen alleen met de sleutel in dit adres");
    out << "met sleutel: " << server.operator_url() << "\n"
        << terminal_qr(server.operator_url()) << std::flush;
  }
  stop_signals.wait();
  reporter.info("gestopt");
  server.stop();
}

}  // namespace wijkatlas::app
