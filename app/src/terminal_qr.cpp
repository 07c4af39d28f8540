#include "terminal_qr.hpp"

#include "wijkatlas/render/qr_code.hpp"

namespace wijkatlas::app {

std::string terminal_qr(std::string_view text) {
  const render::QrModules qr = render::encode_qr(text);
  constexpr int quiet = 4;
  const int side = qr.size + 2 * quiet;
  const auto light = [&](int row, int column) {
    const int r = row - quiet, c = column - quiet;
    if (r < 0 || c < 0 || r >= qr.size || c >= qr.size) return true;
    return !qr.at(r, c);
  };
  std::string out;
  for (int row = 0; row < side; row += 2) {
    for (int column = 0; column < side; ++column) {
      const bool top = light(row, column);
      const bool bottom = row + 1 < side ? light(row + 1, column) : false;
      out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
    }
    out += '\n';
  }
  return out;
}

}  // namespace wijkatlas::app
