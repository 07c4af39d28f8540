#pragma once
// Colour ramps for choropleths: ColorBrewer sequential and diverging schemes that stay
// readable for colour-blind readers; the sequential ones also survive a black-and-white
// photocopy. Pure data and functions, no Cairo.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace wijkatlas::render {

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  bool operator==(const Rgb&) const = default;
};

enum class PaletteKind { sequential, diverging };

struct PaletteInfo {
  std::string_view name;
  PaletteKind kind;
  std::size_t min_classes;
  std::size_t max_classes;
};

inline constexpr std::string_view default_sequential_palette = "YlGnBu";
inline constexpr std::string_view default_diverging_palette = "PuOr";

std::vector<PaletteInfo> available_palettes();

// `classes` colours, lightest (sequential) or first end (diverging) first. Throws
// render_error for an unknown name or a class count the scheme does not have.
std::vector<Rgb> palette(std::string_view name, std::size_t classes);

// The colours of a choropleth's classes: the palette at that many classes; one or two classes
// take the light and dark ends of its smallest ramp (of three). None for no classes.
std::vector<Rgb> class_colours(std::string_view name, std::size_t class_count);

// WCAG relative luminance (0 black .. 1 white): what a greyscale copy keeps of a colour.
double relative_luminance(const Rgb& colour);

}  // namespace wijkatlas::render
