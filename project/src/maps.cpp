#include "wijkatlas/project/maps.hpp"

#include <chrono>
#include <filesystem>

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/map_area_layers.hpp"
#include "wijkatlas/project/map_date.hpp"
#include "wijkatlas/project/map_sources.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/render/map_definition.hpp"
#include "wijkatlas/render/pdf_document.hpp"
#include "wijkatlas/render/text.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::project {
namespace {
namespace fs = std::filesystem;

std::optional<render::Language> language_of(const std::string& name) {
  if (name.empty()) return std::nullopt;
  try {
    return render::parse_language(name);
  } catch (const render_error& e) {
    throw request_error("language", e.what());
  }
}

// Overrides checked like the definition's own values.
void apply_overrides(const MapRequest& r, render::MapDefinition& def) {
  try {
    if (!r.paper.empty()) def.page.paper = render::parse_paper(r.paper);
  } catch (const render_error& e) {
    throw request_error("paper", e.what());
  }
  try {
    if (!r.orientation.empty()) def.page.orientation = render::parse_orientation(r.orientation);
  } catch (const render_error& e) {
    throw request_error("orientation", e.what());
  }
  if (r.dpi < 0) throw request_error("dpi", "must be positive");
  if (r.dpi > 0) def.page.dpi = r.dpi;
}

void replace_all(std::string& text, std::string_view what, const std::string& with) {
  for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += with.size()) {
    text.replace(at, what.size(), with);
  }
}

// A programme's own code names the page's file: only letters, digits, '_' and '-' of it, so
// that no code (say "/../x") reaches outside the directory the pages go to.
std::string file_safe(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '-';
    out += safe ? c : '_';
  }
  return out;
}

render::DocumentInfo document_info(const std::string& title, const std::string& subject,
                                   bool no_date) {
  render::DocumentInfo info{.title = title, .author = "wijkatlas", .subject = subject};
  if (!no_date)
    info.created = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return info;
}

}  // namespace

PreparedMap prepare_map(const MapRequest& request, geo::Reporter& reporter) {
  render::require_font_family(render::default_font_family);
  render::MapDefinition def =
      render::load_map_definition(request.definition, language_of(request.language));
  apply_overrides(request, def);
  MapSources sources(request.data_dir, reporter, {request.cache_dir}, request.store);
  PreparedMap out{sources.resolve(def), document_info("", "", request.no_date)};
  // An atlas template drawn on its own: {naam} is the name of the area its extent names.
  if (const render::ExtentDefinition& e = def.extent; !e.level.empty() && !e.area.empty()) {
    const auto checked_already = [](const std::string&, const std::string&) {};
    for (const auto& [code, naam] :
         sources.areas_of(parse_map_level(e.level, "level", checked_already))) {
      if (support::equal_ignoring_case(code, e.area) ||
          support::equal_ignoring_case(naam, e.area)) {
        replace_all(out.spec.title, "{naam}", naam);
        replace_all(out.spec.subtitle, "{naam}", naam);
        break;
      }
    }
  }
  out.info.title = out.spec.title;
  out.info.subject = out.spec.subtitle;
  if (!request.no_date) out.spec.date = map_date_today(out.spec.language);
  return out;
}

Atlas prepare_atlas(const AtlasRequest& request, geo::Reporter& reporter) {
  render::require_font_family(render::default_font_family);
  const auto language = language_of(request.language);
  const auto definition = [&](const std::string& given, const char* fallback) {
    return render::load_map_definition(
        given.empty() ? geo::project_file(fallback) : fs::path(given), language);
  };
  const render::MapDefinition overview =
      definition(request.overview, "examples/maps/arnhem_oost_overzicht.toml");
  const render::MapDefinition wijk = definition(request.wijk_map, "examples/maps/atlas_wijk.toml");

  MapSources sources(request.data_dir, reporter, {request.cache_dir}, request.store);
  Atlas atlas;
  atlas.pages.push_back({overview.title.empty() ? "Overzicht" : overview.title, "00_overzicht",
                         sources.resolve(overview)});
  std::size_t number = 1;
  for (const auto& [code, naam] : sources.areas_of(geo::Level::programma)) {
    render::MapSpec spec = sources.resolve(wijk, {.level = "programma", .area = code});
    replace_all(spec.title, "{naam}", naam);
    replace_all(spec.subtitle, "{naam}", naam);
    const std::string slug =
        (number < 10 ? "0" : "") + std::to_string(number) + "_" + file_safe(code);
    atlas.pages.push_back({naam, slug, std::move(spec)});
    ++number;
  }
  atlas.info = document_info("Atlas " + overview.title, overview.subtitle, request.no_date);
  if (!request.no_date) {
    for (auto& page : atlas.pages) page.spec.date = map_date_today(page.spec.language);
  }
  return atlas;
}

std::vector<std::string> write_atlas(const Atlas& atlas, const std::string& pdf_path,
                                     const std::string& png_dir, geo::Reporter& reporter) {
  std::vector<std::string> pngs;
  render::PdfDocument pdf(pdf_path, atlas.pages.front().spec.page, atlas.info);
  for (std::size_t i = 0; i < atlas.pages.size(); ++i) {
    const AtlasPage& page = atlas.pages[i];
    reporter.progress("atlas", i, atlas.pages.size());
    const render::MapPlan plan = render::plan_map(page.spec);
    const auto paint = [&](cairo_t* cr) { render::paint_map(cr, page.spec, plan); };
    pdf.add_page(paint, page.spec.page, page.outline);
    if (!png_dir.empty()) {
      const fs::path png = fs::path(png_dir) / (page.slug + ".png");
      render::write_page(png, page.spec.page, atlas.info, paint);
      pngs.push_back(png.string());
    }
  }
  reporter.progress("atlas", atlas.pages.size(), atlas.pages.size());
  pdf.finish();
  return pngs;
}

}  // namespace wijkatlas::project
