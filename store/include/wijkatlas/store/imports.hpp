#pragma once
// What `store import` puts into a project store (format 6) and what commands read back: the
// area hierarchy with its CBS codes and boundary year, the key-figure tables, the initiative
// registry and asset points. Each part is imported as a whole and replaces what the store had of
// it, or is left as it was when its content hash is the one stored (docs/store.md).
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/geo/indicators.hpp"
#include "wijkatlas/geo/layer.hpp"

namespace wijkatlas::store {

// Where a part came from: the file(s) as given, and the hex SHA-256 of their bytes.
struct ImportSource {
  std::string source;
  std::string sha256;
};

// Every level of a hierarchy as built from the buurten (geo::build_hierarchy): areas in their
// order, buurten with their parents; no indicators (those are a part of their own).
struct ImportedAreas {
  ImportSource from;
  geo::AreaHierarchy hierarchy;
  int boundary_year = 0;  // the year of the CBS boundaries (2024)
};

struct ImportedIndicators {
  ImportSource from;
  std::vector<geo::IndicatorTable> tables;  // in the order they are joined
};

// The registry as read (docs/registry.md): the caller leaves out personal fields unless the
// project is configured for them; the fields beyond the standard ones go into `attributes`.
struct ImportedRegistry {
  ImportSource from;
  geo::Layer layer;
};

// One asset point as stored; the attributes are the source's other columns as a JSON object.
struct AssetRow {
  std::string source_id;
  std::string name;
  std::string category;
  std::string attributes;
  geo::Point point;
};

// A layer of asset points, read in batches so that any number fits in memory: `next` fills
// `rows` (cleared first) with the next batch and returns false when there are no more. It may
// throw (a bad row in the source): the import then stores nothing.
struct ImportedAssets {
  ImportSource from;
  std::string layer;  // the name it is stored under
  std::function<bool(std::vector<AssetRow>& rows)> next;
};

struct ImportBatch {
  std::optional<ImportedAreas> areas;
  std::optional<ImportedIndicators> indicators;
  std::optional<ImportedRegistry> registry;
  std::vector<ImportedAssets> assets;
};

// What happened to one part.
struct ImportedPart {
  std::string kind;        // areas, indicators, initiatives, assets
  std::string name;        // the asset layer's name; the kind for the others
  bool unchanged = false;  // the same content was imported before: nothing written
  std::size_t rows = 0;
  long long version = 0;  // the part's version after the import (1: first import)
};

struct ImportOutcome {
  std::vector<ImportedPart> parts;
};

// What is imported, per part (the rows of table `imports`).
struct ImportRecord {
  std::string kind, name, source, sha256;
  std::size_t rows = 0;
  int boundary_year = 0;
  std::string imported_at, imported_by;
  long long version = 0;
};

// An area hierarchy read back from the store, as geo::build_hierarchy made it.
struct StoredAreas {
  geo::AreaHierarchy hierarchy;
  std::string source;
  int boundary_year = 0;
};

}  // namespace wijkatlas::store
