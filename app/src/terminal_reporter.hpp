#pragma once
// Warnings and progress on stderr. Progress is drawn only on a terminal, and -q silences it
// together with informational messages; warnings always show.
#include <ostream>

#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::app {

class TerminalReporter final : public geo::Reporter {
 public:
  TerminalReporter(std::ostream& err, bool quiet, bool is_terminal);
  void warn(std::string_view message) override;
  void info(std::string_view message) override;
  void progress(std::string_view task, std::size_t done, std::size_t total) override;

 private:
  std::ostream& err_;
  bool quiet_;
  bool is_terminal_;
  int last_percent_ = -1;
};

}  // namespace wijkatlas::app
