#pragma once
// Real processes at the same moment: what two people running wijkatlas at once would do.
#include <functional>
#include <vector>

namespace wijkatlas::test {

// Runs fn(0), fn(1)... in `count` child processes (fork) released at the same moment, and
// returns their exit codes (-1 for a child that did not exit normally). fn returns the exit
// code; an exception in it exits with 99. No store may be open in the calling process: an
// SQLite connection must not cross a fork.
std::vector<int> run_at_once(int count, const std::function<int(int index)>& fn);

}  // namespace wijkatlas::test
