#include "terminal_reporter.hpp"

namespace wijkatlas::app {

TerminalReporter::TerminalReporter(std::ostream& err, bool quiet, bool is_terminal)
    : err_(err), quiet_(quiet), is_terminal_(is_terminal) {}

void TerminalReporter::warn(std::string_view message) {
  if (last_percent_ >= 0) err_ << "\n";
  last_percent_ = -1;
  err_ << "wijkatlas: warning: " << message << "\n";
}

void TerminalReporter::info(std::string_view message) {
  if (!quiet_) err_ << "wijkatlas: " << message << "\n";
}

void TerminalReporter::progress(std::string_view task, std::size_t done, std::size_t total) {
  if (quiet_ || !is_terminal_ || total == 0) return;
  const int percent = static_cast<int>(done * 100 / total);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  const int filled = percent / 5;
  err_ << "\r" << task << " [" << std::string(static_cast<std::size_t>(filled), '#')
       << std::string(static_cast<std::size_t>(20 - filled), ' ') << "] " << percent << "%";
  if (done >= total) {
    err_ << "\n";
    last_percent_ = -1;
  }
  err_.flush();
}

}  // namespace wijkatlas::app
