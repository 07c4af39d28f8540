#include "wijkatlas/project/initiative_registry.hpp"

#include <algorithm>
#include <vector>

#include "wijkatlas/geo/data_dir.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/io.hpp"

namespace wijkatlas::project {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

sketch::LinkedInitiative find_initiative(const std::string& registry, const std::string& wanted,
                                         geo::Reporter& reporter) {
  const std::filesystem::path path =
      registry.empty() ? geo::project_file("examples/initiatieven_arnhem_oost.csv")
                       : std::filesystem::path(registry);
  geo::ReadOptions read;
  read.fields = {"id", "naam"};  // never the personal contact fields
  const geo::Layer layer = geo::read_layer(path, read, reporter);
  const auto id_field = layer.field_index("id");
  const auto name_field = layer.field_index("naam");
  if (!id_field || !name_field)
    throw data_error(path.string(), "",
                     "a registry needs the fields id and naam (docs/registry.md)");

  const auto as_initiative = [&](const geo::Feature& f) {
    sketch::LinkedInitiative i{geo::to_text(f.values[*id_field]),
                               geo::to_text(f.values[*name_field]), std::nullopt};
    if (const auto* p = std::get_if<geo::Point>(&f.geometry)) i.location = *p;
    return i;
  };
  const std::string needle = lower(wanted);
  std::vector<const geo::Feature*> partial;
  for (const auto& f : layer.features) {
    if (geo::to_text(f.values[*id_field]) == wanted) return as_initiative(f);
  }
  for (const auto& f : layer.features) {
    const std::string name = lower(geo::to_text(f.values[*name_field]));
    if (name == needle) return as_initiative(f);
    if (!needle.empty() && name.find(needle) != std::string::npos) partial.push_back(&f);
  }
  if (partial.size() == 1) return as_initiative(*partial.front());
  if (partial.empty()) {
    throw data_error(
        path.string(), "",
        "no initiative '" + wanted + "' (looked for its id, e.g. " +
            (layer.features.empty() ? std::string("VB-001")
                                    : geo::to_text(layer.features.front().values[*id_field])) +
            ", and in the names): check the spelling or name another registry");
  }
  std::string names;
  for (std::size_t i = 0; i < partial.size() && i < 5; ++i) {
    names += (i ? ", " : "") + geo::to_text(partial[i]->values[*id_field]) + " '" +
             geo::to_text(partial[i]->values[*name_field]) + "'";
  }
  throw data_error(path.string(), "",
                   "'" + wanted + "' matches " + std::to_string(partial.size()) + " initiatives (" +
                       names + (partial.size() > 5 ? ", ..." : "") + "): give its id");
}

}  // namespace wijkatlas::project
