#include "wijkatlas/app/interrupted.hpp"

#include <signal.h>

#include "wijkatlas/geo/atomic_file.hpp"

namespace wijkatlas::app {
namespace {

// Async-signal-safe only: unlink, then the signal again with its default action (SA_RESETHAND
// restored it on entry; it is delivered when this handler returns, as a second Ctrl-C would be).
void on_interrupt(int signal_number) {
  geo::remove_unfinished_files();
  ::raise(signal_number);
}

}  // namespace

void remove_unfinished_outputs_when_interrupted() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  action.sa_flags = SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction previous {};
    // A signal ignored by whoever started us (nohup, a background job's SIGINT) stays ignored.
    if (::sigaction(signal_number, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN)
      continue;
    ::sigaction(signal_number, &action, nullptr);
  }
}

}  // namespace wijkatlas::app
