#pragma once
// Points of an OGR point layer through GDAL's Arrow stream (OGR_L_GetArrowStream, GDAL 3.6):
// columns in batches, no OGR feature per point.
#include "detail/ogr_open.hpp"
#include "points/source.hpp"

namespace wijkatlas::geo::points_detail {

// nullptr when the layer is not one this source reads exactly as read_layer does: not a point
// layer, a field type it does not convert (date-times, lists, 32-bit floats), an attribute
// filter, or no Arrow stream from the driver.
std::unique_ptr<Source> open_arrow_source(detail::OpenedLayer& opened, const ReadOptions& options,
                                          std::size_t batch_size, SourceHeader& header);

}  // namespace wijkatlas::geo::points_detail
