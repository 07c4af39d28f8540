// The harness that runs the program as a child: a condition for the signal is asked until the
// signal is sent and never after, even while the program takes its time to stop. (serve's test
// POSTs a drawing from its condition; asked again during the shutdown, it POSTed twice.)
#include <gtest/gtest.h>
#include <signal.h>

#include "child_process.hpp"

namespace wijkatlas::test {
namespace {

TEST(ChildProcess, AConditionIsNotAskedAgainOnceTheSignalIsSent) {
  ChildOptions options;
  options.program = "/bin/sh";
  options.signal = SIGINT;
  // The shell ignores SIGINT and goes on for a while after it is sent.
  int asked_after_yes = 0;
  bool said_yes = false;
  options.signal_when_printed = [&](const std::string& out) {
    if (said_yes) ++asked_after_yes;
    said_yes = out.find("klaar") != std::string::npos;
    return said_yes;
  };
  const ChildResult r =
      run_program({"-c", "trap '' INT; echo klaar; sleep 0.3; echo eind"}, options);
  EXPECT_TRUE(r.signal_sent);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("eind"), std::string::npos) << r.out;
  EXPECT_EQ(asked_after_yes, 0);
}

}  // namespace
}  // namespace wijkatlas::test
