#include "wijkatlas/geo/programme.hpp"

#include <toml++/toml.h>

#include <map>

#include "wijkatlas/geo/codes.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/support/input_file.hpp"

namespace wijkatlas::geo {
namespace {

// A programme lists a few hundred buurten; anything near this is not a programme definition.
constexpr std::uintmax_t max_definition_bytes = std::uintmax_t{16} << 20;

std::int64_t line_of(const toml::node& node) {
  return node.source().begin.line;
}

std::string require_string(const toml::table& table, std::string_view key, const std::string& path,
                           const std::string& context) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    throw config_error(path, context + std::string(key), "missing", line_of(table));
  }
  if (!node->is_string())
    throw config_error(path, context + std::string(key), "must be text", line_of(*node));
  return node->as_string()->get();
}

}  // namespace

Programme load_programme(const std::filesystem::path& path) {
  const std::vector<unsigned char> bytes =
      support::read_regular_file(path, max_definition_bytes, "", "a programme definition");
  return parse_programme(
      std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), path.string());
}

Programme parse_programme(std::string_view text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw config_error(file, "", std::string(e.description()), e.source().begin.line);
  }
  Programme programme;
  programme.source = file;
  programme.naam = require_string(root, "naam", file, "");
  programme.gemeentecode = require_string(root, "gemeentecode", file, "");
  const toml::array* wijken = root["wijk"].as_array();
  if (wijken == nullptr || wijken->empty()) {
    throw config_error(file, "wijk", "no [[wijk]] tables: the programme needs at least one wijk");
  }
  std::map<std::string, std::string> owner;  // buurt code -> programme wijk
  for (const toml::node& node : *wijken) {
    const toml::table* t = node.as_table();
    if (t == nullptr) throw config_error(file, "wijk", "must be a table", line_of(node));
    ProgrammeWijk wijk;
    wijk.line = line_of(node);
    wijk.code = require_string(*t, "code", file, "wijk.");
    wijk.naam = require_string(*t, "naam", file, "wijk.");
    const toml::array* buurten = (*t)["buurten"].as_array();
    if (buurten == nullptr || buurten->empty()) {
      throw config_error(file, "wijk." + wijk.code + ".buurten", "missing or empty", wijk.line);
    }
    for (const toml::node& b : *buurten) {
      const auto* code = b.as_string();
      auto key = code ? parse_cbs_code(code->get()) : std::nullopt;
      if (!key || key->level != Level::buurt) {
        throw config_error(file, "wijk." + wijk.code + ".buurten",
                           "'" + (code ? code->get() : std::string("?")) +
                               "' is not a CBS buurt code (BU + 8 digits)",
                           line_of(b));
      }
      auto [it, inserted] = owner.emplace(code->get(), wijk.code);
      if (!inserted) {
        throw config_error(file, "wijk." + wijk.code + ".buurten",
                           code->get() + " is already part of programme wijk '" + it->second + "'",
                           line_of(b));
      }
      wijk.buurten.push_back(code->get());
    }
    programme.wijken.push_back(std::move(wijk));
  }
  return programme;
}

}  // namespace wijkatlas::geo
