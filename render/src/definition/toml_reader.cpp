#include "definition/toml_reader.hpp"

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::render::detail {

std::int64_t line_of(const toml::node& node) {
  return node.source().begin.line;
}

TomlReader::TomlReader(const toml::table& table, std::string file, std::string prefix)
    : table_(table), file_(std::move(file)), prefix_(std::move(prefix)) {}

std::string TomlReader::full_key(std::string_view key) const {
  return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
}

std::int64_t TomlReader::line() const {
  return detail::line_of(table_);
}

std::int64_t TomlReader::line_of(std::string_view key) const {
  const toml::node* n = table_.get(key);
  return n != nullptr ? detail::line_of(*n) : line();
}

void TomlReader::fail(std::string_view key, const std::string& message) const {
  throw config_error(file_, full_key(key), message, line_of(key));
}

const toml::node* TomlReader::node(std::string_view key) {
  asked_.insert(std::string(key));
  return table_.get(key);
}

std::optional<std::string> TomlReader::text(std::string_view key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (!n->is_string()) fail(key, "must be text (in quotes)");
  return n->value<std::string>();
}

std::optional<std::string> TomlReader::wording(std::string_view key, std::string_view language) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (n->is_string()) return n->value<std::string>();
  const toml::table* per_language = n->as_table();
  const auto message = "must be text, or text per language like { nl = \"...\", en = \"...\" }";
  if (per_language == nullptr) fail(key, message);
  for (const auto& [lang, value] : *per_language) {
    if ((lang.str() != "nl" && lang.str() != "en") || !value.is_string()) fail(key, message);
  }
  if (const auto* chosen = per_language->get(language)) return chosen->value<std::string>();
  if (const auto* dutch = per_language->get("nl")) return dutch->value<std::string>();
  fail(key, "has no Dutch text (nl = \"...\")");
}

std::optional<double> TomlReader::number(std::string_view key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (!n->is_number()) fail(key, "must be a number");
  return n->value<double>();
}

std::optional<std::int64_t> TomlReader::integer(std::string_view key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (!n->is_integer()) fail(key, "must be a whole number");
  return n->value<std::int64_t>();
}

std::optional<bool> TomlReader::boolean(std::string_view key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (!n->is_boolean()) fail(key, "must be true or false");
  return n->value<bool>();
}

std::optional<std::vector<double>> TomlReader::numbers(std::string_view key, std::size_t count) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  const toml::array* a = n->as_array();
  const auto message = "must be a list of " + std::to_string(count) + " numbers";
  if (a == nullptr || a->size() != count) fail(key, message);
  std::vector<double> out;
  for (const toml::node& item : *a) {
    if (!item.is_number()) fail(key, message);
    out.push_back(*item.value<double>());
  }
  return out;
}

void TomlReader::reject_unknown_keys() const {
  for (const auto& [key, value] : table_) {
    if (!asked_.contains(key.str())) {
      throw config_error(file_, full_key(key.str()), "unknown key (docs/maps.md lists the keys)",
                         detail::line_of(value));
    }
  }
}

}  // namespace wijkatlas::render::detail
