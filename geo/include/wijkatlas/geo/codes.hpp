#pragma once
// CBS region codes (GM0202, WK020204, BU02020423). Codes are strings: tables from
// spreadsheets lose prefixes and leading zeros ("2020423"), so matching works on a key that
// ignores both.
#include <optional>
#include <string>
#include <string_view>

namespace wijkatlas::geo {

enum class Level { buurt, wijk, programma, gemeente };
inline constexpr Level all_levels[] = {Level::buurt, Level::wijk, Level::programma,
                                       Level::gemeente};

std::string to_string(Level level);  // Dutch: buurt, wijk, programmawijk, gemeente

struct CodeKey {
  std::optional<Level> level;  // from the prefix (BU/WK/GM); nullopt when there was none
  std::string digits;          // without leading zeros
  friend bool operator==(const CodeKey&, const CodeKey&) = default;
};

// nullopt when the text is not a CBS-like code (letters other than the prefix, no digits).
std::optional<CodeKey> parse_cbs_code(std::string_view text);

// "BU02020423" -> "WK020204" (the wijk a buurt belongs to), "" when not a buurt code.
std::string wijkcode_of_buurt(std::string_view buurtcode);
// "BU02020423" or "WK020204" -> "GM0202".
std::string gemeentecode_of(std::string_view code);

}  // namespace wijkatlas::geo
