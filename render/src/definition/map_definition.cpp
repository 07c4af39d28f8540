#include "wijkatlas/render/map_definition.hpp"

#include "definition/toml_reader.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/render/error.hpp"
#include "wijkatlas/render/palette.hpp"
#include "wijkatlas/support/input_file.hpp"

namespace wijkatlas::render {
namespace {

using detail::TomlReader;

// A map definition is a few kilobytes of TOML; anything near this is not one.
constexpr std::uintmax_t max_definition_bytes = std::uintmax_t{16} << 20;
// A reader takes in a handful of layers; each layer reads and draws its data, so 10^5 of them
// took 163 s and 10.7 GB before there was a limit.
constexpr std::size_t max_layers = 64;

// Runs a parse of a render value (paper, colour, palette...) and reports its failure at `key`.
template <class F>
auto checked(TomlReader& reader, std::string_view key, F&& parse) {
  try {
    return parse();
  } catch (const render_error& e) {
    reader.fail(key, e.what());
  }
}

LayerType parse_layer_type(TomlReader& r) {
  const auto type = r.text("type");
  if (!type)
    r.fail("type", "missing (basemap, areas, choropleth, points, landmarks, overlap or since)");
  if (*type == "basemap") return LayerType::basemap;
  if (*type == "areas") return LayerType::areas;
  if (*type == "choropleth") return LayerType::choropleth;
  if (*type == "points") return LayerType::points;
  if (*type == "landmarks") return LayerType::landmarks;
  if (*type == "overlap") return LayerType::overlap;
  if (*type == "since") return LayerType::since;
  r.fail("type", "'" + *type +
                     "' is not a layer type (basemap, areas, choropleth, points, landmarks, "
                     "overlap or since)");
}

std::string_view language_code(Language language) {
  return language == Language::en ? "en" : "nl";
}

void read_map_table(TomlReader r, MapDefinition& def, std::optional<Language> language) {
  // The language first: titles may be given per language.
  if (auto lang = r.text("language"))
    def.language = checked(r, "language", [&] { return parse_language(*lang); });
  if (language) def.language = *language;
  def.title = r.wording("title", language_code(def.language)).value_or("");
  def.subtitle = r.wording("subtitle", language_code(def.language)).value_or("");
  if (auto paper = r.text("paper"))
    def.page.paper = checked(r, "paper", [&] { return parse_paper(*paper); });
  if (auto o = r.text("orientation")) {
    def.page.orientation = checked(r, "orientation", [&] { return parse_orientation(*o); });
  }
  if (auto dpi = r.number("dpi")) def.page.dpi = *dpi;
  if (auto m = r.number("margin_mm")) def.page.margins = {*m, *m, *m, *m};
  def.north_arrow = r.boolean("north_arrow").value_or(true);
  def.scale_bar = r.boolean("scale_bar").value_or(true);
  def.reference_grid = r.boolean("grid").value_or(false);
  checked(r, def.page.dpi <= 0 ? "dpi" : "margin_mm", [&] {
    def.page.validate();
    return 0;
  });
  r.reject_unknown_keys();
}

void read_extent(TomlReader r, ExtentDefinition& e) {
  e.line = r.line();
  e.level = r.text("level").value_or("");
  e.area = r.text("area").value_or("");
  if (auto b = r.numbers("bbox", 4)) {
    if ((*b)[0] >= (*b)[2] || (*b)[1] >= (*b)[3])
      r.fail("bbox", "must be [min_x, min_y, max_x, max_y]");
    e.bbox = geo::Box({(*b)[0], (*b)[1]}, {(*b)[2], (*b)[3]});
  }
  if (auto c = r.numbers("centre", 2)) e.centre = geo::Point((*c)[0], (*c)[1]);
  e.crs = r.text("crs").value_or(e.crs);
  e.scale = r.number("scale");
  if (e.scale && *e.scale <= 0) r.fail("scale", "must be positive, e.g. 5000 for 1:5,000");
  e.margin_mm = r.number("margin_mm").value_or(e.margin_mm);
  e.limits.largest_scale = r.number("largest_scale").value_or(e.limits.largest_scale);
  e.limits.smallest_scale = r.number("smallest_scale").value_or(e.limits.smallest_scale);
  if (e.limits.largest_scale <= 0 || e.limits.smallest_scale < e.limits.largest_scale) {
    r.fail("smallest_scale", "must be at least largest_scale, both positive");
  }
  const int ways = (e.level.empty() ? 0 : 1) + (e.bbox ? 1 : 0) + (e.centre ? 1 : 0);
  if (ways > 1) r.fail("level", "give one of level (with area), bbox or centre");
  if (!e.area.empty() && e.level.empty())
    r.fail("area", "needs extent.level (buurt, wijk, programma, gemeente)");
  if (e.centre && !e.scale) r.fail("centre", "needs extent.scale");
  r.reject_unknown_keys();
}

InsetDefinition read_inset(TomlReader r) {
  InsetDefinition inset;
  inset.line = r.line();
  inset.level = r.text("level").value_or(inset.level);
  inset.background = r.text("background").value_or(inset.background);
  r.reject_unknown_keys();
  return inset;
}

LayerDefinition read_layer(TomlReader r, const toml::table& table, std::size_t index,
                           Language language) {
  LayerDefinition l;
  l.key = "layer[" + std::to_string(index + 1) + "]";
  l.line = r.line();
  for (const auto& [key, value] : table)
    l.key_lines[std::string(key.str())] = detail::line_of(value);
  l.type = parse_layer_type(r);
  l.level = r.text("level").value_or("");
  l.area = r.text("area").value_or("");
  if (!l.area.empty() && l.level.empty())
    r.fail("area", "needs level (buurt, wijk, programma, gemeente): the area is one of them");
  l.source = r.text("source").value_or("");
  l.source_layer = r.text("source_layer").value_or("");
  l.where = r.text("where").value_or("");
  l.crs = r.text("crs").value_or("");
  l.store_table = r.text("store_table").value_or("");
  if (!l.store_table.empty() && l.store_table != "initiatives")
    r.fail("store_table", "the only table a map takes from a project store is \"initiatives\"");
  if (!l.store_table.empty() && l.type != LayerType::points && l.type != LayerType::since)
    r.fail("store_table", "only a points or since layer takes the store's initiatives");
  const bool needs_data = l.type != LayerType::basemap && l.type != LayerType::landmarks &&
                          l.type != LayerType::overlap && l.type != LayerType::since;
  if (needs_data && l.level.empty() == l.source.empty()) {
    r.fail(l.level.empty() ? "source" : "level",
           "give either level (areas from the CBS data) or source (a file)");
  }
  if ((l.type == LayerType::points || l.type == LayerType::landmarks ||
       l.type == LayerType::overlap || l.type == LayerType::since) &&
      !l.level.empty())
    r.fail("level", "a points, landmarks, overlap or since layer takes a source, not a level");
  if (l.type == LayerType::since) {
    l.since = r.text("since").value_or("");
    if (l.since.empty())
      r.fail("since",
             "missing: a session's name or a date (2026-12-01) to show what changed since");
    l.registry = r.text("registry").value_or("");
  }
  if (l.type == LayerType::overlap) {
    l.session = r.text("session").value_or("");
    l.sketch_category = r.text("sketch_category").value_or(l.sketch_category);
    if (l.sketch_category != "probleem" && l.sketch_category != "fijne_plek" &&
        l.sketch_category != "idee" && l.sketch_category != "alle")
      r.fail("sketch_category", "must be probleem, fijne_plek, idee or alle");
    if (auto k = r.integer("min_sheets")) {
      if (*k < 1 || *k > 1000) r.fail("min_sheets", "must be 1 to 1000");
      l.min_sheets = static_cast<int>(*k);
    }
  }
  l.label_field = r.text("label").value_or("");
  l.category_field = r.text("category").value_or("");
  l.value_field = r.text("field").value_or("");
  if (l.type == LayerType::choropleth && l.value_field.empty())
    r.fail("field", "missing: the indicator to map");
  l.legend = r.wording("legend", language_code(language)).value_or("");
  l.attribution = r.text("attribution");
  l.street_labels = r.boolean("street_labels").value_or(true);
  l.optional = r.boolean("optional").value_or(false);
  if (auto fill = r.text("fill")) {
    l.fill_given = true;
    if (*fill != "none") l.fill = checked(r, "fill", [&] { return parse_colour(*fill); });
  }
  l.fill_opacity = r.number("fill_opacity").value_or(1);
  if (l.fill_opacity < 0 || l.fill_opacity > 1) r.fail("fill_opacity", "must be between 0 and 1");
  if (auto o = r.text("outline"))
    l.outline = checked(r, "outline", [&] { return parse_colour(*o); });
  l.outline_width_mm = r.number("outline_width_mm");
  l.label_size_pt = r.number("label_size_pt");
  if (auto m = r.text("method"))
    l.method = checked(r, "method", [&] { return parse_classification_method(*m); });
  if (auto c = r.integer("classes")) {
    if (*c < 1 || *c > 9) r.fail("classes", "must be 1 to 9");
    l.classes = static_cast<std::size_t>(*c);
  }
  if (auto p = r.text("palette")) {
    l.palette = *p;
    checked(r, "palette", [&] { return palette(*p, std::clamp<std::size_t>(l.classes, 3, 9)); });
  }
  if (auto d = r.integer("decimals"))
    l.decimals = static_cast<int>(std::clamp<std::int64_t>(*d, 0, 6));
  l.symbol_mm = r.number("symbol_mm").value_or(l.symbol_mm);
  r.reject_unknown_keys();
  return l;
}

}  // namespace

std::int64_t LayerDefinition::line_of(std::string_view key_name) const {
  const auto it = key_lines.find(key_name);
  return it != key_lines.end() ? it->second : line;
}

MapDefinition parse_map_definition(std::string_view toml_text, const std::filesystem::path& file,
                                   std::optional<Language> language) {
  const std::string name = file.string();
  toml::table root;
  try {
    root = toml::parse(toml_text, name);
  } catch (const toml::parse_error& e) {
    throw config_error(name, "", std::string(e.description()), e.source().begin.line);
  }
  MapDefinition def;
  def.file = file;
  TomlReader top(root, name, "");
  const auto section = [&](std::string_view key) -> const toml::table* {
    const toml::node* n = root.get(key);
    if (n != nullptr && !n->is_table())
      top.fail(key, "must be a table, [" + std::string(key) + "]");
    return n != nullptr ? n->as_table() : nullptr;
  };
  if (language) def.language = *language;
  if (const toml::table* map = section("map"))
    read_map_table(TomlReader(*map, name, "map"), def, language);
  if (const toml::table* extent = section("extent"))
    read_extent(TomlReader(*extent, name, "extent"), def.extent);
  if (const toml::table* inset = section("inset"))
    def.inset = read_inset(TomlReader(*inset, name, "inset"));
  const toml::node* layers = root.get("layer");
  if (layers == nullptr || !layers->is_array_of_tables() || layers->as_array()->empty()) {
    throw config_error(name, "layer", "a map needs at least one [[layer]]",
                       layers ? detail::line_of(*layers) : 1);
  }
  if (layers->as_array()->size() > max_layers) {
    throw config_error(name, "layer",
                       "a map has at most " + std::to_string(max_layers) + " layers, this one " +
                           std::to_string(layers->as_array()->size()) +
                           ": a map with more is unreadable (make several maps)",
                       detail::line_of(*layers));
  }
  std::size_t index = 0;
  for (const toml::node& node : *layers->as_array()) {
    const toml::table& table = *node.as_table();
    def.layers.push_back(
        read_layer(TomlReader(table, name, "layer[" + std::to_string(index + 1) + "]"), table,
                   index, def.language));
    ++index;
  }
  const auto is_landmarks = [](const LayerDefinition& l) { return l.type == LayerType::landmarks; };
  if (const auto first = std::find_if(def.layers.begin(), def.layers.end(), is_landmarks);
      first != def.layers.end()) {
    if (const auto second = std::find_if(first + 1, def.layers.end(), is_landmarks);
        second != def.layers.end()) {
      throw config_error(name, second->key + ".type",
                         "a map has one landmarks layer (it is drawn over all others)",
                         second->line);
    }
  }
  for (const auto& [key, value] : root) {
    if (key.str() != "map" && key.str() != "extent" && key.str() != "inset" &&
        key.str() != "layer") {
      throw config_error(name, std::string(key.str()),
                         "unknown key (use [map], [extent], [inset] and [[layer]])",
                         detail::line_of(value));
    }
  }
  return def;
}

MapDefinition load_map_definition(const std::filesystem::path& file,
                                  std::optional<Language> language) {
  // Through one non-blocking descriptor: a FIFO or a device named like a definition is refused.
  const std::vector<unsigned char> bytes =
      support::read_regular_file(file, max_definition_bytes, "", "a map definition");
  return parse_map_definition(std::string(bytes.begin(), bytes.end()), file, language);
}

}  // namespace wijkatlas::render
