#pragma once
// The page model: ISO paper, orientation, margins and raster resolution. Pure values, no Cairo.
// Page coordinates have their origin at the top-left corner of the paper, y pointing down.
#include <string>
#include <string_view>

namespace wijkatlas::render {

enum class Paper { a4, a3, a2, a1, a0 };
enum class Orientation { portrait, landscape };

struct SizeMm {
  double width = 0;
  double height = 0;
};

// A position on the page in millimetres (origin top-left, y down).
struct PaperPoint {
  double x_mm = 0;
  double y_mm = 0;
};

// A rectangle on the page in millimetres (top-left corner, y down).
struct RectMm {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

struct Margins {
  double top = 10;
  double right = 10;
  double bottom = 10;
  double left = 10;
};

struct PixelSize {
  int width = 0;
  int height = 0;
};

struct Page {
  Paper paper = Paper::a4;
  Orientation orientation = Orientation::portrait;
  Margins margins{};  // millimetres
  double dpi = 300;   // raster outputs only; like QGIS layouts

  // The sheet, e.g. 210 x 297 mm for A4 portrait, sides swapped for landscape.
  SizeMm size_mm() const;
  // The area inside the margins. Throws render_error when the margins leave no room.
  RectMm content_mm() const;
  // Pixels of the whole sheet at `dpi` (rounded to the nearest pixel).
  PixelSize raster_size() const;
  // Throws render_error for a non-positive dpi, negative margins or margins that leave no room.
  void validate() const;
};

// "A4" / "a4" -> Paper::a4; throws render_error naming the accepted values otherwise.
Paper parse_paper(std::string_view name);
std::string_view to_string(Paper paper);
Orientation parse_orientation(std::string_view name);  // "portrait" or "landscape"

}  // namespace wijkatlas::render
