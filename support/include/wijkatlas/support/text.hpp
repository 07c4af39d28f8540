#pragma once
// Small text helpers shared by every module (ASCII case: CBS codes, field names, extensions).
#include <optional>
#include <string>
#include <string_view>

namespace wijkatlas::support {

bool is_valid_utf8(std::string_view s);
std::string to_lower_ascii(std::string_view s);
std::string trim(std::string_view s);
// Equal ignoring ASCII case ("Geitenkamp" = "geitenkamp").
bool equal_ignoring_case(std::string_view a, std::string_view b);

// Strict number parsing: the whole (trimmed) string must be a number. Accepts a decimal comma
// when the string has no dot ("1,4" from Dutch spreadsheets).
std::optional<double> parse_number(std::string_view s);
std::optional<long long> parse_integer(std::string_view s);

// Appends `s` as a JSON string literal (quotes, backslashes and control characters escaped).
void append_json_string(std::string& out, std::string_view s);

}  // namespace wijkatlas::support
