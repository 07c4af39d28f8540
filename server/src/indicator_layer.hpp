#pragma once
// The key figures of the areas as the page's choropleth (issue 14): per layer (CBS buurten and
// wijken) the numeric measures with their Dutch titles and units, and one measure classed as
// the printed maps class it (render::classify, the same sequential palette, legend ranges in
// Dutch number format with the count of areas per class, and "Geen gegevens").
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "wijkatlas/geo/areas.hpp"
#include "wijkatlas/render/classification.hpp"

namespace wijkatlas::server {

struct IndicatorValues {
  std::string layer;               // the overlay's id: buurten, wijken
  std::vector<std::string> codes;  // the areas' CBS codes
  // Per measure, parallel to `codes`; NaN: no data (CBS's "." or a secret value).
  std::map<std::string, std::vector<double>> columns;
  nlohmann::json measures = nlohmann::json::array();  // [{kolom, titel}] in the source's order
};

// The measures that vary between the areas of a level, in the source's order, then inwoners and
// dichtheid as the map definitions derive them, unless CBS gives the same figures or title.
std::vector<IndicatorValues> indicator_values(const geo::AreaHierarchy& hierarchy);

// "kwantiel", "gelijke_intervallen", "natuurlijke_grenzen"; nullopt for anything else.
std::optional<render::ClassificationMethod> parse_indeling(const std::string& text);

// {laag, maat, titel, indeling, klassen: {code: class or null}, waarden: {code: value or null},
// legenda: [{label, kleur, aantal}], geen_gegevens, bron}. Throws request_error (field maat)
// for a measure the layer does not have.
nlohmann::json classed_measure(const IndicatorValues& values, const std::string& measure,
                               render::ClassificationMethod method, std::size_t classes);

}  // namespace wijkatlas::server
