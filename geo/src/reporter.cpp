#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

bool CollectingReporter::has_warning_containing(std::string_view needle) const {
  for (const auto& w : warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

void SerializedReporter::warn(std::string_view message) {
  const std::lock_guard lock(mutex_);
  target_.warn(message);
}

void SerializedReporter::info(std::string_view message) {
  const std::lock_guard lock(mutex_);
  target_.info(message);
}

void SerializedReporter::progress(std::string_view task, std::size_t done, std::size_t total) {
  const std::lock_guard lock(mutex_);
  target_.progress(task, done, total);
}

}  // namespace wijkatlas::geo
