#include "wijkatlas/project/sheet.hpp"

#include <chrono>
#include <optional>

#include "wijkatlas/geo/basemap.hpp"
#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/project/area_store.hpp"
#include "wijkatlas/project/previous_session.hpp"
#include "wijkatlas/project/sheet_landmarks.hpp"
#include "wijkatlas/project/sheet_place.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map_plan.hpp"
#include "wijkatlas/render/text.hpp"
#include "wijkatlas/sketch/fiducial.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::project {
namespace {
namespace fs = std::filesystem;

struct Place {
  geo::Point centre{0, 0};
  double scale = 0;
  std::string name;  // "" for a centre or box
};

render::Page sheet_page(const SheetRequest& r) {
  render::Page page;
  try {
    page.paper = render::parse_paper(r.paper);
  } catch (const render_error& e) {
    throw request_error("paper", e.what());
  }
  try {
    page.orientation = render::parse_orientation(r.orientation);
  } catch (const render_error& e) {
    throw request_error("orientation", e.what());
  }
  return page;
}

geo::Point centre_of(const geo::Box& b) {
  return {(b.min_corner().x() + b.max_corner().x()) / 2,
          (b.min_corner().y() + b.max_corner().y()) / 2};
}

// A box is shown whole at the most detailed round scale that fits, unless a scale is given.
Place fitted(const geo::Box& box, const SheetRequest& r, const render::SheetLayout& layout,
             std::string name) {
  if (r.scale > 0) return {centre_of(box), r.scale, std::move(name)};
  try {
    const render::MapFrame f =
        render::MapFrame::fit(box, layout.frame, 5, render::sheet_scale_limits);
    return {f.centre(), f.scale_denominator(), std::move(name)};
  } catch (const render_error& e) {
    throw suggesting(
        request_error("paper", std::string(e.what()) + ": choose larger paper or a smaller area"),
        "paper", "A1");
  }
}

render::AreaLayer buurt_outlines(const geo::AreaHierarchy& hierarchy) {
  render::AreaLayer layer;
  layer.attribution = "CBS, Kadaster";
  layer.simplified_boundaries = hierarchy.simplified_boundaries;
  for (const geo::Area& a : hierarchy.at(geo::Level::buurt)) {
    layer.shapes.push_back(a.geometry);
    layer.names.push_back(a.naam);
  }
  layer.outline = {{0x70, 0x70, 0x70}, 0.5};
  layer.label_style = {.size_pt = 10, .bold = true};
  layer.label_colour = {0x55, 0x55, 0x55};
  return layer;
}

sketch::SheetInfo sheet_info(store::ProjectStore& store, const SheetPlace& place) {
  sketch::SheetInfo info;
  info.project = store.project();
  do info.id = sketch::new_sheet_id();
  while (store.find_sheet(info.id));  // 32^6 ids: a clash is rare, but a reused id would mix sheets
  info.extent = place.frame.world_extent();
  info.scale = place.frame.scale_denominator();
  info.paper = std::string(render::to_string(place.page.paper));
  info.orientation =
      place.page.orientation == render::Orientation::landscape ? "landscape" : "portrait";
  info.page_width_mm = place.page.size_mm().width;
  info.page_height_mm = place.page.size_mm().height;
  const render::SheetLayout& layout = place.layout;
  info.frame = {layout.frame.x, layout.frame.y, layout.frame.width, layout.frame.height};
  info.marker_mm = layout.marker_mm;
  info.marker_gap_mm = layout.marker_gap_mm;
  return info;
}

}  // namespace

SheetPlace locate_sheet(const SheetRequest& r, geo::Reporter& reporter) {
  return locate_sheet(r, nullptr, reporter);
}

SheetPlace locate_sheet(const SheetRequest& r, store::ProjectStore* areas_store,
                        geo::Reporter& reporter) {
  const int places =
      (r.area.empty() ? 0 : 1) + (r.centre.empty() ? 0 : 1) + (r.bbox.empty() ? 0 : 1);
  if (places != 1)
    throw request_error("area", "give exactly one of an area, a centre or a box (bbox)");
  if (r.scale < 0) throw request_error("scale", "must be positive, e.g. 2500 for 1:2.500");
  render::Language language{};
  try {
    language = render::parse_language(r.language);
  } catch (const render_error& e) {
    throw request_error("language", e.what());
  }
  render::require_font_family(render::default_font_family);
  const render::Page page = sheet_page(r);
  const render::SheetLayout layout = render::drawing_sheet_layout(page);

  Place place;
  std::optional<LoadedAreas> areas;
  if (!r.area.empty()) {
    areas = areas_store != nullptr ? load_areas(*areas_store, r.areas, reporter)
                                   : load_areas(r.areas, reporter);
    const geo::Area& area = find_area(areas->hierarchy, r.area);
    place = fitted(geo::envelope(geo::Geometry(area.geometry)), r, layout, area.naam);
  } else if (!r.centre.empty()) {
    place = {parse_centre(r.centre, r.crs), r.scale > 0 ? r.scale : 2500, ""};
  } else {
    place = fitted(parse_bbox(r.bbox, r.crs), r, layout, "");
  }
  render::MapFrame frame = [&] {
    try {
      return render::drawing_sheet_frame(layout, place.centre, place.scale);
    } catch (const render_error& e) {
      throw request_error("scale", e.what());
    }
  }();
  return {page, layout, frame, language, place.centre, place.scale, place.name, std::move(areas)};
}

PreparedSheet prepare_sheet(store::ProjectStore& store, const SheetRequest& r,
                            const SheetPlace& place,
                            const std::vector<sketch::SpotRecord>& previous_spots,
                            geo::Reporter& reporter) {
  const sketch::SheetInfo info = sheet_info(store, place);
  PreparedSheet out;
  out.record = {info, place.name, r.session, "", r.previous};
  render::DrawingSheetSpec& spec = out.spec;
  spec.page = place.page;
  spec.language = place.language;
  const bool nl = place.language == render::Language::nl;
  spec.title = (nl ? "Tekenblad" : "Drawing sheet") + (place.name.empty() ? "" : " " + place.name);
  spec.subtitle = (nl ? "Schaal 1:" : "Scale 1:") +
                  render::format_number(info.scale, 0, place.language) + " · " +
                  (nl ? "noorden boven · rasterhokken " : "north up · grid squares ") +
                  render::format_number(40.0 * info.scale / 1000.0, 0, place.language) + " m";
  spec.session = r.session;
  spec.date = r.date;
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
  if (!r.basemap.empty()) {
    osm = r.basemap;
  } else if (const auto found = geo::find_osm_extract(geo::resolve_data_dir(r.areas.data_dir))) {
    osm = *found;
  }
  const geo::Box& e = info.extent;
  const geo::Box ground({e.min_corner().x() - 50, e.min_corner().y() - 50},
                        {e.max_corner().x() + 50, e.max_corner().y() + 50});
  if (osm) {
    reporter.info("reading the base map from " + osm->string());
    OsmSheetBase base = load_osm_sheet_base(*osm, ground, {r.cache_dir}, reporter);
    spec.layers.push_back(render::BaseMapLayer{std::move(base.map), true});
    spec.landmarks = std::move(base.landmarks);
    // The data directory's own extract: its point tables add what the extract lacks (schools).
    if (r.basemap.empty())
      add_landmarks(spec.landmarks, asset_landmarks(ground, r.areas.data_dir, reporter));
  } else {
    reporter.warn(
        "no OSM extract in the data directory: the sheet has only buurt outlines and names "
        "(datasets/fetch.sh fetches the base map)");
    spec.landmarks = asset_landmarks(ground, r.areas.data_dir, reporter);
  }
  std::optional<LoadedAreas> loaded;
  const LoadedAreas* areas = place.areas ? &*place.areas : nullptr;
  if (!osm || !r.area.empty()) {
    if (areas == nullptr) areas = &loaded.emplace(load_areas(store, r.areas, reporter));
    spec.layers.push_back(buurt_outlines(areas->hierarchy));
  }
  if (!r.area.empty()) {
    // The area the sheet is about, outlined more strongly than its neighbours.
    render::AreaLayer focus;
    focus.shapes.push_back(find_area(areas->hierarchy, r.area).geometry);
    focus.outline = {{0x40, 0x40, 0x40}, 1.2};
    spec.layers.push_back(std::move(focus));
  }
  if (!r.previous.empty()) {
    // Round two: the earlier session's spots in grey, so residents see what became of them.
    spec.previous = previous_overlay(previous_spots, r.previous, r.previous_min_n, info.extent,
                                     place.language, reporter);
  }
  return out;
}

void write_sheet(store::ProjectStore& store, const PreparedSheet& sheet, const std::string& output,
                 bool no_date) {
  render::DocumentInfo doc{.title = sheet.spec.title,
                           .author = "wijkatlas",
                           .subject = "Tekenblad " + sheet.record.sheet.id};
  if (!no_date)
    doc.created = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  render::write_drawing_sheet(output, sheet.spec, doc);
  try {
    store.record_sheet(sheet.record);
  } catch (...) {
    // A sheet the store does not know must not be handed out.
    std::error_code ignored;
    fs::remove(output, ignored);
    throw;
  }
}

}  // namespace wijkatlas::project
