#include "wijkatlas/render/palette.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {
namespace {

struct PaletteData {
  std::string_view name;
  PaletteKind kind;
  // Ramps for 3, 4, 5, ... classes, each as space-separated hex colours.
  std::vector<std::string_view> ramps;
};

// Colours from ColorBrewer 2.0 by Cynthia A. Brewer, Penn State (Apache License 2.0), chosen
// among the schemes it marks colour-blind safe. The sequential ones are also photocopy safe:
// their lightness falls steadily, so class order survives a black-and-white copy.
const std::vector<PaletteData>& palettes() {
  static const std::vector<PaletteData> data{
      {"Blues",
       PaletteKind::sequential,
       {
           "deebf7 9ecae1 3182bd",
           "eff3ff bdd7e7 6baed6 2171b5",
           "eff3ff bdd7e7 6baed6 3182bd 08519c",
           "eff3ff c6dbef 9ecae1 6baed6 3182bd 08519c",
           "eff3ff c6dbef 9ecae1 6baed6 4292c6 2171b5 084594",
           "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 084594",
           "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 08519c 08306b",
       }},
      {"Purples",
       PaletteKind::sequential,
       {
           "efedf5 bcbddc 756bb1",
           "f2f0f7 cbc9e2 9e9ac8 6a51a3",
           "f2f0f7 cbc9e2 9e9ac8 756bb1 54278f",
           "f2f0f7 dadaeb bcbddc 9e9ac8 756bb1 54278f",
           "f2f0f7 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486",
           "fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486",
           "fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 54278f 3f007d",
       }},
      {"YlGnBu",
       PaletteKind::sequential,
       {
           "edf8b1 7fcdbb 2c7fb8",
           "ffffcc a1dab4 41b6c4 225ea8",
           "ffffcc a1dab4 41b6c4 2c7fb8 253494",
           "ffffcc c7e9b4 7fcdbb 41b6c4 2c7fb8 253494",
           "ffffcc c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 0c2c84",
           "ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 0c2c84",
           "ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 253494 081d58",
       }},
      {"YlOrBr",
       PaletteKind::sequential,
       {
           "fff7bc fec44f d95f0e",
           "ffffd4 fed98e fe9929 cc4c02",
           "ffffd4 fed98e fe9929 d95f0e 993404",
           "ffffd4 fee391 fec44f fe9929 d95f0e 993404",
           "ffffd4 fee391 fec44f fe9929 ec7014 cc4c02 8c2d04",
           "ffffe5 fff7bc fee391 fec44f fe9929 ec7014 cc4c02 8c2d04",
           "ffffe5 fff7bc fee391 fec44f fe9929 ec7014 cc4c02 993404 662506",
       }},
      {"PuOr",
       PaletteKind::diverging,
       {
           "f1a340 f7f7f7 998ec3",
           "e66101 fdb863 b2abd2 5e3c99",
           "e66101 fdb863 f7f7f7 b2abd2 5e3c99",
           "b35806 f1a340 fee0b6 d8daeb 998ec3 542788",
           "b35806 f1a340 fee0b6 f7f7f7 d8daeb 998ec3 542788",
           "b35806 e08214 fdb863 fee0b6 d8daeb b2abd2 8073ac 542788",
           "b35806 e08214 fdb863 fee0b6 f7f7f7 d8daeb b2abd2 8073ac 542788",
           "7f3b08 b35806 e08214 fdb863 fee0b6 d8daeb b2abd2 8073ac 542788 2d004b",
           "7f3b08 b35806 e08214 fdb863 fee0b6 f7f7f7 d8daeb b2abd2 8073ac 542788 2d004b",
       }},
      {"BrBG",
       PaletteKind::diverging,
       {
           "d8b365 f5f5f5 5ab4ac",
           "a6611a dfc27d 80cdc1 018571",
           "a6611a dfc27d f5f5f5 80cdc1 018571",
           "8c510a d8b365 f6e8c3 c7eae5 5ab4ac 01665e",
           "8c510a d8b365 f6e8c3 f5f5f5 c7eae5 5ab4ac 01665e",
           "8c510a bf812d dfc27d f6e8c3 c7eae5 80cdc1 35978f 01665e",
           "8c510a bf812d dfc27d f6e8c3 f5f5f5 c7eae5 80cdc1 35978f 01665e",
           "543005 8c510a bf812d dfc27d f6e8c3 c7eae5 80cdc1 35978f 01665e 003c30",
           "543005 8c510a bf812d dfc27d f6e8c3 f5f5f5 c7eae5 80cdc1 35978f 01665e 003c30",
       }},
  };
  return data;
}

std::uint8_t hex_byte(std::string_view hex) {
  return static_cast<std::uint8_t>(std::stoi(std::string(hex), nullptr, 16));
}

double linear(std::uint8_t channel) {
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

std::vector<PaletteInfo> available_palettes() {
  std::vector<PaletteInfo> infos;
  for (const auto& p : palettes()) infos.push_back({p.name, p.kind, 3, p.ramps.size() + 2});
  return infos;
}

std::vector<Rgb> palette(std::string_view name, std::size_t classes) {
  const auto& all = palettes();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const PaletteData& p) { return p.name == name; });
  if (it == all.end()) {
    std::string known;
    for (const auto& p : all) known += (known.empty() ? "" : ", ") + std::string(p.name);
    throw render_error("unknown palette '" + std::string(name) + "' (use " + known + ")");
  }
  const std::size_t most = it->ramps.size() + 2;
  // One or two classes take the ends of the three-class ramp.
  const std::size_t ramp_classes = std::max<std::size_t>(classes, 3);
  if (classes == 0 || ramp_classes > most) {
    throw render_error("palette " + std::string(name) + " has 1 to " + std::to_string(most) +
                       " classes, not " + std::to_string(classes));
  }
  std::vector<Rgb> colours;
  const std::string_view ramp = it->ramps[ramp_classes - 3];
  for (std::size_t i = 0; i < ramp.size(); i += 7) {
    colours.push_back({hex_byte(ramp.substr(i, 2)), hex_byte(ramp.substr(i + 2, 2)),
                       hex_byte(ramp.substr(i + 4, 2))});
  }
  if (classes == 1) return {colours[1]};
  if (classes == 2) return {colours.front(), colours.back()};
  return colours;
}

double relative_luminance(const Rgb& colour) {
  return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b);
}

std::vector<Rgb> class_colours(std::string_view name, std::size_t class_count) {
  if (class_count == 0) return {};
  const std::vector<Rgb> ramp = palette(name, std::max<std::size_t>(3, class_count));
  if (class_count >= 3) return ramp;
  if (class_count == 1) return {ramp[1]};
  return {ramp.front(), ramp.back()};
}

}  // namespace wijkatlas::render
