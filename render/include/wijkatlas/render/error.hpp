#pragma once
// The renderer's exception. It joins the hierarchy of wijkatlas/geo/error.hpp so that `main`
// maps it to a message and exit code like every other wijkatlas error.
#include <string>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas {

// Drawing or writing a map failed: Cairo or Pango reported an error, a font is missing, a
// scale or page is impossible, or a raster is too large.
class render_error : public error {
 public:
  using error::error;
};

}  // namespace wijkatlas
