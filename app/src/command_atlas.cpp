// `wijkatlas atlas`: the Arnhem-Oost atlas, an overview page and one page per programme wijk
// in one PDF with an outline (bookmarks), optionally one PNG per page.
#include <filesystem>
#include <ostream>

#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/maps.hpp"
#include "wijkatlas/project/output_check.hpp"
#include "wijkatlas/render/output.hpp"

namespace wijkatlas::app {
namespace fs = std::filesystem;

AtlasSummary run_atlas(const AtlasOptions& options, geo::Reporter& reporter, std::ostream& out) {
  if (render::output_format_for(options.output) != render::OutputFormat::pdf) {
    throw usage_error("-o: the atlas is a PDF (got '" + options.output + "')");
  }
  project::check_outputs_apart({{"output", options.output}}, {{"definition", options.overview},
                                                              {"definition", options.wijk_map}});
  if (!options.png_dir.empty()) {
    // Like mkdir -p: a new directory is made, an existing file in the way is an error.
    std::error_code ec;
    fs::create_directories(options.png_dir, ec);
    if (!fs::is_directory(options.png_dir)) {
      throw output_error(options.png_dir, "--png-dir is not a directory and cannot be made one" +
                                              (ec ? " (" + ec.message() + ")" : std::string{}));
    }
  }
  const project::Atlas atlas = project::prepare_atlas(options, reporter);
  AtlasSummary summary{options.output, atlas.pages.size(), {}};
  summary.pngs = project::write_atlas(atlas, options.output, options.png_dir, reporter);
  out << "atlas geschreven: " << summary.output << " (" << summary.pages
      << " pagina's: overzicht en " << summary.pages - 1 << " programmawijken";
  if (!summary.pngs.empty()) out << "; " << summary.pngs.size() << " PNG's in " << options.png_dir;
  out << ")\n";
  return summary;
}

}  // namespace wijkatlas::app
