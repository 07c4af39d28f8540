// The count grid as a GeoTIFF, written through GDAL into a temporary file and renamed.
#include <array>
#include <string>

#include "detail/gdal_handles.hpp"
#include "wijkatlas/geo/atomic_file.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/overlap.hpp"

namespace wijkatlas::geo {

void write_count_geotiff(const std::filesystem::path& path, const CountGrid& grid) {
  detail::ensure_gdal_registered();
  const GridSpec& g = grid.spec;
  AtomicFile file(path);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (driver == nullptr) throw output_error(path.string(), "GDAL has no GTiff driver");
  // Tiled and DEFLATE-compressed: counts are mostly zero, so the file stays small; compression
  // runs on all cores.
  const char* const create_options[] = {"TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=2",
                                        "ZLEVEL=1", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER",
                                        nullptr};
  detail::QuietGdalErrors quiet;
  detail::GdalDataset ds(driver->Create(file.temporary_path().c_str(), g.columns, g.rows, 2,
                                        GDT_UInt16, const_cast<char**>(create_options)));
  if (!ds) throw output_error(path.string(), detail::last_gdal_error("cannot create GeoTIFF"));
  std::array<double, 6> transform{g.x_min, g.cell, 0.0, g.y_max, 0.0, -g.cell};
  ds->SetGeoTransform(transform.data());
  OGRSpatialReference rd;
  rd.importFromEPSG(28992);
  ds->SetSpatialRef(&rd);
  const std::array<const std::vector<std::uint16_t>*, 2> bands{&grid.n, &grid.N};
  const std::array<const char*, 2> names{"n: sheets that marked the cell",
                                         "N: sheets that showed the cell"};
  for (int b = 0; b < 2; ++b) {
    GDALRasterBand* band = ds->GetRasterBand(b + 1);
    band->SetDescription(names[static_cast<std::size_t>(b)]);
    if (band->RasterIO(GF_Write, 0, 0, g.columns, g.rows,
                       const_cast<std::uint16_t*>(bands[static_cast<std::size_t>(b)]->data()),
                       g.columns, g.rows, GDT_UInt16, 0, 0) != CE_None) {
      throw output_error(path.string(), detail::last_gdal_error("writing the count grid failed"));
    }
  }
  // GDAL 3.6 has no GDALDataset::Close() returning a status: closing reports a failed write
  // (disk full) only through the error state, checked before the rename.
  CPLErrorReset();
  ds.reset();
  if (CPLGetLastErrorType() == CE_Failure) {
    throw output_error(path.string(), detail::last_gdal_error("writing the GeoTIFF failed"));
  }
  file.commit();
}

}  // namespace wijkatlas::geo
