#include "detail/csv_types.hpp"

#include "wijkatlas/support/text.hpp"

namespace wijkatlas::geo::detail {
using support::parse_integer;
using support::parse_number;
using support::trim;

void ColumnType::see(std::string_view raw) {
  if (!all_integer_ && !all_number_ && !all_date_) return;  // text, whatever comes
  const std::string v = trim(raw);
  if (v.empty()) return;
  any_ = true;
  // Leading zeros mean a code ("0202"), which must stay text.
  const bool leading_zero = v.size() > 1 && v[0] == '0' && v[1] != '.' && v[1] != ',';
  all_integer_ = all_integer_ && !leading_zero && parse_integer(v).has_value();
  all_number_ = all_number_ && !leading_zero && parse_number(v).has_value();
  all_date_ = all_date_ && v.size() == 10 && v[4] == '-' && v[7] == '-' &&
              parse_integer(v.substr(0, 4)) && parse_integer(v.substr(5, 2)) &&
              parse_integer(v.substr(8, 2));
}

FieldType ColumnType::type() const {
  if (!any_) return FieldType::text;
  if (all_integer_) return FieldType::integer;
  if (all_number_) return FieldType::real;
  if (all_date_) return FieldType::date;
  return FieldType::text;
}

Value typed_cell(const std::string& text, FieldType type) {
  const std::string v = trim(text);
  if (v.empty()) return type == FieldType::text && !text.empty() ? Value(text) : Value{};
  switch (type) {
    case FieldType::integer:
      return static_cast<std::int64_t>(*parse_integer(v));
    case FieldType::real:
      return *parse_number(v);
    case FieldType::date:
      return Date{static_cast<int>(*parse_integer(v.substr(0, 4))),
                  static_cast<int>(*parse_integer(v.substr(5, 2))),
                  static_cast<int>(*parse_integer(v.substr(8, 2)))};
    case FieldType::text:
      return text;
  }
  return {};
}

}  // namespace wijkatlas::geo::detail
