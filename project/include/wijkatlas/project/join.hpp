#pragma once
// The join use case: points (initiatives, assets, addresses) and indicator tables joined to the
// area hierarchy; counts, sums and rates per buurt, wijk, programme wijk and gemeente
// (docs/join.md). join() computes, write_join() writes: a front end may also show the result.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/geo/join.hpp"
#include "wijkatlas/geo/kept_points.hpp"
#include "wijkatlas/geo/layer.hpp"
#include "wijkatlas/geo/reporter.hpp"
#include "wijkatlas/project/area_source.hpp"

namespace wijkatlas::project {

// Whether the result carries the layer `punten`: every input point with its area codes.
enum class JoinedPoints {
  automatic,  // when there are at most JoinRequest::joined_points_limit points
  always,
  never,  // only the points outside all areas (as their own layer)
  // Not the points but their codes: the table punten_codes (the fid each point has in its
  // source, and its area codes), at any number of points; the points outside as their own layer.
  codes,
};

struct JoinRequest {
  AreaSource source;   // the areas
  std::string store;   // a project store: its imported areas, key figures and initiatives
  std::string points;  // empty: the store's initiatives, else examples/initiatieven_arnhem_oost.csv
  std::string points_layer;
  std::string points_srs;               // CRS of a points source that names none
  std::vector<std::string> indicators;  // empty: the CBS key figures in the data directory
  bool no_indicators = false;
  std::string theme_field = "thema";
  std::string value_field;
  JoinedPoints joined_points = JoinedPoints::automatic;
  // A copy of a million address points costs more than the whole join (SQLite inserts them one
  // by one) and is seldom what is asked; the per-area layers are the product.
  std::size_t joined_points_limit = 100'000;
  unsigned threads = 0;  // 0: all cores
};

// Every point as read and the buurt each fell in (-1: none): the layer punten at any size,
// written without a feature per point.
struct PointsAsRead {
  geo::KeptPoints points;
  std::vector<std::int32_t> buurten;
};

struct JoinResult {
  LoadedAreas areas;  // the areas without their geometries: those are in `layers`
  // One layer per level (buurten, wijken, programmawijken, gemeenten), then the points: `punten`
  // (every point with its codes) or `punten_buiten_gebied` (only those outside every buurt).
  // JoinedPoints::always keeps the points as read where it can: `punten` is then all_points.
  std::vector<geo::Layer> layers;
  std::optional<PointsAsRead> all_points;
  geo::Table table;                            // the per-area figures as one table (the CSV)
  std::vector<geo::WriteOptions::View> views;  // punten_buiten_gebied as a view on punten
  std::size_t points = 0;
  std::size_t outside = 0;
  std::string points_source;            // the points dataset as messages name it
  bool theme_field_missing = false;     // the points have no such field: no counts per theme
  bool joined_points_left_out = false;  // automatic, and more points than the limit
  // JoinedPoints::codes: every point's fid and buurt, written as the table punten_codes.
  std::optional<geo::PointAssignments> point_codes;
};

JoinResult join(const JoinRequest& request, geo::Reporter& reporter);

struct JoinOutputs {
  std::string geopackage;         // the layers
  std::string csv;                // the table; empty: none
  bool include_personal = false;  // also write fields marked personal (contact_*, prive_*)
};

// Checks, before any work is done, that the outputs can be written (format by extension) and
// that none of them is an input or a project store (check_outputs_apart).
void check_join_outputs(const JoinRequest& request, const JoinOutputs& outputs);

// Writes the layers (and views) and the table, each whole or not at all.
void write_join(const JoinResult& result, const JoinOutputs& outputs, geo::Reporter& reporter);

}  // namespace wijkatlas::project
