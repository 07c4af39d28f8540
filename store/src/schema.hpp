#pragma once
// The store's schema as data: every table with its columns, types, unique constraints and
// history. Creating a store, upgrading an older one and reading rows all use this one
// description; the readers name columns by the constants below, never by literals.
//
// One language: every table and column name is English (lower case, so that PostgreSQL keeps
// them as they are); the values people read (categories, statuses, "vlak", "foto") stay Dutch.
// Formats 1-3 had Dutch names in round two's tables; `former` keeps them for the upgrade.
#include <span>

namespace wijkatlas::store::schema {

enum class Type { text, integer, real, boolean, datetime, blob, date };
enum class Shape { none, polygon, multipolygon, any, point };  // the geometry column, EPSG:28992

// How an upgrade fills a column that the older table did not have.
enum class Fill { null, new_uuid, fid, one };

struct Column {
  const char* name;
  Type type;
  int since = 1;                 // the format that added it
  const char* former = nullptr;  // its name in formats before 4, when it differed
  Fill fill = Fill::null;
  const char* fill_from = nullptr;  // an upgrade copies this (current) column into it
};

struct Table {
  const char* name;
  const char* former;  // its name in formats before 4, when it differed (nullptr)
  int since;           // the format that added it
  int changed_in;      // the last format that changed its columns other than by adding some at
                       // the end (an upgrade rebuilds it); columns added at the end (`since`)
                       // are added in place, on every backend alike
  Shape geometry;
  std::span<const Column> columns;
  std::span<const char* const> unique;  // unique constraints, each a column list
};

inline constexpr const char* fid =
    "fid";  // OGR's row id: internal, never shown or copied across backends
inline constexpr const char* geom = "geom";  // the geometry column of tables that have one

// The bookkeeping every row of the data tables carries (format 5): who made it and when, who
// changed it last and when (a role or session name, never a resident's), and its version, which
// grows by one on every change: a change carries the version it was based on and is written
// only when the row still has it (compare-and-set). `row_version`, because sketches and ingests
// have a `version` already: the nth photo of a sheet.
namespace row {
inline constexpr const char *created_at = "created_at", *created_by = "created_by",
                            *updated_at = "updated_at", *updated_by = "updated_by",
                            *version = "row_version";
}  // namespace row

namespace project {  // key/value: the project's name, uuid, format version, creation time
inline constexpr const char* table = "wijkatlas_project";
inline constexpr const char *key = "key", *value = "value";
inline constexpr const char *key_project = "project", *key_uuid = "uuid",
                            *key_format = "format_version", *key_created_at = "created_at";
}  // namespace project

namespace sheets {  // one row per printed sheet; geometry: the map extent
inline constexpr const char* table = "sheets";
inline constexpr const char *uuid = "uuid", *id = "id", *project = "project", *area = "area",
                            *session = "session", *scale = "scale", *paper = "paper",
                            *orientation = "orientation", *printed_at = "printed_at",
                            *payload = "payload", *previous_session = "previous_session";
}  // namespace sheets

namespace ingests {  // one row per file read in
inline constexpr const char* table = "ingests";
inline constexpr const char *uuid = "uuid", *id = "id", *sheet_id = "sheet_id",
                            *version = "version", *sha256 = "sha256", *file_name = "file_name",
                            *source = "source", *session = "session", *ingested_at = "ingested_at",
                            *features = "features", *superseded = "superseded", *photo = "photo";
}  // namespace ingests

namespace sketches {  // the features read from drawings, with their status
inline constexpr const char* table = "sketches";
inline constexpr const char *uuid = "uuid", *number = "number", *sheet_id = "sheet_id",
                            *session = "session", *category = "category", *kind = "kind",
                            *area_m2 = "area_m2", *length_m = "length_m",
                            *confidence = "confidence", *ingest_id = "ingest_id",
                            *version = "version", *source = "source", *superseded = "superseded",
                            *crop_png = "crop_png", *crop_xmin = "crop_xmin",
                            *crop_ymin = "crop_ymin", *crop_xmax = "crop_xmax",
                            *crop_ymax = "crop_ymax";
}  // namespace sketches

// The status fields, the same on sketches and spots.
namespace status {
inline constexpr const char *status = "status", *note = "status_note",
                            *initiative_id = "status_initiative_id",
                            *initiative = "status_initiative",
                            *initiative_x = "status_initiative_x",
                            *initiative_y = "status_initiative_y", *by = "status_by",
                            *changed_at = "status_changed_at";
}  // namespace status

namespace spots {  // round two: the spots of a session
inline constexpr const char* table = "spots";
inline constexpr const char *uuid = "uuid", *id = "id", *session = "session",
                            *category = "category", *n = "n", *n_total = "n_total",
                            *n_label = "n_label", *area_m2 = "area_m2", *min_n = "min_n",
                            *created_at = "created_at";
}  // namespace spots

namespace status_changes {  // round two: every status change, never updated
inline constexpr const char* table = "status_changes";
inline constexpr const char *uuid = "uuid", *target_kind = "target_kind", *target_id = "target_id",
                            *target_uuid = "target_uuid", *session = "session", *status = "status",
                            *note = "note", *initiative_id = "initiative_id",
                            *initiative = "initiative", *changed_by = "changed_by",
                            *changed_at = "changed_at";
}  // namespace status_changes

namespace history {  // every change of a row, never updated (format 5)
inline constexpr const char* table = "history";
inline constexpr const char *uuid = "uuid", *table_name = "table_name", *row_uuid = "row_uuid",
                            *row_id = "row_id", *field = "field", *old_value = "old_value",
                            *new_value = "new_value", *row_version = "row_version",
                            *changed_at = "changed_at", *changed_by = "changed_by";
// `field` of a row made or removed: the row's id is the new or old value.
inline constexpr const char *created = "(nieuw)", *removed = "(verwijderd)";
}  // namespace history

// ---- format 6: what `store import` loads from the data directory, so that a team shares one
// version of the areas and figures (docs/store.md). Each import of a part (the areas, the key
// figures, the registry, one asset layer) replaces that part's rows as one change: the part's
// row in `imports` gets a new version, and history one entry; the rows themselves carry the
// bookkeeping but no history of their own (a million points would give a million entries).
namespace areas {  // every level of the hierarchy the project uses; geometry: the boundary
inline constexpr const char* table = "areas";
inline constexpr const char *uuid = "uuid", *level = "level", *code = "code", *name = "name",
                            *ordinal = "ordinal", *wijk_code = "wijk_code",
                            *programme_code = "programme_code", *gemeente_code = "gemeente_code",
                            *boundary_year = "boundary_year", *area_m2 = "area_m2",
                            *source = "source", *simplified = "simplified";
}  // namespace areas

namespace indicators {  // key figures per CBS code, one row per value (a table's cell)
inline constexpr const char* table = "indicators";
inline constexpr const char *uuid = "uuid", *table_index = "table_index", *source = "source",
                            *key_column = "key_column", *row_index = "row_index", *code = "code",
                            *location = "location", *measure = "measure",
                            *measure_index = "measure_index", *numeric = "numeric",
                            *value = "value", *value_text = "value_text";
}  // namespace indicators

namespace initiatives {  // the initiative registry (docs/registry.md), without personal fields
inline constexpr const char* table = "initiatives";
inline constexpr const char *uuid = "uuid", *id = "id", *name = "naam", *theme = "thema",
                            *description = "omschrijving", *status = "status",
                            *start_date = "startdatum", *illustrative = "illustratief",
                            *attributes = "attributes", *source = "source";
}  // namespace initiatives

namespace assets {  // asset points (schools, libraries, ...), one layer per import
inline constexpr const char* table = "assets";
inline constexpr const char *uuid = "uuid", *layer = "layer", *source_id = "source_id",
                            *name = "name", *category = "category", *attributes = "attributes";
}  // namespace assets

namespace imports {  // one row per imported part: what, from where, its content hash
inline constexpr const char* table = "imports";
inline constexpr const char *uuid = "uuid", *id = "id", *kind = "kind", *layer = "layer",
                            *source = "source", *sha256 = "sha256", *rows = "rows",
                            *boundary_year = "boundary_year";
}  // namespace imports

// Every table, in the order they are created.
std::span<const Table> tables();
// Whether `table` has the bookkeeping columns of namespace row.
bool has_bookkeeping(const Table& table);

}  // namespace wijkatlas::store::schema
