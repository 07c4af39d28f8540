// The JSON bodies `wijkatlas serve` takes from the meeting's devices: a new drawing, a change
// to one, a print view. The first byte picks which, the rest is the body. Besides refusing bad
// bodies with our own errors, a print view that is accepted must become a map definition that
// `wijkatlas map` parses: a definition the page hands out that does not parse is a bug.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "drawing_requests.hpp"
#include "fuzz_cases.hpp"
#include "fuzz_support.hpp"
#include "print_view.hpp"
#include "wijkatlas/render/map_definition.hpp"

namespace wijkatlas::fuzz {
namespace {

// Arnhem and a kilometre around it, as the server allows drawings.
server::DrawingLimits arnhem() {
  return {geo::Box({182000, 436000}, {203000, 451000})};
}

void check_print_definition(const nlohmann::json& body) {
  server::PrintView view;
  try {
    view = server::print_view(body);
  } catch (const wijkatlas::error&) {
    return;  // refused, as it should be
  }
  const server::PrintSources sources{"/tmp/project.gpkg", "/tmp/initiatieven.csv", true, "", ""};
  // Every layer a session's drawings and spots bring: each kind of each category.
  server::PrintContent full;
  for (const sketch::InkCategory c : sketch::ink_categories) {
    for (const sketch::MarkKind kind :
         {sketch::MarkKind::point, sketch::MarkKind::line, sketch::MarkKind::area}) {
      store::Drawing d;
      d.category = c;
      d.kind = kind;
      full.drawings.push_back(d);
    }
    sketch::SpotRecord spot;
    spot.category = c;
    full.spots.push_back(spot);
  }
  for (const server::PrintContent& content : {full, server::PrintContent{}}) {
    const std::string toml = server::map_definition_toml(view, sources, content);
    try {
      render::parse_map_definition(toml, "afdruk.toml");
    } catch (const wijkatlas::error& e) {
      std::fprintf(stderr, "an accepted print view made a definition that does not parse: %s\n%s\n",
                   e.what(), toml.c_str());
      std::abort();
    }
  }
}

}  // namespace

void serve_request(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return;
  const unsigned kind = data[0] % 3;
  const std::string body(text(data + 1, size - 1));
  expect_only_our_errors([&] {
    const nlohmann::json json = server::parse_body(body);
    std::vector<std::string> warnings;
    switch (kind) {
      case 0:
        server::new_drawing(json, arnhem(), warnings);
        break;
      case 1:
        server::drawing_change("S17", "", json, arnhem(), warnings);
        break;
      default:
        check_print_definition(json);
        break;
    }
  });
}

}  // namespace wijkatlas::fuzz
