// `wijkatlas sheet`: a drawing sheet for a blokgesprek or tafelgesprek, recorded in the
// project store so that photos of it come back to the right place.
#include <chrono>
#include <optional>
#include <ostream>

#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/previous_session.hpp"
#include "wijkatlas/project/sheet_landmarks.hpp"
#include "wijkatlas/project/sheet_place.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/render/drawing_sheet.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map_plan.hpp"
#include "wijkatlas/render/text.hpp"
#include "wijkatlas/sketch/fiducial.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"
#include "wijkatlas/sketch/store.hpp"

namespace wijkatlas::app {
using namespace project;  // the use cases this command runs
namespace {
namespace fs = std::filesystem;

struct Place {
  geo::Point centre{0, 0};
  double scale = 0;
  std::string name;  // "" for a centre or box
};

render::Page sheet_page(const SheetOptions& o) {
  render::Page page;
  try {
    page.paper = render::parse_paper(o.paper);
    page.orientation = render::parse_orientation(o.orientation);
  } catch (const render_error& e) {
    throw usage_error(e.what());
  }
  return page;
}

geo::Point centre_of(const geo::Box& b) {
  return {(b.min_corner().x() + b.max_corner().x()) / 2, (b.min_corner().y() + b.max_corner().y()) / 2};
}

// A box is shown whole at the most detailed round scale that fits, unless a scale is given.
Place fitted(const geo::Box& box, const SheetOptions& o, const render::SheetLayout& layout, std::string name) {
  if (o.scale > 0) return {centre_of(box), o.scale, std::move(name)};
  try {
    const render::MapFrame f = render::MapFrame::fit(box, layout.frame, 5, render::sheet_scale_limits);
    return {f.centre(), f.scale_denominator(), std::move(name)};
  } catch (const render_error& e) {
    throw usage_error(std::string(e.what()) + ": choose larger paper (--paper A1) or a smaller area");
  }
}

render::AreaLayer buurt_outlines(const geo::AreaHierarchy& hierarchy) {
  render::AreaLayer layer;
  layer.attribution = "CBS, Kadaster";
  for (const geo::Area& a : hierarchy.at(geo::Level::buurt)) {
    layer.shapes.push_back(a.geometry);
    layer.names.push_back(a.naam);
  }
  layer.outline = {{0x70, 0x70, 0x70}, 0.5};
  layer.label_style = {.size_pt = 10, .bold = true};
  layer.label_colour = {0x55, 0x55, 0x55};
  return layer;
}

}  // namespace

SheetSummary run_sheet(const SheetOptions& o, geo::Reporter& reporter, std::ostream& out) {
  const int places = (o.area.empty() ? 0 : 1) + (o.centre.empty() ? 0 : 1) + (o.bbox.empty() ? 0 : 1);
  if (places != 1) throw usage_error("give exactly one of --area, --centre or --bbox");
  if (o.scale < 0) throw usage_error("--scale must be positive, e.g. 2500 for 1:2.500");
  try {
    render::output_format_for(o.output);
  } catch (const render_error& e) {
    throw usage_error(std::string("-o: ") + e.what());
  }
  render::Language language{};
  try {
    language = render::parse_language(o.language);
  } catch (const render_error& e) {
    throw usage_error(std::string("--language: ") + e.what());
  }
  render::require_font_family(render::default_font_family);
  const render::Page page = sheet_page(o);
  const render::SheetLayout layout = render::drawing_sheet_layout(page);

  std::optional<LoadedAreas> areas;
  const auto load_cbs = [&] {
    if (!areas) {
      project::AreaSource source;
      source.data_dir = o.data_dir;
      source.levels = "buurt,wijk,programma";
      areas = load_areas(source, reporter);
    }
    return &areas->hierarchy;
  };
  Place place;
  if (!o.area.empty()) {
    const geo::Area& area = find_area(*load_cbs(), o.area);
    place = fitted(geo::envelope(geo::Geometry(area.geometry)), o, layout, area.naam);
  } else if (!o.centre.empty()) {
    place = {parse_centre(o.centre, o.crs), o.scale > 0 ? o.scale : 2500, ""};
  } else {
    place = fitted(parse_bbox(o.bbox, o.crs), o, layout, "");
  }
  render::MapFrame frame = [&] {
    try {
      return render::drawing_sheet_frame(layout, place.centre, place.scale);
    } catch (const render_error& e) {
      throw usage_error(std::string("--scale: ") + e.what());
    }
  }();

  // The store once the place is known (a mistyped place or CRS makes no store), before the base
  // map and the rendering: a locked or foreign store fails before that work, and names the project.
  sketch::ProjectStore store = sketch::ProjectStore::open(o.store);
  sketch::SheetInfo info;
  info.project = store.project();
  do info.id = sketch::new_sheet_id();
  while (store.find_sheet(info.id));  // 32^6 ids: a clash is rare, but a reused id would mix sheets
  info.extent = frame.world_extent();
  info.scale = frame.scale_denominator();
  info.paper = std::string(render::to_string(page.paper));
  info.orientation = page.orientation == render::Orientation::landscape ? "landscape" : "portrait";
  info.page_width_mm = page.size_mm().width;
  info.page_height_mm = page.size_mm().height;
  info.frame = {layout.frame.x, layout.frame.y, layout.frame.width, layout.frame.height};
  info.marker_mm = layout.marker_mm;
  info.marker_gap_mm = layout.marker_gap_mm;

  render::DrawingSheetSpec spec;
  spec.page = page;
  spec.language = language;
  const bool nl = language == render::Language::nl;
  spec.title = (nl ? "Tekenblad" : "Drawing sheet") + (place.name.empty() ? "" : " " + place.name);
  spec.subtitle = (nl ? "Schaal 1:" : "Scale 1:") + render::format_number(info.scale, 0, language) + " · " +
                  (nl ? "noorden boven · rasterhokken " : "north up · grid squares ") +
                  render::format_number(40.0 * info.scale / 1000.0, 0, language) + " m";
  spec.session = o.session;
  spec.date = o.date;
  spec.centre = place.centre;
  spec.scale = place.scale;
  spec.qr_payload = sketch::encode_payload(info);
  spec.sheet_id = info.id;
  for (const sketch::MarkerPlacement& m : sketch::marker_placements(info)) {
    const sketch::FiducialBits bits = sketch::fiducial_bits(m.aruco_id);
    render::SheetFiducial f{{m.square.x, m.square.y, m.square.width, m.square.height}, {}};
    for (const auto& row : bits) f.cells.emplace_back(row.begin(), row.end());
    spec.fiducials.push_back(std::move(f));
  }

  // The base map: an OSM extract when there is one, CBS buurt outlines and names otherwise
  // (and over the OSM map for a sheet of a named area).
  std::optional<fs::path> osm;
  if (!o.basemap.empty()) {
    osm = o.basemap;
  } else if (const auto found = geo::find_osm_extract(geo::resolve_data_dir(o.data_dir))) {
    osm = *found;
  }
  const geo::Box& e = info.extent;
  const geo::Box ground({e.min_corner().x() - 50, e.min_corner().y() - 50}, {e.max_corner().x() + 50, e.max_corner().y() + 50});
  if (osm) {
    reporter.info("basiskaart lezen uit " + osm->string());
    OsmSheetBase base = load_osm_sheet_base(*osm, ground, reporter);
    spec.layers.push_back(render::BaseMapLayer{std::move(base.map), true});
    spec.landmarks = std::move(base.landmarks);
  } else {
    reporter.warn("geen OSM-extract in de datamap: tekenblad met alleen buurtgrenzen en -namen (datasets/fetch.sh haalt de basiskaart op, of geef --basemap)");
    spec.landmarks = asset_landmarks(ground, o.data_dir, reporter);
  }
  if (!osm || !o.area.empty()) spec.layers.push_back(buurt_outlines(*load_cbs()));
  if (!o.area.empty()) {
    // The area the sheet is about, outlined more strongly than its neighbours.
    render::AreaLayer focus;
    focus.shapes.push_back(find_area(*load_cbs(), o.area).geometry);
    focus.outline = {{0x40, 0x40, 0x40}, 1.2};
    spec.layers.push_back(std::move(focus));
  }

  if (!o.previous.empty()) {
    // Round two: the earlier session's spots in grey, so residents see what became of them.
    spec.previous = previous_overlay(store, o.previous, o.previous_min_n, info.extent, language, reporter);
  }

  render::DocumentInfo doc{.title = spec.title, .author = "wijkatlas", .subject = "Tekenblad " + info.id};
  if (!o.no_date) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    doc.created = now;
  }
  render::write_drawing_sheet(o.output, spec, doc);
  try {
    store.record_sheet({info, place.name, o.session, "", o.previous});
  } catch (...) {
    // A sheet the store does not know must not be handed out.
    std::error_code ignored;
    fs::remove(o.output, ignored);
    throw;
  }

  SheetSummary summary{o.output, info.id, info.scale};
  out << "tekenblad geschreven: " << o.output << " (schaal 1:" << render::format_number(info.scale, 0, render::Language::nl)
      << ", " << info.paper << (info.orientation == "landscape" ? " liggend" : " staand") << ")\n";
  if (!o.previous.empty()) out << "met de plekken van sessie '" << o.previous << "' in grijs\n";
  out << "blad-id: " << info.id << " (vastgelegd in " << o.store << ")\n";
  return summary;
}

}  // namespace wijkatlas::app
