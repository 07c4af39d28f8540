// `wijkatlas atlas`: the Arnhem-Oost atlas, an overview page and one page per programme wijk
// in one PDF with an outline (bookmarks), optionally one PNG per page.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <ostream>

#include "wijkatlas/project/map_sources.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/render/pdf_document.hpp"
#include "wijkatlas/render/text.hpp"

namespace wijkatlas::app {
using namespace project;  // the use cases this command runs
namespace {
namespace fs = std::filesystem;

struct AtlasPage {
  std::string outline;  // bookmark
  std::string slug;     // PNG file name
  render::MapSpec spec;
};

void replace_all(std::string& text, std::string_view what, const std::string& with) {
  for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += with.size()) {
    text.replace(at, what.size(), with);
  }
}

render::MapDefinition load_definition(const std::string& given, const char* fallback, const AtlasOptions& options) {
  std::optional<render::Language> language;
  if (!options.language.empty()) {
    try {
      language = render::parse_language(options.language);
    } catch (const render_error& e) {
      throw usage_error(e.what());
    }
  }
  return render::load_map_definition(given.empty() ? geo::project_file(fallback) : fs::path(given), language);
}

}  // namespace

std::string map_date_text(render::Language language, std::chrono::sys_days day);  // command_map.cpp

AtlasSummary run_atlas(const AtlasOptions& options, geo::Reporter& reporter, std::ostream& out) {
  if (render::output_format_for(options.output) != render::OutputFormat::pdf) {
    throw usage_error("-o: the atlas is a PDF (got '" + options.output + "')");
  }
  if (!options.png_dir.empty()) {
    // Like mkdir -p: a new directory is made, an existing file in the way is an error.
    std::error_code ec;
    fs::create_directories(options.png_dir, ec);
    if (!fs::is_directory(options.png_dir)) {
      throw output_error(options.png_dir, "--png-dir is not a directory and cannot be made one" + (ec ? " (" + ec.message() + ")" : std::string{}));
    }
  }
  render::require_font_family(render::default_font_family);
  const render::MapDefinition overview = load_definition(options.overview, "examples/maps/arnhem_oost_overzicht.toml", options);
  const render::MapDefinition wijk = load_definition(options.wijk_map, "examples/maps/atlas_wijk.toml", options);

  MapSources sources(options.data_dir, reporter);
  std::vector<AtlasPage> pages;
  pages.push_back({overview.title.empty() ? "Overzicht" : overview.title, "00_overzicht", sources.resolve(overview)});
  std::size_t number = 1;
  for (const auto& [code, naam] : sources.areas_of(geo::Level::programma)) {
    render::MapSpec spec = sources.resolve(wijk, {.level = "programma", .area = code});
    replace_all(spec.title, "{naam}", naam);
    replace_all(spec.subtitle, "{naam}", naam);
    const std::string slug = (number < 10 ? "0" : "") + std::to_string(number) + "_" + code;
    pages.push_back({naam, slug, std::move(spec)});
    ++number;
  }

  render::DocumentInfo info{.title = "Atlas " + overview.title, .author = "wijkatlas", .subject = overview.subtitle};
  if (!options.no_date) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    info.created = now;
    for (auto& page : pages) page.spec.date = map_date_text(page.spec.language, std::chrono::floor<std::chrono::days>(now));
  }

  AtlasSummary summary{options.output, 0, {}};
  render::PdfDocument pdf(options.output, pages.front().spec.page, info);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const AtlasPage& page = pages[i];
    reporter.progress("atlas", i, pages.size());
    const render::MapPlan plan = render::plan_map(page.spec);
    const auto paint = [&](cairo_t* cr) { render::paint_map(cr, page.spec, plan); };
    pdf.add_page(paint, page.spec.page, page.outline);
    if (!options.png_dir.empty()) {
      const fs::path png = fs::path(options.png_dir) / (page.slug + ".png");
      render::write_page(png, page.spec.page, info, paint);
      summary.pngs.push_back(png.string());
    }
  }
  reporter.progress("atlas", pages.size(), pages.size());
  pdf.finish();
  summary.pages = pages.size();
  out << "atlas geschreven: " << summary.output << " (" << summary.pages << " pagina's: overzicht en "
      << summary.pages - 1 << " programmawijken";
  if (!summary.pngs.empty()) out << "; " << summary.pngs.size() << " PNG's in " << options.png_dir;
  out << ")\n";
  return summary;
}

}  // namespace wijkatlas::app
