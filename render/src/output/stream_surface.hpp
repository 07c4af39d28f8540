#pragma once
// A Cairo PDF or SVG surface that writes to a ByteSink through Cairo's stream API, and reports
// the sink's own exception when a write fails.
#include <cairo.h>

#include <string_view>

#include "detail/cairo_handles.hpp"
#include "output/captured_sink.hpp"

namespace wijkatlas::render::output {

class StreamSurface {
 public:
  // cairo_pdf_surface_create_for_stream or cairo_svg_surface_create_for_stream.
  using Create = cairo_surface_t* (*)(cairo_write_func_t, void*, double, double);

  // `sink` must outlive the surface. Throws render_error naming `what` if Cairo cannot start.
  StreamSurface(const ByteSink& sink, Create create, double width_pt, double height_pt,
                std::string_view what);
  // An unfinished surface is abandoned: the sink gets nothing more.
  ~StreamSurface();
  StreamSurface(const StreamSurface&) = delete;
  StreamSurface& operator=(const StreamSurface&) = delete;

  cairo_surface_t* get() const noexcept { return surface_.get(); }
  // Rethrows the sink's exception if a write failed, else throws render_error("<what>: ...")
  // unless `status` is success.
  void check(cairo_status_t status, std::string_view what) const;
  // Writes the rest of the document (most of a PDF is written here) and checks the result.
  void finish(std::string_view what);

 private:
  CapturedSink sink_;  // Cairo holds its address: the class is neither copied nor moved
  detail::CairoSurfacePtr surface_;
};

}  // namespace wijkatlas::render::output
