#pragma once
// Where a drawing sheet goes: a centre or box given on the command line (any CRS), or an area
// of the CBS hierarchy by name or code.
#include <string>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::project {

// "x,y" in `crs`, returned in RD New. Throws usage_error or crs_error naming the option.
geo::Point parse_centre(const std::string& text, const std::string& crs);
// "xmin,ymin,xmax,ymax" in `crs`, returned as the RD New box around it.
geo::Box parse_bbox(const std::string& text, const std::string& crs);

}  // namespace wijkatlas::project
