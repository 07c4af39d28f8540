#pragma once
// Where a drawing sheet goes: a centre or box given on the command line (any CRS), or an area
// of the CBS hierarchy by name or code.
#include <string>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/geometry.hpp"

namespace wijkatlas::app {

// "x,y" in `crs`, returned in RD New. Throws usage_error or crs_error naming the option.
geo::Point parse_centre(const std::string& text, const std::string& crs);
// "xmin,ymin,xmax,ymax" in `crs`, returned as the RD New box around it.
geo::Box parse_bbox(const std::string& text, const std::string& crs);

// By CBS code or name, ignoring case. Throws usage_error listing some names when none matches.
const geo::Area& find_area(const geo::AreaHierarchy& hierarchy, const std::string& name_or_code);

}  // namespace wijkatlas::app
