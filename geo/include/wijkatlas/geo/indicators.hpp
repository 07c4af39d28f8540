#pragma once
// Monitor indicators: tables keyed by CBS code (CSV or any OGR layer), with CBS's missing
// values turned into nulls.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/reporter.hpp"

namespace wijkatlas::geo {

// CBS marks missing or secret numbers with large negative sentinels (-99995...-99999 in the
// wijk- en buurtkaart, -99999997/-99999999 in older files). Any value at or below -99990 is
// treated as missing.
bool is_cbs_sentinel(double value);

// "AantalInwoners_5" -> "AantalInwoners": CBS's numeric suffixes change between downloads.
std::string cbs_column_stem(std::string_view column);

struct IndicatorTable {
  struct Row {
    std::string code;           // as written in the source
    std::string location;       // "line 12" or "feature 3", for messages
    std::vector<Value> values;  // parallel to columns; numbers as double, text as text
  };
  std::string source;
  std::string key_column;
  std::vector<std::string> columns;  // indicator columns as published (key column excluded)
  std::vector<bool> numeric;         // per column
  std::vector<Row> rows;

  // Index of a column by its CBS name stem: "AantalInwoners" finds "AantalInwoners_5" (the
  // numeric suffix changes between CBS downloads). An exact name matches too.
  std::optional<std::size_t> column_by_stem(std::string_view stem) const;
};

struct IndicatorReadOptions {
  std::string layer;       // for multi-layer sources
  std::string key_column;  // empty: detect (regiocode, statcode, WijkenEnBuurten, buurtcode...)
  std::string where;       // attribute filter for layers
};

// Reads a table of indicators. Non-numeric values in a numeric column, duplicate codes and
// non-UTF-8 text are data_errors naming file, line and column.
IndicatorTable read_indicators(const std::filesystem::path& path,
                               const IndicatorReadOptions& options, Reporter& reporter);

// The same from a layer already read (e.g. the PDOK buurten layer, which carries its key
// figures as columns).
IndicatorTable indicators_from_layer(const Layer& layer, const std::string& key_column,
                                     const std::vector<std::string>& skip_columns);

// Name of the column holding CBS codes, or nullopt.
std::optional<std::string> detect_key_column(const std::vector<std::string>& columns);

}  // namespace wijkatlas::geo
