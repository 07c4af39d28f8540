#pragma once
// What is built and installed beside the running program: the viewer's page (web/) and
// wijkatlas-full.
#include <filesystem>
#include <string_view>

namespace wijkatlas::app {

// `name` in the running program's directory; `name` alone (relative to the working directory)
// when the program's own path cannot be read.
std::filesystem::path beside_program(std::string_view name);

}  // namespace wijkatlas::app
