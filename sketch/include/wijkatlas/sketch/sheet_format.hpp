#pragma once
// Drawing-sheet format, version 1: everything a photo of a printed sheet needs to be
// georeferenced without a server or database. The QR code in the sheet's margin carries it as
// compact JSON; the same record is kept in the project store so a typed sheet id can stand in
// for a damaged QR code. Pure data and arithmetic: no Cairo, no OpenCV.
//
// Page coordinates are millimetres from the page's top-left corner, y down (as on paper).
// The map frame shows `extent` (RD New metres) exactly, north up, at 1:`scale`.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/sketch/category.hpp"  // InkCategory: what residents draw

namespace wijkatlas::sketch {

inline constexpr int sheet_format_version = 1;
inline constexpr std::string_view sheet_format_app = "wijkatlas";

struct PageRect {
  double x = 0, y = 0, width = 0, height = 0;  // mm, top-left origin, y down
};

// The eight ArUco fiducials (dictionary DICT_4X4_50, ids 0..7) around the map frame, clockwise
// from the top-left corner. They sit outside the frame so that nobody draws over them.
enum class MarkerPosition : int {
  top_left,
  top,
  top_right,
  right,
  bottom_right,
  bottom,
  bottom_left,
  left
};
inline constexpr int marker_count = 8;

struct SheetInfo {
  std::string id;                // "K7Q-4M2": 6 Crockford base-32 characters in two groups
  std::string project = "npao";  // a sheet of another project is refused on ingest
  std::string crs = "EPSG:28992";
  geo::Box extent;          // RD New metres shown by the map frame
  double scale = 0;         // denominator: 2500 for 1:2,500
  std::string paper;        // "A3"
  std::string orientation;  // "portrait" or "landscape"
  double page_width_mm = 0, page_height_mm = 0;
  PageRect frame;            // the map frame on the page
  double marker_mm = 12;     // side of one ArUco marker (its black border included)
  double marker_gap_mm = 3;  // white space between the frame and a marker
};

// Compact JSON for the QR code, e.g.
// {"app":"wijkatlas","v":1,"id":"K7Q-4M2","prj":"npao","crs":"EPSG:28992",
//  "ext":[191000,443000,192200,443800],"sc":2500,"pap":"A3","or":"landscape",
//  "pg":[420,297],"fr":[25,25,300,247],"mk":[12,3]}
// Numbers are written with at most 0.01 (mm or m) precision to keep the code small.
std::string encode_payload(const SheetInfo& sheet);
// Throws data_error("QR code", ...) naming what is wrong: not JSON, not a wijkatlas sheet,
// an unsupported version, a missing or invalid field.
SheetInfo decode_payload(std::string_view text);

// A new random sheet id, "XXX-XXX" from the Crockford alphabet (no I, L, O, U).
std::string new_sheet_id();
// A typed id made canonical: upper case, spaces and dashes ignored, O→0, I/L→1, dash after three.
// Throws usage_error when it cannot be a sheet id.
std::string normalise_sheet_id(std::string_view typed);

struct MarkerPlacement {
  MarkerPosition position;
  int aruco_id;     // = static_cast<int>(position)
  PageRect square;  // the marker's outer square on the page
};
// The eight markers: corner markers diagonally outside the frame corners, edge markers centred
// on each side, all `marker_gap_mm` clear of the frame. Needs a white quiet zone of at least
// marker_mm / 6 around each square (the page layout keeps it).
std::vector<MarkerPlacement> marker_placements(const SheetInfo& sheet);
// Page room the marker ring needs outside the frame on every side (gap + marker + quiet zone).
double marker_ring_mm(const SheetInfo& sheet);

// Exact page <-> RD New transform of the map frame.
geo::Point page_to_world(const SheetInfo& sheet, double x_mm, double y_mm);
std::array<double, 2> world_to_page(const SheetInfo& sheet, const geo::Point& p);
double metres_per_mm(const SheetInfo& sheet);  // scale / 1000

}  // namespace wijkatlas::sketch
