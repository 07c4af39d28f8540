#pragma once
// How the command line opens a project store: rows it writes carry who wrote them, the name
// given (--by) or the login name ($USER), never looked up elsewhere.
#include <cstdlib>
#include <string>

#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::app {

inline store::OpenOptions store_options(const std::string& by = "") {
  store::OpenOptions options;
  options.by = by;
  if (options.by.empty()) {
    if (const char* user = std::getenv("USER")) options.by = user;
  }
  return options;
}

}  // namespace wijkatlas::app
