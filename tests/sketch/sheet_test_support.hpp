#pragma once
// Helpers for the drawing-sheet tests: the command run in-process, outside tools (poppler),
// and direct SQLite access to the store (counting rows, holding a lock like QGIS would).
#include <filesystem>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "command_output.hpp"
#include "store_file.hpp"

namespace wijkatlas::sketch::test {

using wijkatlas::test::CliRun;
using wijkatlas::test::run_wijkatlas;

using wijkatlas::test::command_output;
inline std::string quoted(const std::filesystem::path& path) {
  return wijkatlas::test::shell_quoted(path);
}

using wijkatlas::test::execute_sql;
using wijkatlas::test::query_number;
using wijkatlas::test::query_text;
using wijkatlas::test::StoreLock;

}  // namespace wijkatlas::sketch::test
