#include <cmath>
#include <cstdio>
#include <string>

#include "wijkatlas/render/map_plan.hpp"

namespace wijkatlas::render {

std::string format_number(double value, int decimals, Language language) {
  const char thousands = language == Language::nl ? '.' : ',';
  const char decimal = language == Language::nl ? ',' : '.';
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::abs(value));
  std::string digits(buffer);
  std::string fraction;
  if (const auto dot = digits.find('.'); dot != std::string::npos) {
    fraction = decimal + digits.substr(dot + 1);
    digits.resize(dot);
  }
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += thousands;
    grouped += digits[i];
  }
  const bool negative = value < 0 && std::stod(buffer) != 0;
  return (negative ? "-" : "") + grouped + fraction;
}

}  // namespace wijkatlas::render
