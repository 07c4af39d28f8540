#include "wijkatlas/geo/indicators.hpp"

#include <array>
#include <unordered_map>

#include "wijkatlas/geo/codes.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo {
namespace {

// What CBS and spreadsheets write for "no value".
bool is_null_marker(const std::string& text) {
  static constexpr std::array<std::string_view, 7> markers{"", ".", "-", "x", "?", "na", "n.v.t."};
  const std::string t = support::to_lower_ascii(support::trim(text));
  for (auto m : markers) {
    if (t == m) return true;
  }
  return false;
}

Value number_or_null(double v) {
  return is_cbs_sentinel(v) ? Value{} : Value{v};
}

}  // namespace

std::string cbs_column_stem(std::string_view name) {
  const auto underscore = name.rfind('_');
  if (underscore == std::string_view::npos || underscore + 1 == name.size())
    return std::string(name);
  for (char c : name.substr(underscore + 1)) {
    if (c < '0' || c > '9') return std::string(name);
  }
  return std::string(name.substr(0, underscore));
}

namespace {

// Decides per text column whether it holds numbers, and converts. A column that is mostly
// numbers but has a stray word is an error at that word's line, not a silent text column.
void convert_text_column(IndicatorTable& table, std::size_t column) {
  std::size_t numbers = 0, words = 0;
  const IndicatorTable::Row* first_word = nullptr;
  for (const auto& row : table.rows) {
    const auto* text = std::get_if<std::string>(&row.values[column]);
    if (text == nullptr || is_null_marker(*text)) continue;
    if (support::parse_number(*text)) {
      ++numbers;
    } else {
      ++words;
      if (first_word == nullptr) first_word = &row;
    }
  }
  if (numbers == 0 || words > numbers) return;  // a text column (names, codes)
  if (words > 0) {
    throw data_error(table.source, first_word->location,
                     "'" + std::get<std::string>(first_word->values[column]) + "' in column '" +
                         table.columns[column] + "' is not a number");
  }
  table.numeric[column] = true;
  for (auto& row : table.rows) {
    Value& v = row.values[column];
    if (const auto* text = std::get_if<std::string>(&v)) {
      auto number = support::parse_number(*text);
      v = number ? number_or_null(*number) : Value{};
    }
  }
}

// Two rows are the same area when their digits match and their levels do, or when one of
// them has no prefix ("2020423" is BU02020423 from a spreadsheet that dropped both).
void check_duplicate_codes(const IndicatorTable& table) {
  std::unordered_map<std::string,
                     std::vector<std::pair<std::optional<Level>, const IndicatorTable::Row*>>>
      seen;
  for (const auto& row : table.rows) {
    auto key = parse_cbs_code(row.code);
    if (!key) continue;
    auto& same_digits = seen[key->digits];
    for (const auto& [level, other] : same_digits) {
      if (!level || !key->level || *level == *key->level) {
        throw data_error(table.source, row.location,
                         "code '" + row.code + "' appears twice (also at " + other->location +
                             " as '" + other->code + "')");
      }
    }
    same_digits.emplace_back(key->level, &row);
  }
}

}  // namespace

bool is_cbs_sentinel(double value) {
  return value <= -99990.0;
}

std::optional<std::size_t> IndicatorTable::column_by_stem(std::string_view stem) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == stem) return i;
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (cbs_column_stem(columns[i]) == stem) return i;
  }
  return std::nullopt;
}

std::optional<std::string> detect_key_column(const std::vector<std::string>& columns) {
  static constexpr std::array<std::string_view, 11> candidates{
      "regiocode", "statcode", "code",    "codering",     "wijkenenbuurten", "buurtcode",
      "bu_code",   "wijkcode", "wk_code", "gemeentecode", "gm_code"};
  for (auto candidate : candidates) {
    for (const auto& c : columns) {
      if (support::to_lower_ascii(cbs_column_stem(c)) == candidate) return c;
    }
  }
  return std::nullopt;
}

IndicatorTable indicators_from_layer(const Layer& layer, const std::string& key_column,
                                     const std::vector<std::string>& skip_columns) {
  IndicatorTable table;
  table.source = layer.source;
  table.key_column = key_column;
  const std::size_t key = layer.require_field(key_column);
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    const auto& name = layer.fields[i].name;
    bool skip = i == key || layer.fields[i].personal;
    for (const auto& s : skip_columns) skip = skip || s == name;
    if (skip) continue;
    kept.push_back(i);
    table.columns.push_back(name);
    table.numeric.push_back(layer.fields[i].type == FieldType::integer ||
                            layer.fields[i].type == FieldType::real);
  }
  for (const auto& feature : layer.features) {
    IndicatorTable::Row row;
    row.code = to_text(feature.values[key]);
    row.location = layer.location_of(feature);
    for (std::size_t i : kept) {
      const Value& v = feature.values[i];
      if (auto number = as_number(v))
        row.values.push_back(number_or_null(*number));
      else
        row.values.push_back(v);
    }
    table.rows.push_back(std::move(row));
  }
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (!table.numeric[c]) convert_text_column(table, c);
  }
  check_duplicate_codes(table);
  return table;
}

IndicatorTable read_indicators(const std::filesystem::path& path,
                               const IndicatorReadOptions& options, Reporter& reporter) {
  ReadOptions read;
  read.layer = options.layer;
  read.where = options.where;
  read.require_geometry = false;
  read.infer_types = false;  // numbers are recognised per column below, with line numbers
  const Layer layer = read_layer(path, read, reporter);
  std::string key = options.key_column;
  if (key.empty()) {
    std::vector<std::string> names;
    for (const auto& f : layer.fields) names.push_back(f.name);
    auto detected = detect_key_column(names);
    if (!detected) {
      throw data_error(path.string(), "",
                       "no column with CBS codes (expected regiocode, statcode, "
                       "WijkenEnBuurten, buurtcode or wijkcode)");
    }
    key = *detected;
  }
  return indicators_from_layer(layer, key, {});
}

}  // namespace wijkatlas::geo
