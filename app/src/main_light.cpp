// `wijkatlas`: join, areas and info run here; every other command in wijkatlas-full beside it
// (light_verbs.hpp says why).
#include <iostream>

#include "light_verbs.hpp"
#include "wijkatlas/app/command_line.hpp"
#include "wijkatlas/app/interrupted.hpp"

int main(int argc, char** argv) {
  const wijkatlas::app::CommandLine command_line = wijkatlas::app::parse_command_line(argc, argv);
  if (wijkatlas::app::runs_in_full_program(command_line))
    return wijkatlas::app::hand_over_to_full_program(argv, std::cerr);
  wijkatlas::app::remove_unfinished_outputs_when_interrupted();
  return wijkatlas::app::run_light_command(command_line, std::cout, std::cerr);
}
