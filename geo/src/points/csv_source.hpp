#pragma once
// Points of a CSV with x/y or lon/lat columns, parsed straight from the file: no OGR feature
// per row, and only the columns asked for kept as text.
#include "detail/ogr_open.hpp"
#include "points/source.hpp"

namespace wijkatlas::geo::points_detail {

// nullptr when read_layer would read the file otherwise: WKT or no location columns, an
// attribute filter, a .csvt file with column types, or a header GDAL splits differently.
std::unique_ptr<Source> open_csv_source(const detail::OpenedLayer& opened,
                                        const std::filesystem::path& path,
                                        const ReadOptions& options, std::size_t batch_size,
                                        SourceHeader& header);

}  // namespace wijkatlas::geo::points_detail
