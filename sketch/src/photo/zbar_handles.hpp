#pragma once
// RAII handles for zbar's C API: an image scanner and an image, each a unique_ptr with a
// stateless deleter.
#include <zbar.h>

#include <memory>

namespace wijkatlas::sketch::photo {

struct ZbarScannerDeleter {
  void operator()(zbar::zbar_image_scanner_t* s) const noexcept {
    zbar::zbar_image_scanner_destroy(s);
  }
};
struct ZbarImageDeleter {
  void operator()(zbar::zbar_image_t* i) const noexcept { zbar::zbar_image_destroy(i); }
};
using ZbarScanner = std::unique_ptr<zbar::zbar_image_scanner_t, ZbarScannerDeleter>;
using ZbarImage = std::unique_ptr<zbar::zbar_image_t, ZbarImageDeleter>;

}  // namespace wijkatlas::sketch::photo
