#pragma once
// OGR geometries <-> wijkatlas geometries. Curves are linearised, Z and M dropped, single
// geometries widened to their multi type.
#include "wijkatlas/support/gdal_handles.hpp"
#include "wijkatlas/support/geo_types.hpp"

namespace wijkatlas::support {

// Returns monostate for a null or empty geometry. Throws std::invalid_argument for a geometry
// collection that mixes dimensions (the caller names the feature in its message).
Geometry from_ogr(const OGRGeometry* geometry);

OgrGeometryPtr to_ogr(const Geometry& geometry);

FieldType field_type_of(OGRFieldType type);
OGRFieldType ogr_field_type(FieldType type);

}  // namespace wijkatlas::support
