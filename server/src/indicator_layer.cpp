#include "indicator_layer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "wijkatlas/geo/cbs_measures.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/render/map_plan.hpp"
#include "wijkatlas/render/map_spec.hpp"
#include "wijkatlas/render/palette.hpp"
#include "wijkatlas/render/style.hpp"

namespace wijkatlas::server {
namespace {

using nlohmann::json;

constexpr double no_data = std::numeric_limits<double>::quiet_NaN();

std::string title_of(const std::string& column) {
  if (column == "inwoners") return "Inwoners (aantal)";
  if (column == "dichtheid") return "Bevolkingsdichtheid (inwoners per km²)";
  return geo::cbs_measures().label(column);
}

IndicatorValues values_of(const geo::AreaHierarchy& h, geo::Level level, const char* layer) {
  IndicatorValues out;
  out.layer = layer;
  const std::vector<geo::Area>& areas = h.at(level);
  for (const geo::Area& a : areas) out.codes.push_back(a.code);
  const auto add = [&](const std::string& column, std::vector<double> values) {
    // A measure needs two different numbers (a column of one year is no figure to map).
    const auto first =
        std::find_if(values.begin(), values.end(), [](double v) { return !std::isnan(v); });
    const bool varies = first != values.end() && std::any_of(first, values.end(), [&](double v) {
                          return !std::isnan(v) && v != *first;
                        });
    if (!varies || out.columns.count(column) != 0) return;
    // The same figures or title twice (inwoners and CBS's AantalInwoners, our dichtheid and
    // CBS's Bevolkingsdichtheid) would be one choice shown twice.
    const std::string title = title_of(column);
    for (const auto& m : out.measures)
      if (m["titel"] == title) return;
    for (const auto& [name, known] : out.columns) {
      if (std::equal(known.begin(), known.end(), values.begin(), values.end(),
                     [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }))
        return;
    }
    out.measures.push_back({{"kolom", column}, {"titel", title}});
    out.columns.emplace(column, std::move(values));
  };
  for (const std::string& column : h.indicator_columns[static_cast<std::size_t>(level)]) {
    std::vector<double> values;
    for (const geo::Area& a : areas) {
      const auto it = a.indicators.find(column);
      const std::optional<double> v =
          it == a.indicators.end() ? std::nullopt : geo::as_number(it->second);
      values.push_back(v.value_or(no_data));
    }
    add(column, std::move(values));
  }
  // Ours where CBS gives none (a key-figures table without them).
  std::vector<double> people, density;
  for (const geo::Area& a : areas) {
    people.push_back(a.inwoners.value_or(no_data));
    const double land = a.land_m2.value_or(a.area_m2);
    density.push_back(a.inwoners && land > 0 ? *a.inwoners / (land / 1e6) : no_data);
  }
  add("inwoners", std::move(people));
  add("dichtheid", std::move(density));
  return out;
}

// Decimals enough to tell the classes apart: none for whole numbers and wide ranges (1.234),
// one for ranges of tens (12,5), two below that (0,35).
int decimals_for(const std::vector<double>& breaks) {
  if (breaks.empty()) return 0;
  const bool whole = std::all_of(breaks.begin(), breaks.end(),
                                 [](double b) { return std::abs(b - std::round(b)) < 1e-9; });
  const double span = breaks.back() - breaks.front();
  if (whole || span >= 100) return 0;
  return span >= 10 ? 1 : 2;
}

}  // namespace

std::vector<IndicatorValues> indicator_values(const geo::AreaHierarchy& hierarchy) {
  return {values_of(hierarchy, geo::Level::buurt, "buurten"),
          values_of(hierarchy, geo::Level::wijk, "wijken")};
}

std::optional<render::ClassificationMethod> parse_indeling(const std::string& text) {
  if (text == "kwantiel") return render::ClassificationMethod::quantile;
  if (text == "gelijke_intervallen") return render::ClassificationMethod::equal_interval;
  if (text == "natuurlijke_grenzen") return render::ClassificationMethod::natural_breaks;
  return std::nullopt;
}

json classed_measure(const IndicatorValues& v, const std::string& measure,
                     render::ClassificationMethod method, std::size_t classes) {
  const auto it = v.columns.find(measure);
  if (it == v.columns.end())
    throw request_error("maat", "de laag " + v.layer + " heeft geen cijfer '" + measure + "'");
  const std::vector<double>& values = it->second;
  const render::Classification c = render::classify(values, classes, method);
  const std::vector<render::Rgb> colours =
      render::class_colours(render::default_sequential_palette, c.class_count());
  const render::ClassCounts counts = c.counts(values);
  const int decimals = decimals_for(c.breaks);

  json per_area = json::object(), value_of = json::object();
  for (std::size_t i = 0; i < v.codes.size(); ++i) {
    const auto k = c.class_of(values[i]);
    per_area[v.codes[i]] = k ? json(*k) : json(nullptr);
    value_of[v.codes[i]] = std::isnan(values[i]) ? json(nullptr) : json(values[i]);
  }
  json legend = json::array();
  for (std::size_t k = 0; k < c.class_count(); ++k) {
    legend.push_back(
        {{"label", render::format_number(c.breaks[k], decimals, render::Language::nl) + " – " +
                       render::format_number(c.breaks[k + 1], decimals, render::Language::nl)},
         {"kleur", render::to_hex(colours[k])},
         {"aantal", counts.per_class[k]}});
  }
  if (counts.no_data > 0) {
    legend.push_back(
        {{"label", "Geen gegevens"}, {"kleur", "#ffffff"}, {"aantal", counts.no_data}});
  }
  const char* indeling = method == render::ClassificationMethod::quantile ? "kwantiel"
                         : method == render::ClassificationMethod::equal_interval
                             ? "gelijke_intervallen"
                             : "natuurlijke_grenzen";
  return {{"laag", v.layer},
          {"maat", measure},
          {"titel", title_of(measure)},
          {"indeling", indeling},
          {"klassen", std::move(per_area)},
          {"waarden", std::move(value_of)},
          {"legenda", std::move(legend)},
          {"geen_gegevens", counts.no_data},
          {"bron", "CBS, Kerncijfers wijken en buurten 2024"}};
}

}  // namespace wijkatlas::server
