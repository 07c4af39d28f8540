#include <iostream>

#include "wijkatlas/app/commands.hpp"

int main(int argc, char** argv) {
  return wijkatlas::app::run_cli(argc, argv, std::cout, std::cerr);
}
