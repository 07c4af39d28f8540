#pragma once
// Runs a command-line tool (poppler's pdfinfo, pdftotext, pdftoppm; ogr2ogr) and returns what it
// printed, so tests check the files we write with an independent reader.
#include <filesystem>
#include <string>

namespace wijkatlas::test {

// Standard output of `command`; fails the current test when it exits non-zero.
std::string command_output(const std::string& command);

// `path` quoted for the shell.
std::string shell_quoted(const std::filesystem::path& path);

}  // namespace wijkatlas::test
