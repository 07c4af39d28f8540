// `wijkatlas sheet`: a drawing sheet for a blokgesprek or tafelgesprek, recorded in the
// project store so that photos of it come back to the right place.
#include <ostream>

#include "store_options.hpp"
#include "wijkatlas/app/commands.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/output_check.hpp"
#include "wijkatlas/project/session_spots.hpp"
#include "wijkatlas/project/sheet.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/map_plan.hpp"
#include "wijkatlas/store/project_store.hpp"

namespace wijkatlas::app {

SheetSummary run_sheet(const SheetOptions& o, geo::Reporter& reporter, std::ostream& out) {
  try {
    render::output_format_for(o.output);
  } catch (const render_error& e) {
    throw usage_error(std::string("-o: ") + e.what());
  }
  // Where and at what scale first: a mistyped place or CRS makes no store. Then the store,
  // before the base map and the rendering: a locked or foreign store fails before that work.
  std::vector<project::NamedPath> inputs = project::inputs_of(o.areas);
  inputs.push_back({"store", o.store});
  inputs.push_back({"basemap", o.basemap});
  project::check_outputs_apart({{"output", o.output}}, inputs);
  // An existing store's imported areas, read before anything is written (none: files).
  std::optional<store::ProjectStore> areas_store;
  try {
    store::OpenOptions reading;
    reading.check_writable = false;
    areas_store.emplace(store::ProjectStore::open(o.store, reading));
  } catch (const store::store_error& e) {
    if (e.kind() != store::ErrorKind::not_found) throw;
  }
  const project::SheetPlace place =
      project::locate_sheet(o, areas_store ? &*areas_store : nullptr, reporter);
  areas_store.reset();
  store::ProjectStore store = store::ProjectStore::open_or_create(o.store, "npao", store_options());
  std::vector<sketch::SpotRecord> previous_spots;
  if (!o.previous.empty()) {
    // The previous session's spots, made and kept in the store when they do not exist yet, so
    // that the ids printed in grey are the ones `status` lists.
    previous_spots =
        project::session_spots(store, o.previous, o.previous_min_n, false, reporter).spots;
  }
  const project::PreparedSheet sheet =
      project::prepare_sheet(store, o, place, previous_spots, reporter);
  project::write_sheet(store, sheet, o.output, o.no_date);

  const sketch::SheetInfo& info = sheet.record.sheet;
  SheetSummary summary{o.output, info.id, info.scale};
  out << "tekenblad geschreven: " << o.output
      << " (schaal 1:" << render::format_number(info.scale, 0, render::Language::nl) << ", "
      << info.paper << (info.orientation == "landscape" ? " liggend" : " staand") << ")\n";
  if (!o.previous.empty()) out << "met de plekken van sessie '" << o.previous << "' in grijs\n";
  out << "blad-id: " << info.id << " (vastgelegd in " << o.store << ")\n";
  return summary;
}

}  // namespace wijkatlas::app
