#pragma once
// Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) while a command writes: the hidden
// temporary files of unfinished outputs are removed, then the process ends by the same signal,
// so that the shell sees 128 + the signal (130 for Ctrl-C) and a script's loop stops.

namespace wijkatlas::app {

// For the program's main(); not for a process that runs commands in-process (tests).
void remove_unfinished_outputs_when_interrupted();

}  // namespace wijkatlas::app
