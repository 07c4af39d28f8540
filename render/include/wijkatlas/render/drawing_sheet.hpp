#pragma once
// Drawing sheets: a faded, quiet map that residents draw on with markers, with everything a
// photo of it needs to come back as georeferenced features: fiducials around the map frame, a
// QR code and a typed sheet id in the margin, a printed key of the marker colours.
//
// The renderer knows nothing of the sheet format (wijkatlas::sketch): the caller hands in the
// QR payload and the fiducial cells. Layout is pure arithmetic; painting reuses the map
// painters (base map, areas, labels, grid, scale bar) and fades the map inside the frame.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/landmarks.hpp"
#include "wijkatlas/render/map_frame.hpp"
#include "wijkatlas/render/map_spec.hpp"
#include "wijkatlas/render/output.hpp"
#include "wijkatlas/render/page.hpp"
#include "wijkatlas/render/previous_overlay.hpp"

namespace wijkatlas::render {

// Where everything goes. The margin panel (title, key, session box, scale, QR code) lies
// outside the ring of fiducials around the frame, so nobody's drawing covers a code.
struct SheetLayout {
  RectMm frame;              // the drawable map
  double marker_mm = 12;     // side of one fiducial
  double marker_gap_mm = 3;  // white between frame and fiducial
  double ring_mm = 0;        // gap + marker + quiet zone: page room around the frame
  double text_scale =
      1;  // the margin panel's size: 1 on A3, 2.2 on A1, 3.25 on A0 (read from 1.5 m)
  double map_text_scale = 1;  // names inside the map: 1 up to A3, the root of text_scale above
  RectMm panel;               // right of the frame (landscape) or below it (portrait)
  RectMm header, key, session, furniture, qr;
  RectMm previous;  // free room in the panel for the round-two key block
};

// Throws render_error when the page leaves no room for a frame.
SheetLayout drawing_sheet_layout(const Page& page);

// Sheets run from street scale (1:1,000) to a whole wijk on A0 (1:25,000).
inline constexpr ScaleLimits sheet_scale_limits{1'000, 25'000};

// The frame's world transform: `centre` at 1:`scale` in the layout's frame.
MapFrame drawing_sheet_frame(const SheetLayout& layout, const geo::Point& centre, double scale);

// One printed fiducial: its outer square on the page and its cells, row by row, true = black.
struct SheetFiducial {
  RectMm square;
  std::vector<std::vector<bool>> cells;
};

// The colours a sheet asks residents to use, with the meaning and printed symbol of each; black
// is for writing. Symbols and words make the key usable without telling red from green.
enum class KeySymbol { cross, heart, question, pen };
struct KeyEntry {
  Rgb colour;
  KeySymbol symbol;
  std::string colour_name;  // "rood"
  std::string meaning;      // "probleem"
  std::string hint;         // "wat gaat hier mis?"
};
std::vector<KeyEntry> sheet_key(Language language);

struct DrawingSheetSpec {
  Page page{};
  Language language = Language::nl;
  std::string title;     // "Tekenblad Klarendal"
  std::string subtitle;  // e.g. "Blokgesprek · schaal 1:2.500"
  std::string session;   // printed in the session box; "" leaves a line to write on
  std::string date;      // printed in the session box; "" leaves a line to write on
  geo::Point centre{0, 0};
  double scale = 2500;
  std::vector<MapLayer> layers;  // base map and/or faded area outlines, bottom first
  SheetLandmarks landmarks;
  std::string qr_payload;  // what the QR code carries
  std::string sheet_id;    // printed under the QR code, large, for typing in
  std::vector<SheetFiducial> fiducials;
  std::optional<PreviousOverlay> previous;  // round two: an earlier session, in grey
};

struct DrawingSheetResult {
  SheetLayout layout;
  geo::Box extent;     // RD New metres the frame shows
  int qr_modules = 0;  // side of the QR code in modules (without quiet zone)
  std::size_t labels = 0;
};

// Paints the whole sheet in points (origin top-left), as a PagePainter would.
void paint_drawing_sheet(cairo_t* cr, const DrawingSheetSpec& spec);

// Writes the sheet as PDF (default), SVG or PNG, atomically. Throws render_error when the
// payload does not fit a QR code or the layers cannot be drawn, output_error when the file
// cannot be written.
DrawingSheetResult write_drawing_sheet(const std::filesystem::path& output,
                                       const DrawingSheetSpec& spec, const DocumentInfo& info,
                                       const RasterOptions& raster = {});
// The same to a sink (see write_page).
DrawingSheetResult write_drawing_sheet(const ByteSink& sink, OutputFormat format,
                                       const DrawingSheetSpec& spec, const DocumentInfo& info,
                                       const RasterOptions& raster = {});

}  // namespace wijkatlas::render
