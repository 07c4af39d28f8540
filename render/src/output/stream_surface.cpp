#include "output/stream_surface.hpp"

namespace wijkatlas::render::output {
namespace {

cairo_status_t write_to_sink(void* closure, const unsigned char* data, unsigned int length) {
  return static_cast<CapturedSink*>(closure)->write(data, length) ? CAIRO_STATUS_SUCCESS
                                                                  : CAIRO_STATUS_WRITE_ERROR;
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
