#pragma once
// The sheets' QR code: the public encoder (wijkatlas/render/qr_code.hpp) under the sheet names.
#include "wijkatlas/render/qr_code.hpp"

namespace wijkatlas::render::sheet {

using render::encode_qr;
using render::QrModules;

}  // namespace wijkatlas::render::sheet
