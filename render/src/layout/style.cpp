#include "wijkatlas/render/style.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "wijkatlas/render/error.hpp"

namespace wijkatlas::render {
namespace {

constexpr std::array<Rgb, 8> okabe_ito{{
    {0xE6, 0x9F, 0x00},  // orange
    {0x56, 0xB4, 0xE9},  // sky blue
    {0x00, 0x9E, 0x73},  // bluish green
    {0xCC, 0x79, 0xA7},  // reddish purple
    {0x00, 0x72, 0xB2},  // blue
    {0xD5, 0x5E, 0x00},  // vermillion
    {0xF0, 0xE4, 0x42},  // yellow
    {0x33, 0x33, 0x33},  // near black
}};

constexpr std::array<SymbolShape, 8> shapes{SymbolShape::circle,
                                            SymbolShape::square,
                                            SymbolShape::triangle,
                                            SymbolShape::diamond,
                                            SymbolShape::inverted_triangle,
                                            SymbolShape::star,
                                            SymbolShape::hexagon,
                                            SymbolShape::cross};

std::vector<std::pair<double, double>> regular(int corners, double radius, double start_deg) {
  std::vector<std::pair<double, double>> out;
  for (int i = 0; i < corners; ++i) {
    const double a = (start_deg + 360.0 * i / corners) * std::numbers::pi / 180.0;
    out.emplace_back(radius * std::cos(a), radius * std::sin(a));
  }
  return out;
}

}  // namespace

Rgb parse_colour(std::string_view text) {
  const std::string_view hex = text.starts_with('#') ? text.substr(1) : text;
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  if (hex.size() != 6 || ec != std::errc{} || end != hex.data() + hex.size()) {
    throw render_error("colour '" + std::string(text) + "' is not of the form #rrggbb");
  }
  return {static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>((value >> 8) & 0xFF),
          static_cast<std::uint8_t>(value & 0xFF)};
}

std::string to_hex(const Rgb& c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c.r, c.g, c.b);
  return buffer;
}

SymbolStyle category_symbol(std::size_t index) {
  // Shape cycles every 8, colour shifts by one per round: (shape, colour) pairs never repeat
  // within 64 categories.
  return {shapes[index % shapes.size()], okabe_ito[(index + index / 8) % okabe_ito.size()]};
}

std::vector<std::pair<double, double>> symbol_outline(SymbolShape shape) {
  switch (shape) {
    case SymbolShape::circle:
      return {};
    case SymbolShape::square:
      return regular(4, 0.5 * std::numbers::sqrt2 * 0.9, 45);
    case SymbolShape::triangle:
      return regular(3, 0.6, -90);
    case SymbolShape::inverted_triangle:
      return regular(3, 0.6, 90);
    case SymbolShape::diamond:
      return regular(4, 0.6, -90);
    case SymbolShape::hexagon:
      return regular(6, 0.52, 0);
    case SymbolShape::star: {
      std::vector<std::pair<double, double>> out;
      const auto outer = regular(5, 0.62, -90);
      const auto inner = regular(5, 0.27, -54);
      for (std::size_t i = 0; i < 5; ++i) {
        out.push_back(outer[i]);
        out.push_back(inner[i]);
      }
      return out;
    }
    case SymbolShape::cross: {
      const double a = 0.5, b = 0.17;  // a plus sign with arms of width 2b
      return {{-b, -a}, {b, -a}, {b, -b}, {a, -b}, {a, b},   {b, b},
              {b, a},   {-b, a}, {-b, b}, {-a, b}, {-a, -b}, {-b, -b}};
    }
  }
  return {};
}

}  // namespace wijkatlas::render
