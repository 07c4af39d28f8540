// Store format 2 (round two): status fields on sketches, the plekken and statuswijzigingen
// tables, and the previous session a sheet shows. Format 3: the --min-n each spot was made
// with. An older store is upgraded in place, in one SQLite transaction: afterwards it is a
// store of the current format, or (on any failure) untouched.
#include "store_gdal.hpp"
#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch::detail {
namespace {

OGRLayer& existing(GDALDataset& ds, const std::filesystem::path& path, const char* name) {
  OGRLayer* layer = ds.GetLayerByName(name);
  if (layer == nullptr) throw io_error(path.string(), std::string("the store has no table '") + name + "'");
  return *layer;
}

}  // namespace

void add_round_two_schema(GDALDataset& ds, const std::filesystem::path& path) {
  add_fields(existing(ds, path, "sheets"), path, {{"vorige_sessie", OFTString}});
  // The current status of each sketch, on the sketch itself so that QGIS shows and filters it.
  add_fields(existing(ds, path, "sketches"), path,
             {{"status", OFTString}, {"status_notitie", OFTString}, {"status_initiatief_id", OFTString},
              {"status_initiatief", OFTString}, {"status_initiatief_x", OFTReal}, {"status_initiatief_y", OFTReal},
              {"status_door", OFTString}, {"status_gewijzigd_op", OFTString}});
  create_table(ds, path, "plekken", wkbMultiPolygon,
               {{"id", OFTString, true}, {"sessie", OFTString}, {"categorie", OFTString}, {"n", OFTInteger},
                {"N_totaal", OFTInteger}, {"n_van_N", OFTString}, {"oppervlakte_m2", OFTReal}, {"status", OFTString},
                {"notitie", OFTString}, {"initiatief_id", OFTString}, {"initiatief", OFTString},
                {"initiatief_x", OFTReal}, {"initiatief_y", OFTReal}, {"door", OFTString}, {"gewijzigd_op", OFTString},
                {"gemaakt_op", OFTString}});
  // Every change, never updated: who set what when, also after a spot was made again.
  create_table(ds, path, "statuswijzigingen", wkbNone,
               {{"soort", OFTString}, {"doel_id", OFTString}, {"sessie", OFTString}, {"status", OFTString},
                {"notitie", OFTString}, {"initiatief_id", OFTString}, {"initiatief", OFTString}, {"door", OFTString},
                {"gewijzigd_op", OFTString}});
}

void add_spot_threshold_schema(GDALDataset& ds, const std::filesystem::path& path) {
  add_fields(existing(ds, path, "plekken"), path, {{"min_n", OFTInteger}});
}

void upgrade_store(GDALDataset& ds, const std::filesystem::path& path, int from) {
  if (from >= store_format_version) return;
  try {
    Transaction transaction(ds, path);
    if (from < 2) add_round_two_schema(ds, path);
    if (from < 3) add_spot_threshold_schema(ds, path);
    execute(ds, path,
            "UPDATE wijkatlas_project SET value = '" + std::to_string(store_format_version) + "' WHERE key = 'format_version'");
    transaction.commit();
  } catch (const io_error& e) {
    // Say that it was the upgrade, and that the store is as it was (the transaction rolled back).
    std::string why = e.what();
    if (const std::string prefix = path.string() + ": "; why.starts_with(prefix)) why.erase(0, prefix.size());
    throw output_error(path.string(), "cannot upgrade the store from format " + std::to_string(from) + " to " +
                                          std::to_string(store_format_version) + " (it is left unchanged): " + why);
  }
}

}  // namespace wijkatlas::sketch::detail
