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
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

bool is_image(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".pdf" || ext == ".tif" || ext == ".tiff";
}

#if WIJKATLAS_HAVE_PHOTO
sketch::IngestBatch read_image(const std::filesystem::path& path, const std::optional<sketch::SheetInfo>& known,
                               geo::Reporter& reporter) {
  sketch::PhotoReadOptions options;
  options.known_sheet = known;
  const sketch::PhotoReading reading = sketch::read_sheet_photo(path, options);
  for (const std::string& w : reading.warnings) reporter.warn(path.filename().string() + ": " + w);
  sketch::IngestBatch batch;
  batch.sheet = reading.sheet;
  // A phone photo is JPEG; scanners write PNG, PDF or TIFF.
  const std::string ext = lower_extension(path);
  batch.source = (ext == ".jpg" || ext == ".jpeg") ? sketch::SketchSource::foto : sketch::SketchSource::scan;
  batch.marks = reading.marks;
  return batch;
}
#else
sketch::IngestBatch read_image(const std::filesystem::path& path, const std::optional<sketch::SheetInfo>&, geo::Reporter&) {
  throw data_error(path.string(), "", "this wijkatlas was built without the photo reader: read in GeoJSON or GeoPackage drawings, "
                                      "or build with WIJKATLAS_WITH_PHOTO=ON");
}
#endif

}  // namespace wijkatlas::project
