#include "wijkatlas/geo/codes.hpp"

#include <cctype>

#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo {

std::string to_string(Level level) {
  switch (level) {
    case Level::buurt:
      return "buurt";
    case Level::wijk:
      return "wijk";
    case Level::programma:
      return "programmawijk";
    case Level::gemeente:
      return "gemeente";
  }
  return "?";
}

std::optional<CodeKey> parse_cbs_code(std::string_view text) {
  std::string t = support::to_lower_ascii(support::trim(text));
  CodeKey key;
  if (t.starts_with("bu"))
    key.level = Level::buurt;
  else if (t.starts_with("wk"))
    key.level = Level::wijk;
  else if (t.starts_with("gm"))
    key.level = Level::gemeente;
  std::string_view digits = std::string_view(t).substr(key.level ? 2 : 0);
  if (digits.empty()) return std::nullopt;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  const auto first = digits.find_first_not_of('0');
  key.digits = first == std::string_view::npos ? "0" : std::string(digits.substr(first));
  return key;
}

std::string wijkcode_of_buurt(std::string_view buurtcode) {
  if (buurtcode.size() != 10 || !(buurtcode.starts_with("BU"))) return {};
  return "WK" + std::string(buurtcode.substr(2, 6));
}

std::string gemeentecode_of(std::string_view code) {
  if (code.size() < 6) return {};
  if (code.starts_with("BU") || code.starts_with("WK"))
    return "GM" + std::string(code.substr(2, 4));
  return {};
}

}  // namespace wijkatlas::geo
