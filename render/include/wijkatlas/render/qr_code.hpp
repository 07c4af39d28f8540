#pragma once
// QR codes through libqrencode: the module grid of a text, nothing drawn yet. The drawing
// sheets paint it on paper; `serve` prints it on the operator's terminal.
#include <string_view>
#include <vector>

namespace wijkatlas::render {

struct QrModules {
  int size = 0;            // modules per side, without the quiet zone
  std::vector<bool> dark;  // size * size, row by row
  bool at(int row, int column) const { return dark[static_cast<std::size_t>(row * size + column)]; }
};

// Error correction level M (15 % of the code may be damaged or drawn on). Throws render_error
// when the text does not fit a QR code.
QrModules encode_qr(std::string_view text);

}  // namespace wijkatlas::render
