#include "wijkatlas/render/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {
namespace {

struct QrCodeDeleter {
  void operator()(QRcode* code) const noexcept { QRcode_free(code); }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeDeleter>;

}  // namespace

QrModules encode_qr(std::string_view text) {
  const std::string copy(text);  // libqrencode wants a NUL-terminated string
  // Level M rather than Q: the payload then fits a version with larger modules, which a phone
  // reads from further away; the margin keeps the code clear of drawing anyway.
  errno = 0;
  const QrCodePtr code(QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M));
  if (!code) {
    throw render_error("QR code: cannot encode " + std::to_string(copy.size()) + " bytes (" +
                       (errno != 0 ? std::strerror(errno) : "unknown error") + ")");
  }
  QrModules out;
  out.size = code->width;
  out.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
  for (std::size_t i = 0; i < out.dark.size(); ++i)
    out.dark[i] = (code->data[i] & 1) != 0;  // bit 0: dark
  return out;
}

}  // namespace wijkatlas::render
