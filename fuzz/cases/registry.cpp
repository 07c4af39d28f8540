// The initiative registry (CSV), searched by id, by name and by part of a name.
#include "fuzz_cases.hpp"
#include "fuzz_support.hpp"
#include "wijkatlas/project/initiative_registry.hpp"

namespace wijkatlas::fuzz {

void registry(const std::uint8_t* data, std::size_t size) {
  const auto path = input_file(data, size, "initiatieven.csv");
  for (const char* wanted : {"VB-003", "moestuin"}) {
    expect_only_our_errors([&] {
      geo::CollectingReporter reporter;
      project::find_initiative(path.string(), wanted, reporter);
    });
  }
}

}  // namespace wijkatlas::fuzz
