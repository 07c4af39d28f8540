#include <gtest/gtest.h>

#include <string>

#include "detail/cairo_handles.hpp"
#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render::detail {
namespace {

TEST(CairoHandles, CheckPassesSuccessAndThrowsCairosMessage) {
  EXPECT_NO_THROW(check_cairo(CAIRO_STATUS_SUCCESS, "drawing"));
  try {
    check_cairo(CAIRO_STATUS_NO_MEMORY, "drawing the legend");
    FAIL() << "no exception";
  } catch (const render_error& e) {
    EXPECT_EQ(std::string(e.what()),
              std::string("drawing the legend: ") + cairo_status_to_string(CAIRO_STATUS_NO_MEMORY));
  }
}

TEST(CairoHandles, RenderErrorIsAWijkatlasError) {
  EXPECT_THROW(check_cairo(CAIRO_STATUS_WRITE_ERROR, "x"), wijkatlas::error);
}

TEST(CairoHandles, SurfaceBeyondCairosLimitThrowsInsteadOfReturningAnErrorObject) {
  // Cairo image surfaces stop at 32,767 px on a side.
  EXPECT_THROW(take_surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40000, 10), "band"),
               render_error);
  EXPECT_NO_THROW(take_surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 32767, 1), "band"));
}

TEST(CairoHandles, DeletersReleaseExactlyOneReference) {
  cairo_surface_t* raw = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4);
  cairo_surface_reference(raw);  // our own reference keeps it alive for the check
  CairoSurfacePtr surface = take_surface(raw, "surface");
  EXPECT_EQ(cairo_surface_get_reference_count(raw), 2u);  // ours and the handle's
  {
    CairoPtr cr = take_context(cairo_create(surface.get()), "context");
    EXPECT_GT(cairo_surface_get_reference_count(raw), 2u);  // cairo_t holds its target
  }
  EXPECT_EQ(cairo_surface_get_reference_count(raw), 2u);
  surface.reset();
  EXPECT_EQ(cairo_surface_get_reference_count(raw), 1u);
  cairo_surface_destroy(raw);
}

TEST(CairoHandles, PangoHandlesFreeTheirObjects) {
  CairoSurfacePtr surface =
      take_surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4), "s");
  CairoPtr cr = take_context(cairo_create(surface.get()), "cr");
  PangoLayoutPtr layout(pango_cairo_create_layout(cr.get()));
  g_object_ref(layout.get());
  GObject* raw = G_OBJECT(layout.get());
  layout.reset();
  EXPECT_EQ(raw->ref_count, 1u);
  g_object_unref(raw);
  PangoFontDescriptionPtr font(pango_font_description_from_string("Noto Sans 10"));
  EXPECT_STREQ(pango_font_description_get_family(font.get()), "Noto Sans");
}

}  // namespace
}  // namespace wijkatlas::render::detail
