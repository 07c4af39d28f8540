// A metatile drawn once with the printed maps' painters and cut into PNG tiles.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "detail/cairo_handles.hpp"
#include "map/plan_parts.hpp"
#include "output/png_rows.hpp"
#include "paint/painters.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/tiles.hpp"
#include "wijkatlas/render/units.hpp"

namespace wijkatlas::render {
namespace {

int block_side(const TileGrid& grid, const Metatile& meta) {
  return std::min(meta.size, grid.tiles_per_side(meta.z));
}

geo::Point centre_of(const geo::Box& b) {
  return {(b.min_corner().x() + b.max_corner().x()) / 2,
          (b.min_corner().y() + b.max_corner().y()) / 2};
}

std::vector<std::byte> encode_tile(cairo_surface_t* block, int left_px, int top_px, int tile_px) {
  std::vector<std::byte> png;
  const ByteSink sink = [&png](std::span<const std::byte> bytes) {
    png.insert(png.end(), bytes.begin(), bytes.end());
  };
  output::PngRowWriter writer(sink, "tile", tile_px, tile_px, mm_per_inch / screen_pixel_mm);
  const unsigned char* data = cairo_image_surface_get_data(block);
  const int stride = cairo_image_surface_get_stride(block);
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(tile_px) * 3);
  for (int y = 0; y < tile_px; ++y) {
    const unsigned char* row =
        data + static_cast<std::ptrdiff_t>(top_px + y) * stride + 4 * left_px;
    output::cairo_row_to_rgb(row, tile_px, rgb.data());
    writer.write_row(rgb.data());
  }
  writer.finish();
  return png;
}

}  // namespace

Metatile metatile_of(const TileGrid& grid, const TileCoord& tile, int size) {
  if (size < 1) throw render_error("a metatile has at least one tile a side");
  if (!grid.contains(tile)) grid.tile_box(tile);  // throws, naming the tile
  return {tile.z, tile.x / size, tile.y / size, size};
}

std::vector<TileCoord> tiles_of(const TileGrid& grid, const Metatile& meta) {
  std::vector<TileCoord> out;
  const int side = block_side(grid, meta);
  for (int row = 0; row < side; ++row) {
    for (int col = 0; col < side; ++col) {
      const TileCoord t{meta.z, meta.x * meta.size + col, meta.y * meta.size + row};
      if (grid.contains(t)) out.push_back(t);
    }
  }
  return out;
}

geo::Box metatile_box(const TileGrid& grid, const Metatile& meta, double buffer_px) {
  const geo::Box first = grid.tile_box({meta.z, meta.x * meta.size, meta.y * meta.size});
  const double res = grid.resolution(meta.z);
  const double side = res * grid.tile_px * block_side(grid, meta);
  const double pad = res * buffer_px;
  const double min_x = first.min_corner().x();
  const double max_y = first.max_corner().y();
  return geo::Box({min_x - pad, max_y - side - pad}, {min_x + side + pad, max_y + pad});
}

std::vector<RenderedTile> render_metatile(std::vector<MapLayer> layers, const TileGrid& grid,
                                          const Metatile& meta, const TileStyle& style) {
  const int side_px = block_side(grid, meta) * grid.tile_px;
  const geo::Box ground = metatile_box(grid, meta);
  const double side_mm = side_px * screen_pixel_mm;
  const MapFrame frame =
      MapFrame::at_scale(centre_of(ground), scale_denominator_of(grid.resolution(meta.z)),
                         RectMm{0, 0, side_mm, side_mm}, ScaleLimits{1e-3, 1e12});

  MapSpec spec;
  spec.language = style.language;
  spec.label_scale = style.label_scale;
  spec.layers = std::move(layers);
  MapPlan plan{PageLayout{}, frame, {}, {}, {}, {}, 0, {}, {}, {}, {}, {}, {}, {}};
  detail::plan_layer_styles(spec, plan);
  // Labels stay inside the frame (place_map_labels keeps them 1 mm from its edge): inside this
  // block's edge, so the neighbouring block never has to finish one.
  detail::place_map_labels(spec, plan);

  const detail::CairoSurfacePtr block = detail::take_surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, side_px, side_px), "metatile surface");
  {
    const detail::CairoPtr cr = detail::take_context(cairo_create(block.get()), "metatile");
    const double pixels_per_point = pt_to_mm(1.0) / screen_pixel_mm;
    cairo_scale(cr.get(), pixels_per_point, pixels_per_point);
    cairo_set_source_rgb(cr.get(), 0.985, 0.982, 0.975);  // the printed maps' paper tone
    cairo_paint(cr.get());
    const paint::WorldPen pen(cr.get(), frame);
    paint::paint_layers(cr.get(), spec, plan, pen);
    paint::paint_labels(cr.get(), plan.labels);
    detail::check_cairo(cairo_status(cr.get()), "drawing a metatile");
  }
  cairo_surface_flush(block.get());

  std::vector<RenderedTile> out;
  for (const TileCoord& t : tiles_of(grid, meta)) {
    const int left = (t.x - meta.x * meta.size) * grid.tile_px;
    const int top = (t.y - meta.y * meta.size) * grid.tile_px;
    out.push_back({t, encode_tile(block.get(), left, top, grid.tile_px)});
  }
  return out;
}

}  // namespace wijkatlas::render
