#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

bool CollectingReporter::has_warning_containing(std::string_view needle) const {
  for (const auto& w : warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace wijkatlas::geo
