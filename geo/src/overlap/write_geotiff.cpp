// The count grid as a GeoTIFF, written through GDAL into a temporary file and renamed.
#include <algorithm>
#include <array>
#include <string>

#include "wijkatlas/geo/atomic_file.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/overlap.hpp"
#include "wijkatlas/geo/write_failure.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::geo {

void write_count_geotiff(const std::filesystem::path& path, const CountGrid& grid) {
  support::ensure_gdal_registered();
  const GridSpec& g = grid.spec;
  AtomicFile file(path);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (driver == nullptr) throw output_error(path.string(), "GDAL has no GTiff driver");
  // Tiled, each band on its own (INTERLEAVE=BAND: a tile is compressed once, not read back
  // for the second band), ZSTD with the horizontal predictor on all cores, and tiles that are
  // all zero not written at all (counts are mostly zero). docs/performance.md has the numbers
  // for the alternatives (DEFLATE, LZW).
  constexpr int tile = 512;
  const char* const create_options[] = {
      "TILED=YES",        "BLOCKXSIZE=512", "BLOCKYSIZE=512",
      "INTERLEAVE=BAND",  "COMPRESS=ZSTD",  "ZSTD_LEVEL=1",
      "PREDICTOR=2",      "SPARSE_OK=TRUE", "NUM_THREADS=ALL_CPUS",
      "BIGTIFF=IF_SAFER", nullptr};
  support::QuietGdalErrors quiet;
  support::GdalDataset ds(driver->Create(file.temporary_path().c_str(), g.columns, g.rows, 2,
                                         GDT_UInt16, const_cast<char**>(create_options)));
  if (!ds) throw output_error(path.string(), support::last_gdal_error("cannot create GeoTIFF"));
  std::array<double, 6> transform{g.x_min, g.cell, 0.0, g.y_max, 0.0, -g.cell};
  ds->SetGeoTransform(transform.data());
  OGRSpatialReference rd;
  rd.importFromEPSG(28992);
  ds->SetSpatialRef(&rd);
  const std::array<const std::vector<std::uint16_t>*, 2> bands{&grid.n, &grid.N};
  const std::array<const char*, 2> names{"n: sheets that marked the cell",
                                         "N: sheets that showed the cell"};
  // Block by block straight to the driver (which compresses on its worker threads), not
  // through RasterIO: that copies the whole grid into GDAL's block cache first, which cost
  // more than the compression. Blocks that are all zero are left out (SPARSE_OK).
  std::vector<std::uint16_t> block(static_cast<std::size_t>(tile) * tile);
  for (std::size_t b = 0; b < 2; ++b) {
    GDALRasterBand* band = ds->GetRasterBand(static_cast<int>(b) + 1);
    band->SetDescription(names[b]);
    const std::uint16_t* cells = bands[b]->data();
    for (int by = 0; by * tile < g.rows; ++by) {
      for (int bx = 0; bx * tile < g.columns; ++bx) {
        const int x0 = bx * tile, y0 = by * tile;
        const int w = std::min(tile, g.columns - x0), h = std::min(tile, g.rows - y0);
        bool any = false;
        for (int r = 0; r < tile; ++r) {
          std::uint16_t* row = block.data() + static_cast<std::size_t>(r) * tile;
          if (r < h) {
            const std::uint16_t* from =
                cells + static_cast<std::size_t>(y0 + r) * static_cast<std::size_t>(g.columns) +
                static_cast<std::size_t>(x0);
            std::copy(from, from + w, row);
            std::fill(row + w, row + tile, std::uint16_t{0});
            any = any || std::any_of(from, from + w, [](std::uint16_t v) { return v != 0; });
          } else {
            std::fill(row, row + tile, std::uint16_t{0});
          }
        }
        if (any && band->WriteBlock(bx, by, block.data()) != CE_None) {
          throw output_error(path.string(),
                             could_not_write(write_failure_reason(
                                 file.temporary_path(),
                                 support::last_gdal_error("writing the count grid failed"))));
        }
      }
    }
  }
  // GDAL 3.6 has no GDALDataset::Close() returning a status: closing reports a failed write
  // (disk full) only through the error state, checked before the rename.
  CPLErrorReset();
  ds.reset();
  if (CPLGetLastErrorType() == CE_Failure) {
    throw output_error(path.string(), could_not_write(write_failure_reason(
                                          file.temporary_path(),
                                          support::last_gdal_error("writing the GeoTIFF failed"))));
  }
  file.commit();
}

}  // namespace wijkatlas::geo
