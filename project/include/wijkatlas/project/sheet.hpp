#pragma once
// The drawing-sheet use case (docs/sheets.md): a sheet for a blokgesprek or tafelgesprek with a
// faded base map, landmarks, key, QR code and fiducials, recorded in the project store so that
// photos of it come back to the right place. In three steps, so that nothing is made before the
// request is known to be right: locate_sheet (where and at what scale; no store), prepare_sheet
// (the store gives the project and a fresh id; nothing is written), write_sheet (the file and
// the store's record, both or neither).
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/project/area_source.hpp"
#include "wijkatlas/render/drawing_sheet.hpp"
#include "wijkatlas/render/map_frame.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::project {

struct SheetRequest {
  // Exactly one of area, centre or bbox says where.
  std::string area;    // buurt, wijk or programme wijk: CBS code or name
  std::string centre;  // "x,y" in crs
  std::string bbox;    // "xmin,ymin,xmax,ymax" in crs
  std::string crs = "EPSG:28992";
  double scale = 0;  // denominator; 0: 2500 around a centre, fitted to an area or box
  std::string paper = "A3";
  std::string orientation = "landscape";
  std::string session;  // printed in the session box
  std::string date;     // printed in the session box; "" leaves a line to write the date on
  std::string basemap;  // OSM extract; empty: the one in the data directory, if any
  // The areas an area is found in and outlined from; its data directory also gives the base map
  // and the landmarks. Sheets need no gemeente level.
  AreaSource areas = without_gemeente(AreaSource{});
  std::string cache_dir;  // prepared base maps; empty: geo::default_cache_dir()
  std::string language = "nl";
  std::string previous;    // round two: this earlier session's spots and statuses, in grey
  int previous_min_n = 2;  // the sheets that make a spot, when the previous session's are made
};

struct SheetPlace {
  render::Page page;
  render::SheetLayout layout;
  render::MapFrame frame;
  render::Language language = render::Language::nl;
  geo::Point centre{0, 0};
  double scale = 0;
  std::string name;                  // the area's name; "" for a centre or box
  std::optional<LoadedAreas> areas;  // loaded to find the area; prepare_sheet reuses them
};

// Throws request_error naming the field for a wrong place, paper, scale or language, crs_error
// for coordinates that cannot be right.
SheetPlace locate_sheet(const SheetRequest& request, geo::Reporter& reporter);
// The same with the areas of `areas_store` when it holds imported ones (area_store.hpp);
// nullptr: from files.
SheetPlace locate_sheet(const SheetRequest& request, store::ProjectStore* areas_store,
                        geo::Reporter& reporter);

struct PreparedSheet {
  render::DrawingSheetSpec spec;
  store::SheetRecord record;
};

// `previous_spots`: the spots of request.previous (session_spots), shown in grey; ignored when
// the request names no previous session.
PreparedSheet prepare_sheet(store::ProjectStore& store, const SheetRequest& request,
                            const SheetPlace& place,
                            const std::vector<sketch::SpotRecord>& previous_spots,
                            geo::Reporter& reporter);

// Writes the sheet (.pdf, .svg or .png) and records it in the store: a sheet the store does not
// know is never handed out.
void write_sheet(store::ProjectStore& store, const PreparedSheet& sheet, const std::string& output,
                 bool no_date);

}  // namespace wijkatlas::project
