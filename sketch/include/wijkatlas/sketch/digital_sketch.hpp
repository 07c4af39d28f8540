#pragma once
// Drawings made on a screen (QGIS, a browser) instead of paper: GeoJSON or GeoPackage features
// with a colour category become the same marks a photo gives, so both land in the store alike.
#include <filesystem>
#include <vector>

#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/sketch/photo_reader.hpp"

namespace wijkatlas::sketch {

// Fields that may hold the category, in this order (any case): categorie, category, kleur,
// colour, color, soort.
// Values: probleem/rood/red/problem, fijne_plek/fijne plek/groen/green, idee/wens/blauw/blue.
//
// Polygons become areas (self-crossing ones are repaired with a warning naming the feature),
// lines become lines, points (and each point of a multipoint) points; confidence 1.
// Throws data_error naming the file and feature for a missing or unknown category, io_error
// when the file is not a GeoJSON or GeoPackage GDAL can read.
std::vector<InkMark> read_digital_sketch(const std::filesystem::path& path,
                                         geo::Reporter& reporter);

// Whether the file name says GeoJSON or GeoPackage (.geojson, .json, .gpkg).
bool is_digital_sketch_file(const std::filesystem::path& path);

}  // namespace wijkatlas::sketch
