#pragma once
// Reading a drawn-on sheet back from a phone photo or a scan: QR code -> fiducials ->
// homography photo -> page -> RD New -> flattened, evenly lit page image -> marker ink by
// colour -> polygons, lines and points. OpenCV and zbar stay behind this header.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/geometry.hpp"
#include "wijkatlas/geo/versions.hpp"
#include "wijkatlas/sketch/ink_mark.hpp"
#include "wijkatlas/sketch/sheet_format.hpp"

namespace wijkatlas::sketch {

struct PhotoReadOptions {
  // When the QR code cannot be read: the sheet the user says it is (looked up in the store by
  // its typed id). Without it an unreadable QR code is an error.
  std::optional<SheetInfo> known_sheet;
  // Resolution of the rectified page image the ink is separated on.
  double pixels_per_mm = 4;
  // Called with a step name and a fraction done, for progress bars; may be empty.
  std::function<void(const std::string& step, double fraction)> progress;
};

struct PhotoReading {
  SheetInfo sheet;  // from the QR code (or known_sheet)
  bool sheet_from_qr = false;
  int markers_found = 0;             // of 8
  double reprojection_error_mm = 0;  // RMS of the marker corners after the homography
  std::vector<InkMark> marks;
  std::vector<std::string> warnings;  // e.g. "uneven lighting corrected", "slightly blurry"
};

// Reads one image file (JPEG or PNG; a scanner's PDF page is rasterised first). Throws
// data_error(path, step, message) whose message says what went wrong and what to do, e.g.
// "QR code not found: photograph the whole sheet including the margin",
// "only 3 of 8 markers found: the lower-right corner is outside the photo",
// "image too blurry: hold the camera still or use more light",
// "not a wijkatlas sheet" / "sheet of project 'x', this store belongs to 'npao'".
// OpenCV, zbar and poppler as the photo reader runs with them.
geo::LibraryVersions photo_library_versions();

PhotoReading read_sheet_photo(const std::filesystem::path& image,
                              const PhotoReadOptions& options = {});

}  // namespace wijkatlas::sketch
