#include "wijkatlas/geo/cbs_measures.hpp"

#include <cctype>

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo {
namespace {

// "MateVanStedelijkheid_122" -> "MateVanStedelijkheid"; a name without a numeric suffix stays.
std::string_view stem(std::string_view code) {
  const auto underscore = code.rfind('_');
  if (underscore == std::string_view::npos || underscore + 1 == code.size()) return code;
  for (std::size_t i = underscore + 1; i < code.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(code[i]))) return code;
  }
  return code.substr(0, underscore);
}

bool is_count(std::string_view unit) {
  return unit.empty() || unit == "aantal" || unit == "number";
}

}  // namespace

CbsMeasures CbsMeasures::load(const std::filesystem::path& csv) {
  ReadOptions read;
  read.require_geometry = false;
  read.infer_types = false;
  read.allow_empty = true;
  CollectingReporter quiet;
  const Layer table = read_layer(csv, read, quiet);
  const std::size_t code = table.require_field("code");
  const std::size_t title = table.require_field("titel");
  const std::size_t unit = table.require_field("eenheid");
  const std::size_t title_en = table.require_field("title_en");
  const std::size_t unit_en = table.require_field("unit_en");
  CbsMeasures out;
  for (const Feature& f : table.features) {
    CbsMeasure m{to_text(f.values[code]), to_text(f.values[title]), to_text(f.values[unit]),
                 to_text(f.values[title_en]), to_text(f.values[unit_en])};
    if (m.code.empty() || m.title.empty()) {
      throw data_error(csv.string(), table.location_of(f),
                       "a measure needs a code and a Dutch title");
    }
    out.measures_.push_back(std::move(m));
  }
  return out;
}

const CbsMeasure* CbsMeasures::find(std::string_view column) const {
  for (const CbsMeasure& m : measures_) {
    if (support::equal_ignoring_case(m.code, column)) return &m;
  }
  const CbsMeasure* found = nullptr;
  for (const CbsMeasure& m : measures_) {
    if (!support::equal_ignoring_case(stem(m.code), stem(column))) continue;
    if (found != nullptr) return nullptr;  // Nederland_17 or Nederland_20: cannot tell
    found = &m;
  }
  return found;
}

std::string CbsMeasures::label(std::string_view column, bool english) const {
  const CbsMeasure* m = find(column);
  if (m == nullptr) return std::string(column);
  const std::string& title = english ? m->title_en : m->title;
  const std::string& unit = english ? m->unit_en : m->unit;
  return is_count(unit) ? title : title + " (" + unit + ")";
}

const CbsMeasures& cbs_measures() {
  static const CbsMeasures measures =
      CbsMeasures::load(project_file("datasets/cbs_85984NED_measures.csv"));
  return measures;
}

}  // namespace wijkatlas::geo
