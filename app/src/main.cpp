#include <iostream>

#include "wijkatlas/app/command_line.hpp"

int main(int argc, char** argv) {
  return wijkatlas::app::run_cli(argc, argv, std::cout, std::cerr);
}
