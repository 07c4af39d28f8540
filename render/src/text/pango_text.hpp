#pragma once
// Builds Pango layouts with the settings every wijkatlas text shares (unhinted metrics,
// unrounded glyph positions), for measuring and for drawing.
#include <string_view>

#include "detail/cairo_handles.hpp"
#include "wijkatlas/render/text.hpp"

namespace wijkatlas::render::text {

// Makes Pango lay out text independently of the output device and resolution.
void apply_device_independent_options(PangoContext* context);

detail::PangoLayoutPtr make_layout(PangoContext* context, std::string_view utf8,
                                   const TextStyle& style);

}  // namespace wijkatlas::render::text
