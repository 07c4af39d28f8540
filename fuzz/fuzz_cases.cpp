#include "fuzz_cases.hpp"

namespace wijkatlas::fuzz {

const std::vector<FuzzCase>& fuzz_cases() {
  static const std::vector<FuzzCase> cases{{"sheet_payload", sheet_payload},
                                           {"map_definition", map_definition},
                                           {"programme", programme},
                                           {"csv_points", csv_points},
                                           {"indicators", indicators},
                                           {"registry", registry},
                                           {"drawing", drawing},
                                           {"serve_request", serve_request}};
  return cases;
}

}  // namespace wijkatlas::fuzz
