// The description itself. Reading it top to bottom gives the store's format history: `since`
// is the format that added a table or column, `former` its Dutch name before format 4. Format 5
// added the bookkeeping columns (namespace row) at the end of every data table, and history.
#include "schema.hpp"

#include <array>
#include <string_view>

namespace wijkatlas::store::schema {
namespace {

using enum Type;

constexpr std::array project_columns{
    Column{project::key, text},
    Column{project::value, text},
};
constexpr std::array<const char*, 1> project_unique{project::key};

constexpr std::array sheets_columns{
    Column{sheets::uuid, text, 4, nullptr, Fill::new_uuid},
    Column{sheets::id, text},
    Column{sheets::project, text},
    Column{sheets::area, text},
    Column{sheets::session, text},
    Column{sheets::scale, real},
    Column{sheets::paper, text},
    Column{sheets::orientation, text},
    Column{sheets::printed_at, datetime},
    Column{sheets::payload, text},  // the QR code's JSON: a typed id stands in for a damaged code
    Column{sheets::previous_session, text, 2, "vorige_sessie"},
    Column{row::created_at, datetime, 5, nullptr, Fill::null, sheets::printed_at},
    Column{row::created_by, text, 5, nullptr, Fill::null, nullptr},
    Column{row::updated_at, datetime, 5, nullptr, Fill::null, row::created_at},
    Column{row::updated_by, text, 5, nullptr, Fill::null, row::created_by},
    Column{row::version, integer, 5, nullptr, Fill::one},
};
constexpr std::array<const char*, 2> sheets_unique{sheets::uuid, sheets::id};

constexpr std::array ingests_columns{
    Column{ingests::uuid, text, 4, nullptr, Fill::new_uuid},
    Column{ingests::id, text},
    Column{ingests::sheet_id, text},
    Column{ingests::version, integer},
    Column{ingests::sha256, text},
    Column{ingests::file_name, text},
    Column{ingests::source, text},
    Column{ingests::session, text},
    Column{ingests::ingested_at, datetime},
    Column{ingests::features, integer},
    Column{ingests::superseded, boolean},
    Column{ingests::photo, blob},
    Column{row::created_at, datetime, 5, nullptr, Fill::null, ingests::ingested_at},
    Column{row::created_by, text, 5, nullptr, Fill::null, nullptr},
    Column{row::updated_at, datetime, 5, nullptr, Fill::null, row::created_at},
    Column{row::updated_by, text, 5, nullptr, Fill::null, row::created_by},
    Column{row::version, integer, 5, nullptr, Fill::one},
};
// The content hash is unique: two writers storing the same file at once store it once.
constexpr std::array<const char*, 3> ingests_unique{ingests::uuid, ingests::id, ingests::sha256};

constexpr std::array sketches_columns{
    Column{sketches::uuid, text, 4, nullptr, Fill::new_uuid},
    Column{sketches::number, integer, 4, nullptr, Fill::fid},  // S17: the id people type
    Column{sketches::sheet_id, text},
    Column{sketches::session, text},
    Column{sketches::category, text},
    Column{sketches::kind, text},
    Column{sketches::area_m2, real},
    Column{sketches::length_m, real},
    Column{sketches::confidence, real},
    Column{sketches::ingest_id, text},
    Column{sketches::version, integer},
    Column{sketches::source, text},
    Column{sketches::superseded, boolean},
    Column{sketches::crop_png, blob},
    Column{sketches::crop_xmin, real},
    Column{sketches::crop_ymin, real},
    Column{sketches::crop_xmax, real},
    Column{sketches::crop_ymax, real},
    // The current status, on the sketch itself so that QGIS shows and filters it.
    Column{status::status, text, 2},
    Column{status::note, text, 2, "status_notitie"},
    Column{status::initiative_id, text, 2, "status_initiatief_id"},
    Column{status::initiative, text, 2, "status_initiatief"},
    Column{status::initiative_x, real, 2, "status_initiatief_x"},
    Column{status::initiative_y, real, 2, "status_initiatief_y"},
    Column{status::by, text, 2, "status_door"},
    Column{status::changed_at, datetime, 2, "status_gewijzigd_op"},
    Column{row::created_at, datetime, 5, nullptr, Fill::null, nullptr},
    Column{row::created_by, text, 5, nullptr, Fill::null, nullptr},
    Column{row::updated_at, datetime, 5, nullptr, Fill::null, row::created_at},
    Column{row::updated_by, text, 5, nullptr, Fill::null, row::created_by},
    Column{row::version, integer, 5, nullptr, Fill::one},
};
constexpr std::array<const char*, 2> sketches_unique{sketches::uuid, sketches::number};

constexpr std::array spots_columns{
    Column{spots::uuid, text, 4, nullptr, Fill::new_uuid},
    Column{spots::id, text, 2},  // <session slug>-P01: the id people type
    Column{spots::session, text, 2, "sessie"},
    Column{spots::category, text, 2, "categorie"},
    Column{spots::n, integer, 2},
    Column{spots::n_total, integer, 2, "N_totaal"},
    Column{spots::n_label, text, 2, "n_van_N"},  // "3 van 5", for labels in QGIS
    Column{spots::area_m2, real, 2, "oppervlakte_m2"},
    Column{spots::min_n, integer, 3},
    Column{status::status, text, 2},
    Column{status::note, text, 2, "notitie"},
    Column{status::initiative_id, text, 2, "initiatief_id"},
    Column{status::initiative, text, 2, "initiatief"},
    Column{status::initiative_x, real, 2, "initiatief_x"},
    Column{status::initiative_y, real, 2, "initiatief_y"},
    Column{status::by, text, 2, "door"},
    Column{status::changed_at, datetime, 2, "gewijzigd_op"},
    Column{spots::created_at, datetime, 2, "gemaakt_op"},
    Column{row::created_by, text, 5, nullptr, Fill::null, nullptr},
    Column{row::updated_at, datetime, 5, nullptr, Fill::null, row::created_at},
    Column{row::updated_by, text, 5, nullptr, Fill::null, row::created_by},
    Column{row::version, integer, 5, nullptr, Fill::one},
};
constexpr std::array<const char*, 2> spots_unique{spots::uuid, spots::id};

constexpr std::array status_changes_columns{
    Column{status_changes::uuid, text, 4, nullptr, Fill::new_uuid},
    Column{status_changes::target_kind, text, 2, "soort"},  // plek or schets
    Column{status_changes::target_id, text, 2, "doel_id"},
    Column{status_changes::target_uuid, text, 4},  // empty for changes logged before format 4
    Column{status_changes::session, text, 2, "sessie"},
    Column{status_changes::status, text, 2},
    Column{status_changes::note, text, 2, "notitie"},
    Column{status_changes::initiative_id, text, 2, "initiatief_id"},
    Column{status_changes::initiative, text, 2, "initiatief"},
    Column{status_changes::changed_by, text, 2, "door"},
    Column{status_changes::changed_at, datetime, 2, "gewijzigd_op"},
    Column{row::created_at, datetime, 5, nullptr, Fill::null, status_changes::changed_at},
    Column{row::created_by, text, 5, nullptr, Fill::null, status_changes::changed_by},
    Column{row::updated_at, datetime, 5, nullptr, Fill::null, row::created_at},
    Column{row::updated_by, text, 5, nullptr, Fill::null, row::created_by},
    Column{row::version, integer, 5, nullptr, Fill::one},
};
constexpr std::array<const char*, 1> status_changes_unique{status_changes::uuid};

// Old and new values as text, as the row kept them: the history keeps nothing the row did not.
constexpr std::array history_columns{
    Column{history::uuid, text, 5},
    Column{history::table_name, text, 5},
    Column{history::row_uuid, text, 5},
    Column{history::row_id, text, 5},  // the id people type: S17, a spot's or sheet's id
    Column{history::field, text, 5},
    Column{history::old_value, text, 5},
    Column{history::new_value, text, 5},
    Column{history::row_version, integer, 5},  // the version the change made
    Column{history::changed_at, datetime, 5},
    Column{history::changed_by, text, 5},
};
constexpr std::array<const char*, 1> history_unique{history::uuid};

#define WIJKATLAS_BOOKKEEPING                                                          \
  Column{row::created_at, datetime, 6}, Column{row::created_by, text, 6},              \
      Column{row::updated_at, datetime, 6}, Column{row::updated_by, text, 6}, Column { \
    row::version, integer, 6                                                           \
  }

// Format 6: imported data. Times of the bookkeeping are the import's.
constexpr std::array areas_columns{
    Column{areas::uuid, text, 6},
    Column{areas::level, text, 6},  // buurt, wijk, programma, gemeente
    Column{areas::code, text, 6},   // CBS code; a programme wijk's slug
    Column{areas::name, text, 6},
    Column{areas::ordinal, integer, 6},  // the order within its level, as the hierarchy had it
    Column{areas::wijk_code, text, 6},   // a buurt's wijk, programme wijk and gemeente
    Column{areas::programme_code, text, 6},
    Column{areas::gemeente_code, text, 6},
    Column{areas::boundary_year, integer, 6},
    Column{areas::area_m2, real, 6},
    Column{areas::source, text, 6},         // the file the boundaries came from
    Column{areas::simplified, boolean, 6},  // a generalized extract (maps say so)
    WIJKATLAS_BOOKKEEPING,
};
constexpr std::array<const char*, 1> areas_unique{areas::uuid};

constexpr std::array indicators_columns{
    Column{indicators::uuid, text, 6},
    Column{indicators::table_index, integer, 6},  // which table of the import
    Column{indicators::source, text, 6},          // its file name
    Column{indicators::key_column, text, 6},
    Column{indicators::row_index, integer, 6},
    Column{indicators::code, text, 6},      // the CBS code as written in the table
    Column{indicators::location, text, 6},  // "line 12"
    Column{indicators::measure, text, 6},   // the column as published (AantalInwoners_5)
    Column{indicators::measure_index, integer, 6},
    Column{indicators::numeric, boolean, 6},
    Column{indicators::value, real, 6},       // numeric columns; NULL for missing (CBS sentinels)
    Column{indicators::value_text, text, 6},  // text columns
    WIJKATLAS_BOOKKEEPING,
};
constexpr std::array<const char*, 1> indicators_unique{indicators::uuid};

constexpr std::array initiatives_columns{
    Column{initiatives::uuid, text, 6},
    Column{initiatives::id, text, 6},
    Column{initiatives::name, text, 6},
    Column{initiatives::theme, text, 6},
    Column{initiatives::description, text, 6},
    Column{initiatives::status, text, 6},
    Column{initiatives::start_date, date, 6},
    Column{initiatives::illustrative, boolean, 6},
    Column{initiatives::attributes, text, 6},  // the extra columns as JSON (never personal ones
                                               // unless asked for)
    Column{initiatives::source, text, 6},
    WIJKATLAS_BOOKKEEPING,
};
constexpr std::array<const char*, 1> initiatives_unique{initiatives::uuid};

constexpr std::array assets_columns{
    Column{assets::uuid, text, 6},
    Column{assets::layer, text, 6},      // the name it was imported under
    Column{assets::source_id, text, 6},  // its id in the source (asset_id, id), else the row
    Column{assets::name, text, 6},
    Column{assets::category, text, 6},
    Column{assets::attributes, text, 6},  // the other columns as JSON; the source file is
                                          // the layer's row in imports
    WIJKATLAS_BOOKKEEPING,
};
constexpr std::array<const char*, 1> assets_unique{assets::uuid};

constexpr std::array imports_columns{
    Column{imports::uuid, text, 6},
    Column{imports::id, text, 6},     // "areas", "indicators", "initiatives", "assets LAYER"
    Column{imports::kind, text, 6},   // areas, indicators, initiatives, assets
    Column{imports::layer, text, 6},  // the asset layer's name; "" for the others
    Column{imports::source, text, 6},
    Column{imports::sha256, text, 6},  // of the source files' bytes: unchanged when equal
    Column{imports::rows, integer, 6},
    Column{imports::boundary_year, integer, 6},
    WIJKATLAS_BOOKKEEPING,
};
constexpr std::array<const char*, 2> imports_unique{imports::uuid, imports::id};
#undef WIJKATLAS_BOOKKEEPING

constexpr std::array all_tables{
    Table{project::table, nullptr, 1, 1, Shape::none, project_columns, project_unique},
    Table{sheets::table, nullptr, 1, 4, Shape::polygon, sheets_columns, sheets_unique},
    Table{ingests::table, nullptr, 1, 4, Shape::none, ingests_columns, ingests_unique},
    Table{sketches::table, nullptr, 1, 4, Shape::any, sketches_columns, sketches_unique},
    Table{spots::table, "plekken", 2, 4, Shape::multipolygon, spots_columns, spots_unique},
    Table{status_changes::table, "statuswijzigingen", 2, 4, Shape::none, status_changes_columns,
          status_changes_unique},
    Table{history::table, nullptr, 5, 5, Shape::none, history_columns, history_unique},
    Table{areas::table, nullptr, 6, 6, Shape::multipolygon, areas_columns, areas_unique},
    Table{indicators::table, nullptr, 6, 6, Shape::none, indicators_columns, indicators_unique},
    Table{initiatives::table, nullptr, 6, 6, Shape::point, initiatives_columns, initiatives_unique},
    Table{assets::table, nullptr, 6, 6, Shape::point, assets_columns, assets_unique},
    Table{imports::table, nullptr, 6, 6, Shape::none, imports_columns, imports_unique},
};

}  // namespace

std::span<const Table> tables() {
  return all_tables;
}

bool has_bookkeeping(const Table& table) {
  for (const Column& c : table.columns)
    if (std::string_view(c.name) == row::version) return true;
  return false;
}

}  // namespace wijkatlas::store::schema
