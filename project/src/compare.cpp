#include "wijkatlas/project/compare.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/expand.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "wijkatlas/geo/cbs_measures.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"
#include "wijkatlas/project/area_store.hpp"
#include "wijkatlas/project/map_area_layers.hpp"
#include "wijkatlas/project/map_date.hpp"
#include "wijkatlas/project/per_area_figures.hpp"
#include "wijkatlas/project/store_sketches.hpp"
#include "wijkatlas/render/map_panels.hpp"
#include "wijkatlas/render/output.hpp"

namespace wijkatlas::project {
namespace {

struct Measure {
  std::string key;
  std::string legend;
};

Measure parse_measure(const std::string& name) {
  if (name == "per_1000") return {name, "Tekeningen per 1.000 inwoners"};
  if (name == "bladen") return {name, "Tekeningen die de buurt markeerden"};
  if (name == "procent") return {name, "Procent van de buurt getekend"};
  if (name == "plekken") return {name, "Getekende plekken"};
  throw request_error("measure",
                      "unknown measure '" + name + "' (use per_1000, bladen, procent or plekken)");
}

double measure_value(const geo::SketchAreaStats& s, const std::string& key) {
  if (s.suppressed) return NAN;
  if (key == "per_1000") return s.per_1000.value_or(NAN);
  if (key == "bladen") return static_cast<double>(s.sheets_marked);
  if (key == "procent") return s.marked_share * 100.0;
  return static_cast<double>(s.spots);
}

// The programme's buurten when there is a programme, else every buurt.
std::vector<std::size_t> compared_buurten(const geo::AreaHierarchy& h) {
  std::vector<std::size_t> all, programme;
  const auto& buurten = h.at(geo::Level::buurt);
  for (std::size_t i = 0; i < buurten.size(); ++i) {
    all.push_back(i);
    if (buurten[i].parent[static_cast<std::size_t>(geo::Level::programma)] >= 0)
      programme.push_back(i);
  }
  return programme.empty() ? all : programme;
}

render::AreaLayer choropleth(std::vector<geo::MultiPolygon> shapes, std::vector<std::string> names,
                             std::vector<double> values, const std::string& legend,
                             const std::string& palette, const std::string& attribution,
                             int decimals) {
  render::AreaLayer layer;
  layer.legend_title = legend;
  layer.attribution = attribution;
  layer.shapes = std::move(shapes);
  layer.names = std::move(names);
  layer.outline = {{0x80, 0x80, 0x80}, 0.2};
  layer.label_style.size_pt = 7;
  render::Choropleth ch;
  ch.values = std::move(values);
  ch.method = render::ClassificationMethod::quantile;
  ch.classes = 5;
  ch.palette = palette;
  ch.decimals = decimals;
  layer.choropleth = std::move(ch);
  return layer;
}

render::AreaLayer highlight_layer(const std::vector<geo::MultiPolygon>& shapes,
                                  const CompareResult& result) {
  render::AreaLayer layer;
  layer.legend_title = "Grootste verschil in rang";
  layer.outline = {{0x1a, 0x1a, 0x1a}, 0.9};
  for (std::size_t i = 0; i < result.rows.size(); ++i) {
    if (result.rows[i].disagree) layer.shapes.push_back(shapes[i]);
  }
  return layer;
}

render::MapSpec panel(const std::string& title, const std::string& subtitle,
                      const std::string& date) {
  render::MapSpec spec;
  spec.page.paper = render::Paper::a4;
  spec.page.orientation = render::Orientation::portrait;
  spec.title = title;
  spec.subtitle = subtitle;
  spec.date = date;
  // Half an A3 sheet for all of Arnhem-Oost (9 x 7 km) needs 1:100,000.
  spec.extent.limits = {1'000, 100'000};
  return spec;
}

void write_two_panels(const Comparison& comparison, const CompareOutputs& outputs,
                      geo::Reporter& reporter) {
  const std::vector<geo::MultiPolygon>& shapes = comparison.shapes;
  const std::vector<std::string>& names = comparison.names;
  const CompareResult& result = comparison.ranks;
  const Measure measure{comparison.measure, comparison.measure_legend};
  const std::string& indicator = comparison.indicator;
  std::string date;
  render::DocumentInfo info{.title = "Wat bewoners tekenen en wat de cijfers zeggen",
                            .author = "wijkatlas",
                            .subject = measure.legend + " / " + indicator};
  if (!outputs.no_date) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    info.created = now;
    date = map_date_text(render::Language::nl, std::chrono::floor<std::chrono::days>(now));
  }
  std::vector<double> residents, figures;
  for (const auto& r : result.rows) {
    residents.push_back(r.residents);
    figures.push_back(r.indicator);
  }
  render::MapSpec left = panel("Wat bewoners tekenen", measure.legend, date);
  const int decimals = measure.key == "per_1000" || measure.key == "procent" ? 1 : 0;
  left.layers.emplace_back(choropleth(shapes, names, residents, measure.legend, "YlOrBr",
                                      "CBS, Kadaster, tekeningen van bewoners", decimals));
  left.layers.emplace_back(highlight_layer(shapes, result));
  // A CBS column by its title and unit: "Bevolkingsdichtheid (inwoners per km²)".
  const std::string figure = geo::cbs_measures().label(indicator);
  render::MapSpec right = panel("Wat de cijfers zeggen", figure, date);
  right.layers.emplace_back(
      choropleth(shapes, names, figures, figure, "YlGnBu", "CBS, Kadaster", 1));
  right.layers.emplace_back(highlight_layer(shapes, result));
  for (render::MapSpec* spec : {&left, &right}) {
    auto& values = std::get<render::AreaLayer>(spec->layers.front());
    values.simplified_boundaries = comparison.simplified_boundaries;
    // The streets show through, so that a reader finds the buurten by them.
    if (outputs.base_map.enabled) values.fill_opacity = 0.75;
  }

  // Same buurten, same frame: fit the left panel, then give both its scale and centre.
  std::optional<geo::Box> box;
  for (const auto& s : shapes) {
    const auto b = boost::geometry::return_envelope<geo::Box>(s);
    if (box)
      boost::geometry::expand(*box, b);
    else
      box = b;
  }
  // The scale that fits the buurten in half a sheet, rounded up to 5,000: the round series
  // (1, 2, 2.5, 5 x 10^k) would jump from 1:50,000 to 1:100,000 and waste half the frame.
  const render::RectMm frame = render::map_page_layout(left.page).map;
  constexpr double margin_mm = 5;
  const double needed =
      1000.0 *
      std::max((box->max_corner().x() - box->min_corner().x()) / (frame.width - 2 * margin_mm),
               (box->max_corner().y() - box->min_corner().y()) / (frame.height - 2 * margin_mm));
  const double scale = std::max(1000.0, std::ceil(needed / 5000.0) * 5000.0);
  for (render::MapSpec* spec : {&left, &right}) {
    spec->extent.centre = geo::Point((box->min_corner().x() + box->max_corner().x()) / 2,
                                     (box->min_corner().y() + box->max_corner().y()) / 2);
    spec->extent.scale = scale;
  }
  // The same streets under both panels: read once, shared.
  add_base_map_under(left, outputs.base_map, reporter);
  if (std::holds_alternative<render::BaseMapLayer>(left.layers.front()))
    right.layers.insert(right.layers.begin(), left.layers.front());
  const render::MapPlan left_plan = render::plan_map(left), right_plan = render::plan_map(right);
  render::Page sheet;
  sheet.paper = render::Paper::a3;
  sheet.orientation = render::Orientation::landscape;
  const std::vector<render::MapPanel> panels{{&left, &left_plan, {0, 0}},
                                             {&right, &right_plan, {210, 0}}};
  render::write_map_panels(outputs.map, sheet, panels, info);
}

}  // namespace

void check_compare_request(const CompareRequest& request) {
  parse_measure(request.measure);
  check_sketch_category(request.category);
  if (request.indicator.empty()) {
    throw request_error("indicator", "name a CBS key figure, e.g. Bevolkingsdichtheid_34");
  }
}

Comparison compare(store::ProjectStore& store, const CompareRequest& request,
                   geo::Reporter& reporter) {
  check_compare_request(request);
  const Measure measure = parse_measure(request.measure);
  const StoredSketches stored = load_stored_sketches(store, request.category);
  LoadedAreas areas = load_areas(store, request.source, reporter);
  add_indicators(areas, request.indicators, true, reporter);
  const geo::AreaHierarchy& h = areas.hierarchy;

  // The indicator as the map layer reads it: a missing field stops here, before any work.
  render::LayerDefinition definition;
  definition.type = render::LayerType::choropleth;
  definition.level = "buurt";
  definition.value_field = request.indicator;
  const auto layer = std::get<render::AreaLayer>(
      area_layer_from_hierarchy(h, definition, [](const std::string&, const std::string& message) {
        throw request_error("indicator", message);
      }));

  geo::OverlapOptions overlap_options;
  const auto dissolved = geo::dissolve_sheets(stored.sheets, overlap_options, reporter);
  const PerAreaFigures figures = compute_per_area(dissolved, h, request.min_sheets);

  Comparison out;
  out.measure = measure.key;
  out.measure_legend = measure.legend;
  out.indicator = request.indicator;
  out.simplified_boundaries = h.simplified_boundaries;
  std::vector<CompareRow> rows;
  for (const std::size_t i : compared_buurten(h)) {
    const geo::Area& a = h.at(geo::Level::buurt)[i];
    CompareRow row;
    row.code = a.code;
    row.naam = a.naam;
    row.suppressed = figures.buurten[i].suppressed;
    row.residents = measure_value(figures.buurten[i], measure.key);
    row.indicator = layer.choropleth->values[i];
    if (std::isnan(row.indicator)) out.missing.push_back(a.naam.empty() ? a.code : a.naam);
    rows.push_back(std::move(row));
    out.shapes.push_back(a.geometry);
    out.names.push_back(a.naam);
  }
  if (!out.missing.empty()) {
    std::string list;
    for (std::size_t i = 0; i < out.missing.size() && i < 8; ++i)
      list += (i ? ", " : "") + out.missing[i];
    reporter.warn(request.indicator + " is missing for " + std::to_string(out.missing.size()) +
                  " of " + std::to_string(rows.size()) + " buurten (" + list +
                  (out.missing.size() > 8 ? ", ..." : "") +
                  "): shown as no data and left out of the ranks");
  }
  out.ranks = compare_ranks(std::move(rows), request.highlight);
  return out;
}

void write_compare(const Comparison& comparison, const CompareOutputs& outputs,
                   geo::Reporter& reporter) {
  geo::write_csv(outputs.csv,
                 compare_table(comparison.ranks, comparison.measure, comparison.indicator));
  if (outputs.map.empty()) return;
  try {
    write_two_panels(comparison, outputs, reporter);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(outputs.csv, ec);  // nothing half-written
    throw;
  }
}

}  // namespace wijkatlas::project
