#pragma once
// `wijkatlas` itself runs join, areas and info, which need only GDAL, GEOS and PROJ. Every other
// verb, and --version (which names the renderer's and the photo reader's libraries), runs in
// wijkatlas-full beside it: loading OpenCV, Cairo/Pango, Poppler and zbar (about 70 of the 183
// libraries) took as long as a whole join of 10,000 points (docs/performance.md).
#include <ostream>

#include "wijkatlas/app/command_line.hpp"

namespace wijkatlas::app {

bool runs_in_full_program(const CommandLine& command_line);

// Replaces this process by wijkatlas-full with the same arguments. Returns only if that
// program cannot be started: the exit code, after a message on `err`.
int hand_over_to_full_program(char* const* argv, std::ostream& err);

// run_command_line for the verbs this program runs itself.
int run_light_command(const CommandLine& command_line, std::ostream& out, std::ostream& err);

}  // namespace wijkatlas::app
