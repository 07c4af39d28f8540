// `wijkatlas-full`: every command. `wijkatlas` hands it the commands it does not run itself.
#include <iostream>

#include "wijkatlas/app/command_line.hpp"
#include "wijkatlas/app/interrupted.hpp"

int main(int argc, char** argv) {
  wijkatlas::app::remove_unfinished_outputs_when_interrupted();
  return wijkatlas::app::run_cli(argc, argv, std::cout, std::cerr);
}
