#pragma once
// The types of a CSV's columns, inferred from every value in them, and the values typed
// accordingly: what read_layer does, shared with the streaming point reader.
#include <string>
#include <string_view>

#include "wijkatlas/geo/layer.hpp"

namespace wijkatlas::geo::detail {

// Integer, real or date when every non-empty value is one (leading zeros mean a code, which
// stays text), else text.
class ColumnType {
 public:
  void see(std::string_view raw);  // one cell, as read
  FieldType type() const;

 private:
  bool all_integer_ = true, all_number_ = true, all_date_ = true, any_ = false;
};

// A cell as a value of its column's type: an empty cell is null, except text that is not
// empty (only blanks).
Value typed_cell(const std::string& text, FieldType type);

}  // namespace wijkatlas::geo::detail
