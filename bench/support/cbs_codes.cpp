#include "cbs_codes.hpp"

#include <cstdio>
#include <stdexcept>

namespace wijkatlas::bench {
namespace {

constexpr int block_columns = 7;  // buurten per wijk
constexpr int block_rows = 5;     // wijken per gemeente

template <typename... Args>
std::string format(const char* pattern, Args... args) {
  char buffer[64];
  const int n = std::snprintf(buffer, sizeof buffer, pattern, args...);
  if (n < 0 || n >= static_cast<int>(sizeof buffer)) throw std::logic_error("code too long");
  return buffer;
}

}  // namespace

AreaCodes cbs_like_codes(int column, int row, int columns) {
  const int blocks_per_row = (columns + block_columns - 1) / block_columns;
  const int gemeente = (row / block_rows) * blocks_per_row + column / block_columns + 1;
  if (gemeente > 9999) throw std::invalid_argument("grid too large for 4-digit gemeente codes");
  const int wijk = row % block_rows;
  const int buurt = column % block_columns;
  return {format("BU%04d%02d%02d", gemeente, wijk, buurt),
          format("Synthetische buurt %d-%d", column, row), format("WK%04d%02d", gemeente, wijk),
          format("GM%04d", gemeente)};
}

}  // namespace wijkatlas::bench
