// Map definitions (TOML): `wijkatlas map kaart.toml`, and soon a request body of the server.
#include "wijkatlas/render/map_definition.hpp"

#include "fuzz_cases.hpp"
#include "fuzz_support.hpp"

namespace wijkatlas::fuzz {

void map_definition(const std::uint8_t* data, std::size_t size) {
  expect_only_our_errors(
      [&] { wijkatlas::render::parse_map_definition(text(data, size), "kaart.toml"); });
}

}  // namespace wijkatlas::fuzz
