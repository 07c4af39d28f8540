#include "points/arrow_column.hpp"

#include <stdexcept>
#include <string>

#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo::points_detail {
namespace {

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
Date civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<std::uint64_t>(days - era * 146097);
  const std::uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::uint64_t mp = (5 * doy + 2) / 153;
  const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const auto year =
      static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

template <typename T>
T at(const ArrowArray& array, std::int64_t row) {
  return static_cast<const T*>(array.buffers[1])[row + array.offset];
}

}  // namespace

ArrowColumn::ArrowColumn(const ArrowArray& array, std::string_view format) : array_(&array) {
  if (format == "c")
    kind_ = Kind::int8;
  else if (format == "s")
    kind_ = Kind::int16;
  else if (format == "i")
    kind_ = Kind::int32;
  else if (format == "l")
    kind_ = Kind::int64;
  else if (format == "b")
    kind_ = Kind::boolean;
  else if (format == "g")
    kind_ = Kind::float64;
  else if (format == "u")
    kind_ = Kind::utf8;
  else if (format == "U")
    kind_ = Kind::large_utf8;
  else if (format == "tdD")
    kind_ = Kind::date32;
  else if (format == "z")
    kind_ = Kind::binary;
  else if (format == "Z")
    kind_ = Kind::large_binary;
  else
    throw std::invalid_argument("Arrow format '" + std::string(format) + "'");
}

std::string_view ArrowColumn::span_of(std::int64_t row) const {
  const auto* data = static_cast<const char*>(array_->buffers[2]);
  const std::int64_t i = row + array_->offset;
  if (kind_ == Kind::large_utf8 || kind_ == Kind::large_binary) {
    const auto* offsets = static_cast<const std::int64_t*>(array_->buffers[1]);
    return std::string_view(data + offsets[i],
                            static_cast<std::size_t>(offsets[i + 1] - offsets[i]));
  }
  const auto* offsets = static_cast<const std::int32_t*>(array_->buffers[1]);
  return std::string_view(data + offsets[i], static_cast<std::size_t>(offsets[i + 1] - offsets[i]));
}

Value ArrowColumn::value(std::int64_t row) const {
  if (is_null(row)) return {};
  switch (kind_) {
    case Kind::int8:
      return std::int64_t{at<std::int8_t>(*array_, row)};
    case Kind::int16:
      return std::int64_t{at<std::int16_t>(*array_, row)};
    case Kind::int32:
      return std::int64_t{at<std::int32_t>(*array_, row)};
    case Kind::int64:
      return at<std::int64_t>(*array_, row);
    case Kind::boolean: {
      const auto* bits = static_cast<const std::uint8_t*>(array_->buffers[1]);
      const std::int64_t i = row + array_->offset;
      return std::int64_t{(bits[i >> 3] >> (i & 7)) & 1};
    }
    case Kind::float64:
      return at<double>(*array_, row);
    case Kind::utf8:
    case Kind::large_utf8:
      return std::string(span_of(row));
    case Kind::date32:
      return civil_from_days(at<std::int32_t>(*array_, row));
    case Kind::binary:
    case Kind::large_binary:
      return {};
  }
  return {};
}

std::optional<std::string_view> ArrowColumn::text(std::int64_t row) const {
  if ((kind_ != Kind::utf8 && kind_ != Kind::large_utf8) || is_null(row)) return std::nullopt;
  return span_of(row);
}

std::optional<std::span<const std::uint8_t>> ArrowColumn::bytes(std::int64_t row) const {
  if ((kind_ != Kind::binary && kind_ != Kind::large_binary) || is_null(row)) return std::nullopt;
  const std::string_view s = span_of(row);
  return std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

std::optional<std::int64_t> ArrowColumn::first_invalid_utf8() const {
  if (kind_ != Kind::utf8 && kind_ != Kind::large_utf8) return std::nullopt;
  // All values at once: valid text whose values all start on a character boundary is valid
  // value by value. Only when that fails, look for the row.
  const std::int64_t rows = array_->length;
  if (rows == 0) return std::nullopt;
  const std::string_view first = span_of(0), last = span_of(rows - 1);
  const std::string_view all(first.data(),
                             static_cast<std::size_t>(last.data() + last.size() - first.data()));
  bool boundaries = true;
  for (std::int64_t r = 0; r < rows && boundaries; ++r) {
    const std::string_view s = span_of(r);
    boundaries = s.empty() || (static_cast<unsigned char>(s.front()) & 0xC0) != 0x80;
  }
  if (boundaries && support::is_valid_utf8(all)) return std::nullopt;
  for (std::int64_t r = 0; r < rows; ++r) {
    if (!is_null(r) && !support::is_valid_utf8(span_of(r))) return r;
  }
  return std::nullopt;
}

}  // namespace wijkatlas::geo::points_detail
