#include "detail/osm_tags.hpp"

namespace wijkatlas::geo::detail {

OsmTags osm_tags_of(const Layer& layer, const Feature& feature) {
  OsmTags tags;
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    const std::string& name = layer.fields[i].name;
    const auto* text = std::get_if<std::string>(&feature.values[i]);
    if (text == nullptr || text->empty()) continue;
    if (name == "other_tags")
      parse_other_tags(*text, tags);
    else
      tags.values.emplace(name, *text);
  }
  return tags;
}

}  // namespace wijkatlas::geo::detail
