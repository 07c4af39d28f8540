#pragma once
// Typed access to a TOML table that turns every problem into config_error(file, key, line) and
// rejects keys it was never asked about (typos must not be silently ignored).
#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace wijkatlas::render::detail {

class TomlReader {
 public:
  TomlReader(const toml::table& table, std::string file, std::string prefix);

  std::optional<std::string> text(std::string_view key);
  // Text for people: either "text" or a table per language, { nl = "...", en = "..." }; picks
  // `language`, falling back to Dutch.
  std::optional<std::string> wording(std::string_view key, std::string_view language);
  std::optional<double> number(std::string_view key);
  std::optional<std::int64_t> integer(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::vector<double>> numbers(std::string_view key, std::size_t count);

  std::int64_t line() const;
  std::int64_t line_of(std::string_view key) const;
  std::string full_key(std::string_view key) const;
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  // Throws for any key of the table that no accessor asked for.
  void reject_unknown_keys() const;

 private:
  const toml::node* node(std::string_view key);

  const toml::table& table_;
  std::string file_;
  std::string prefix_;
  std::set<std::string, std::less<>> asked_;
};

std::int64_t line_of(const toml::node& node);

}  // namespace wijkatlas::render::detail
