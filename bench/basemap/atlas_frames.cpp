// Prints the map frame of every base-map page of the atlas (the wijk template once per
// programme wijk), so that the Mapnik peer of bench/run_basemap_bench.sh draws the same ground
// at the same scale on the same paper:
//   code  centre_x centre_y  scale  frame_x frame_y frame_w frame_h (mm)  page_w page_h (mm)
#include <cstdio>
#include <exception>

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/project/map_sources.hpp"
#include "wijkatlas/render/map_definition.hpp"
#include "wijkatlas/render/map_plan.hpp"

int main(int argc, char** argv) {
  using namespace wijkatlas;
  try {
    geo::CollectingReporter reporter;
    const std::string cache_dir = argc > 1 ? argv[1] : "";
    project::MapSources sources("", reporter, {cache_dir});
    const render::MapDefinition wijk =
        render::load_map_definition(geo::project_file("examples/maps/atlas_wijk.toml"));
    for (const auto& [code, naam] : sources.areas_of(geo::Level::programma)) {
      const render::MapSpec spec = sources.resolve(wijk, {.level = "programma", .area = code});
      const render::MapFrame frame = render::plan_map(spec).frame;
      const render::RectMm& f = frame.frame_mm();
      const auto page = spec.page.size_mm();
      std::printf("%s %.3f %.3f %.0f %.3f %.3f %.3f %.3f %.3f %.3f\n", code.c_str(),
                  frame.centre().x(), frame.centre().y(), frame.scale_denominator(), f.x, f.y,
                  f.width, f.height, page.width, page.height);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_atlas_frames: %s\n", e.what());
    return 1;
  }
}
