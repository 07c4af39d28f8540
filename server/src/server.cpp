#include "wijkatlas/server/server.hpp"

#include <httplib.h>

#include <optional>
#include <thread>

#include "access.hpp"
#include "box_margin.hpp"
#include "drawing_routes.hpp"
#include "http_errors.hpp"
#include "listen_address.hpp"
#include "place_routes.hpp"
#include "print_routes.hpp"
#include "provenance_routes.hpp"
#include "resident_routes.hpp"
#include "since_routes.hpp"
#include "viewer_state.hpp"
#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/store/project_store.hpp"
#include "wijkatlas/store/store_file.hpp"

namespace wijkatlas::server {
namespace {
constexpr int listen_backlog = 128;
}  // namespace

struct Server::Impl {
  ServerOptions options;
  geo::SerializedReporter reporter;
  std::optional<store::ProjectStore> store;  // drawings with the room
  std::unique_ptr<ViewerState> state;
  std::unique_ptr<DrawingService> drawings;
  std::unique_ptr<PrintService> print;
  httplib::Server http;
  std::thread thread;
  int port = 0;
  Access access;  // the token off loopback (access.hpp)
  socket_t listen_socket = INVALID_SOCKET;

  Impl(ServerOptions o, geo::Reporter& target)
      : options(std::move(o)), reporter(target), access(options.host) {}

  void configure() {
    const std::size_t threads = std::max<std::size_t>(1, options.threads);
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_tcp_nodelay(options.tcp_nodelay);
    // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, with which a second server on
    // a port in use binds too and the kernel shares the connections between the two.
    http.set_socket_options([this](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listen_socket = sock;  // the last one tried is the one bound
    });
    http.set_payload_max_length(options.max_body_bytes);
    http.set_read_timeout(options.read_timeout);
    http.set_write_timeout(options.write_timeout);
    http.set_keep_alive_timeout(options.keep_alive_timeout.count());
    // A connection lives for many requests (a meeting's panning fetches thousands of tiles):
    // each reconnect costs a handshake and a worker hand-over.
    http.set_keep_alive_max_count(100000);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data: blob:; "
                               "style-src 'self' 'unsafe-inline'; connect-src 'self'"},
                              // the page's address may carry the token
                              {"Referrer-Policy", "no-referrer"}});
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      return refuse_bad_target(req, res) || access.refuse(req, res)
                 ? httplib::Server::HandlerResponse::Handled
                 : httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_exception_handler(
        [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr e) {
          if (send_exception(res, e) >= 500)
            reporter.warn(req.method + " " + req.path + ": " + res.body);
        });
    http.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
          fill_default_error(res);
          return httplib::Server::HandlerResponse::Handled;
        }));
    add_drawing_routes(http, *drawings);
    add_resident_routes(http, *drawings, access);
    add_provenance_routes(http, *drawings, access);
    add_since_routes(http, *drawings, state->initiatives, access);
    add_place_routes(http, state->picker);
    add_print_routes(http, *print);
    add_routes(http, *state);
  }
};

Server::Server(ServerOptions options, geo::Reporter& reporter)
    : impl_(std::make_unique<Impl>(std::move(options), reporter)) {
  store::OpenOptions open;
  open.by = "scherm";  // every row drawn or changed here says it came from the meeting's screen
  impl_->store.emplace(store::ProjectStore::open_or_create(impl_->options.store, "npao", open));
  impl_->state = load_viewer_state(impl_->options, *impl_->store, impl_->reporter);
  // Drawings stay on the project's ground: its areas and a kilometre around them.
  const geo::Box ground = grown(impl_->state->search.ground(), 1000);
  impl_->drawings.reset(
      new DrawingService{*impl_->store, DrawingLimits{ground}, impl_->reporter, {}});
  const ServerOptions& o = impl_->options;
  PrintSources sources{
      store::absolute_location(o.store),
      o.registry.empty() ? geo::project_file("examples/initiatieven_arnhem_oost.csv").string()
                         : std::filesystem::absolute(o.registry).string(),
      o.registry.empty(), o.data_dir.empty() ? "" : std::filesystem::absolute(o.data_dir).string(),
      o.cache_dir};
  impl_->print.reset(new PrintService{*impl_->drawings, std::move(sources),
                                      impl_->state->indicators, impl_->state->search,
                                      impl_->state->tiles->print_painter(), impl_->reporter});
  impl_->configure();
}

Server::~Server() {
  stop();
}

int Server::start() {
  const ServerOptions& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
  } else if (impl_->http.bind_to_port(o.host, o.port)) {
    impl_->port = o.port;
  } else {
    impl_->port = -1;
  }
  if (impl_->port <= 0) {
    throw about_field(io_error(o.host + ":" + std::to_string(o.port),
                               "cannot listen on this address (in use, or not this machine's)"),
                      "listen");
  }
  // cpp-httplib listens with a backlog of 5: when a room's browsers (re)connect at once, the
  // kernel drops their SYNs and they retry after 1 s and 3 s. Listening again sets the
  // backlog (Linux), capped by net.core.somaxconn.
  if (impl_->listen_socket != INVALID_SOCKET) ::listen(impl_->listen_socket, listen_backlog);
  impl_->thread = std::thread([this] { impl_->http.listen_after_bind(); });
  // httplib's stop() does nothing until the listener runs: a stop right after start (a test that
  // sends no request) would leave it in accept() and the join waiting for ever.
  for (int i = 0; i < 5000 && !impl_->http.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return impl_->port;
}

void Server::wait() {
  if (impl_->thread.joinable()) impl_->thread.join();
}

void Server::stop() {
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

int Server::port() const {
  return impl_->port;
}

std::string Server::url() const {
  return "http://" + reachable_host(impl_->options.host) + ":" + std::to_string(impl_->port) + "/";
}

std::string Server::token() const {
  return impl_->access.token();
}

std::string Server::operator_url() const {
  return impl_->access.open() ? url() : url() + "?token=" + impl_->access.token();
}

}  // namespace wijkatlas::server
