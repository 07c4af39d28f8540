#pragma once
// CBS-like codes for a synthetic cell: gemeenten are blocks of 7 x 5 cells, each block row of
// 7 cells is a wijk, so a cell gets "BU" + gemeente (4 digits) + wijk (2) + buurt (2).
#include <string>

namespace wijkatlas::bench {

struct AreaCodes {
  std::string buurtcode;     // BU00010203
  std::string buurtnaam;     // Synthetische buurt 12-34
  std::string wijkcode;      // WK000102
  std::string gemeentecode;  // GM0001
};

// Throws std::invalid_argument if the grid needs more than 9999 gemeenten.
AreaCodes cbs_like_codes(int column, int row, int columns);

}  // namespace wijkatlas::bench
