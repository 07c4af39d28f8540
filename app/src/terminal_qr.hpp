#pragma once
// A QR code as text for a terminal, so a phone can read the operator's address off the screen.
#include <string>
#include <string_view>

namespace wijkatlas::app {

// Two module rows per line with the Unicode half blocks (▀ ▄ █), light modules and a quiet zone
// of four modules drawn as blocks, dark ones as spaces: right on a terminal with a dark
// background (like `qrencode -t UTF8`); phones read the inverse on a light one too. Every line
// ends in '\n'. Throws render_error when the text does not fit a QR code.
std::string terminal_qr(std::string_view text);

}  // namespace wijkatlas::app
