#include "wijkatlas/project/ingest_image.hpp"

#include <algorithm>
#include <cctype>

#include "wijkatlas/geo/error.hpp"
#if WIJKATLAS_HAVE_PHOTO
#include "wijkatlas/sketch/photo_reader.hpp"
#endif

namespace wijkatlas::project {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

bool is_image(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".pdf" || ext == ".tif" ||
         ext == ".tiff";
}

#if WIJKATLAS_HAVE_PHOTO
store::IngestBatch read_image(const std::filesystem::path& path,
                              const std::optional<sketch::SheetInfo>& known,
                              geo::Reporter& reporter) {
  sketch::PhotoReadOptions options;
  options.known_sheet = known;
  const sketch::PhotoReading reading = sketch::read_sheet_photo(path, options);
  for (const std::string& w : reading.warnings) reporter.warn(path.filename().string() + ": " + w);
  // A sheet read without a single mark is far more often a photo that failed (light, glare,
  // markers the reader does not know) than a sheet nobody drew on. Refused, it is not recorded
  // as read, so a better photo of it can still be read in.
  if (reading.marks.empty()) {
    throw data_error(
        path.string(), "reading the marks",
        "no marks found on sheet " + reading.sheet.id +
            " (red, green or blue marker ink): nothing was stored; if the sheet was drawn on, "
            "photograph it again in daylight or under a white lamp");
  }
  store::IngestBatch batch;
  batch.sheet = reading.sheet;
  // A phone photo is JPEG; scanners write PNG, PDF or TIFF.
  const std::string ext = lower_extension(path);
  batch.source =
      (ext == ".jpg" || ext == ".jpeg") ? store::SketchSource::foto : store::SketchSource::scan;
  batch.marks = reading.marks;
  return batch;
}
#else
store::IngestBatch read_image(const std::filesystem::path& path,
                              const std::optional<sketch::SheetInfo>&, geo::Reporter&) {
  throw data_error(
      path.string(), "",
      "this wijkatlas was built without the photo reader: read in GeoJSON or GeoPackage drawings, "
      "or build with WIJKATLAS_WITH_PHOTO=ON");
}
#endif

}  // namespace wijkatlas::project
