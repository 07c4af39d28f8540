#include "output/stream_surface.hpp"

namespace wijkatlas::render::output {
namespace {

// Success even when the sink failed: a PDF surface that saw a write error mid-document trips
// over its own state when it is destroyed unfinished (cairo 1.16: an assertion in cairo-array.c,
// a crash without assertions; `atlas` on a full disk ended with SIGSEGV). The sink keeps the
// error for check() to rethrow; Cairo's later bytes go nowhere.
cairo_status_t write_to_sink(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<CapturedSink*>(closure)->write(data, length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

StreamSurface::StreamSurface(const ByteSink& sink, Create create, double width_pt, double height_pt,
                             std::string_view what)
    : sink_(sink) {
  surface_.reset(create(write_to_sink, &sink_, width_pt, height_pt));
  check(cairo_surface_status(surface_.get()), what);
}

StreamSurface::~StreamSurface() {
  sink_.close();
}

void StreamSurface::check(cairo_status_t status, std::string_view what) const {
  sink_.rethrow_if_failed();
  detail::check_cairo(status, what);
}

void StreamSurface::finish(std::string_view what) {
  cairo_surface_finish(surface_.get());
  check(cairo_surface_status(surface_.get()), what);
}

}  // namespace wijkatlas::render::output
