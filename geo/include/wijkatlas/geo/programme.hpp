#pragma once
// The NPAO programme definition: programme wijken as lists of CBS buurt codes
// (datasets/npao_programma.toml).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace wijkatlas::geo {

struct ProgrammeWijk {
  std::string code;                  // slug, e.g. "arnhemse-broek"
  std::string naam;                  // display name, e.g. "Arnhemse Broek"
  std::vector<std::string> buurten;  // CBS buurt codes
  std::int64_t line = 0;             // where it is defined, for messages
};

struct Programme {
  std::string source;
  std::string naam;
  std::string gemeentecode;
  std::vector<ProgrammeWijk> wijken;
};

// Throws config_error (file, key, line) for a malformed file, a missing key, a buurt listed
// twice or a code that is not a CBS buurt code; io_error when it cannot be read, data_error
// when it is no regular file (a FIFO) or over 16 MB.
Programme load_programme(const std::filesystem::path& path);
// The same from the text of a definition; `file` names it in messages.
Programme parse_programme(std::string_view text, const std::string& file);

}  // namespace wijkatlas::geo
