// Creating and opening the project store: the schema, and the checks that turn a locked, empty
// or foreign file into a clear message before anything is written.
#include "store_impl.hpp"
#include "wijkatlas/geo/atomic_file.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch {
namespace {
namespace fs = std::filesystem;
using detail::gdal_message;

// A new store is built in a temporary file and renamed into place: never half a schema.
void create_store(const fs::path& path, const std::string& project) {
  geo::AtomicFile file(path);
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) throw output_error(path.string(), "GDAL has no GeoPackage driver");
    GDALDatasetUniquePtr ds(driver->Create(file.temporary_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw output_error(path.string(), "cannot create the store: " + gdal_message("?"));
    OGRLayer* meta = detail::create_table(*ds, path, "wijkatlas_project", wkbNone, {{"key", OFTString, true}, {"value", OFTString}});
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"project", project},
                                     {"format_version", std::to_string(store_format_version)},
                                     {"created_at", detail::utc_now()}}) {
      OGRFeatureUniquePtr f(OGRFeature::CreateFeature(meta->GetLayerDefn()));
      f->SetField("key", key.c_str());
      f->SetField("value", value.c_str());
      if (meta->CreateFeature(f.get()) != OGRERR_NONE) throw output_error(path.string(), "cannot write: " + gdal_message("?"));
    }
    detail::create_table(*ds, path, "sheets", wkbPolygon,
                 {{"id", OFTString, true}, {"project", OFTString}, {"area", OFTString}, {"session", OFTString},
                  {"scale", OFTReal}, {"paper", OFTString}, {"orientation", OFTString}, {"printed_at", OFTString},
                  {"payload", OFTString}});
    detail::create_table(*ds, path, "ingests", wkbNone,
                 {{"id", OFTString, true}, {"sheet_id", OFTString}, {"version", OFTInteger}, {"sha256", OFTString, true},
                  {"file_name", OFTString}, {"source", OFTString}, {"session", OFTString}, {"ingested_at", OFTString},
                  {"features", OFTInteger}, {"superseded", OFTInteger}, {"photo", OFTBinary}});
    detail::create_table(*ds, path, "sketches", wkbUnknown,
                 {{"sheet_id", OFTString}, {"session", OFTString}, {"category", OFTString}, {"kind", OFTString},
                  {"area_m2", OFTReal}, {"length_m", OFTReal}, {"confidence", OFTReal}, {"ingest_id", OFTString},
                  {"version", OFTInteger}, {"source", OFTString}, {"superseded", OFTInteger}, {"crop_png", OFTBinary},
                  {"crop_xmin", OFTReal}, {"crop_ymin", OFTReal}, {"crop_xmax", OFTReal}, {"crop_ymax", OFTReal}});
    detail::add_round_two_schema(*ds, path);
    detail::add_spot_threshold_schema(*ds, path);
    ds->FlushCache();
    if (CPLGetLastErrorType() >= CE_Failure) throw output_error(path.string(), "cannot finish the store: " + gdal_message("?"));
  }
  file.commit();
}

struct ProjectHeader {
  std::string project;
  int version = 0;
};

ProjectHeader read_project(GDALDataset& ds, const fs::path& path) {
  OGRLayer* meta = ds.GetLayerByName("wijkatlas_project");
  if (meta == nullptr || ds.GetLayerByName("sketches") == nullptr || ds.GetLayerByName("sheets") == nullptr ||
      ds.GetLayerByName("ingests") == nullptr) {
    throw io_error(path.string(), "a GeoPackage, but not a wijkatlas project store (no tables wijkatlas_project, sheets, "
                                  "ingests, sketches): choose another --store or a new file name");
  }
  std::string project;
  int version = 0;
  meta->ResetReading();
  for (auto& f : *meta) {
    const std::string key = f->GetFieldAsString("key");
    if (key == "project") project = f->GetFieldAsString("value");
    if (key == "format_version") version = std::atoi(f->GetFieldAsString("value"));
  }
  if (project.empty()) throw io_error(path.string(), "the store names no project (table wijkatlas_project)");
  if (version > store_format_version) {
    throw io_error(path.string(), "store format " + std::to_string(version) + " is newer than this wijkatlas reads (" +
                                      std::to_string(store_format_version) + "): update wijkatlas");
  }
  return {project, version};
}

}  // namespace

ProjectStore ProjectStore::open(const fs::path& path, const std::string& project) {
  GDALAllRegister();
  const detail::QuietGdal quiet;
  std::error_code ec;
  if (!fs::exists(path, ec)) create_store(path, project);
  else if (fs::is_directory(path)) throw usage_error("--store " + path.string() + " is a directory, not a GeoPackage file");
  else if (fs::file_size(path, ec) == 0) {
    throw io_error(path.string(), "the store is an empty file (0 bytes), not a GeoPackage: remove it and wijkatlas makes a new one");
  }
  detail::check_writable(path);
  const char* drivers[] = {"GPKG", nullptr};
  CPLErrorReset();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
  if (!ds) {
    const std::string message = gdal_message("");
    if (message.find("locked") != std::string::npos) detail::fail_write(path, "cannot open");
    throw io_error(path.string(), "not a GeoPackage" + (message.empty() ? std::string() : " (" + message + ")") +
                                      ": choose another --store");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  const ProjectHeader header = read_project(*ds, path);
  impl->project = header.project;
  // An older store is upgraded in place (one transaction): its data stays, new fields are empty.
  detail::upgrade_store(*ds, path, header.version);
  impl->ds = std::move(ds);
  return ProjectStore(std::move(impl));
}

ProjectStore::ProjectStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProjectStore::~ProjectStore() = default;
ProjectStore::ProjectStore(ProjectStore&&) noexcept = default;
ProjectStore& ProjectStore::operator=(ProjectStore&&) noexcept = default;

const std::string& ProjectStore::project() const { return impl_->project; }
const fs::path& ProjectStore::path() const { return impl_->path; }

}  // namespace wijkatlas::sketch
