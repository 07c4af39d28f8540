#pragma once
// Where the real data lives. It is never part of the repository: a user points at it with
// --data-dir or WIJKATLAS_DATA_DIR; otherwise ../shared/datasets next to the checkout is used.
#include <filesystem>
#include <string>

namespace wijkatlas::geo {

// Order: `explicit_dir` (from --data-dir), $WIJKATLAS_DATA_DIR, ../shared/datasets relative to
// the working directory, then relative to the source checkout wijkatlas was built from.
// Throws config_error listing what was tried when none exists.
std::filesystem::path resolve_data_dir(const std::string& explicit_dir = {});

// A file that ships with the project (datasets/npao_programma.toml, examples/...): relative to
// the working directory if it exists there, else relative to the source checkout.
std::filesystem::path project_file(const std::filesystem::path& relative);

}  // namespace wijkatlas::geo
