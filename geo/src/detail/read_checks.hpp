#pragma once
// What every reader of points and features checks in the same words: the CRS a source declares
// or is given, and coordinates that cannot be in the Netherlands.
#include <optional>
#include <string>

#include "wijkatlas/geo/crs.hpp"
#include "wijkatlas/support/gdal_handles.hpp"

namespace wijkatlas::geo::detail {

// The CRS a source declares, as "EPSG:nnnn" where possible, else its WKT; "" when none.
std::string declared_crs(const OGRSpatialReference* srs);

struct SourceCrs {
  std::string crs;                  // normalised, e.g. "EPSG:4326"
  bool declared_by_source = false;  // the file names it (not assumed, not given by the user)
  Transformer to_rd;
};

// The CRS to read `source` in: the one the user assigns, else the declared one, else the
// format's default. Throws crs_error naming the source when there is none or PROJ does not
// know it.
SourceCrs resolve_source_crs(const std::string& source, const std::string& assigned,
                             const std::string& declared, const std::string& fallback);

// Whether a geometry, in RD New, lies inside RD New's area of use.
bool inside_rd_bounds(const Box& rd_envelope);

// Coordinates that land outside the Netherlands after transformation mean a wrong CRS or
// swapped axes; throws a data_error at `where` saying which. `raw` is in the source's CRS.
[[noreturn]] void throw_outside_rd_bounds(const Box& raw, const std::string& where,
                                          const std::string& crs);

}  // namespace wijkatlas::geo::detail
