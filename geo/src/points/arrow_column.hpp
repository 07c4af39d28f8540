#pragma once
// One column of an Arrow record batch (Arrow C data interface), read as wijkatlas values: the
// formats GDAL gives OGR's integer, real, string and date fields, and binary (WKB).
#include <ogr_recordbatch.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "wijkatlas/geo/layer.hpp"

namespace wijkatlas::geo::points_detail {

class ArrowColumn {
 public:
  enum class Kind {
    int8,
    int16,
    int32,
    int64,
    boolean,
    float64,
    utf8,
    large_utf8,
    date32,
    binary,
    large_binary
  };
  // `format` is the column's Arrow format string ("l", "u", "tdD", "z", ...); throws
  // std::invalid_argument for any other.
  ArrowColumn(const ArrowArray& array, std::string_view format);

  bool is_null(std::int64_t row) const {
    const auto* validity = static_cast<const std::uint8_t*>(array_->buffers[0]);
    const std::int64_t i = row + array_->offset;
    return validity != nullptr && ((validity[i >> 3] >> (i & 7)) & 1) == 0;
  }
  Value value(std::int64_t row) const;
  std::optional<std::string_view> text(std::int64_t row) const;                // utf8 columns
  std::optional<std::span<const std::uint8_t>> bytes(std::int64_t row) const;  // binary columns
  // The first row whose text is not UTF-8 (utf8 columns; others never).
  std::optional<std::int64_t> first_invalid_utf8() const;

 private:
  std::string_view span_of(std::int64_t row) const;
  const ArrowArray* array_;
  Kind kind_;
};

}  // namespace wijkatlas::geo::points_detail
