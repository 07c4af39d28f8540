#include "wijkatlas/sketch/sheet_format.hpp"

#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

#include "wijkatlas/geo/error.hpp"

namespace wijkatlas::sketch {
namespace {

using json = nlohmann::json;
constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr const char* qr_source = "QR code";

// 0.01 mm / 0.01 m is far below what a printer or a photo resolves.
double rounded(double v) {
  return std::round(v * 100.0) / 100.0;
}

// What a sheet can be: A0 is 841 x 1189 mm, its markers 30 mm.
constexpr double max_page_mm = 2000;
constexpr double max_marker_mm = 200;
constexpr double max_scale = 1e7;

[[noreturn]] void bad(const std::string& what) {
  throw data_error(qr_source, "", what);
}

const json& field(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) bad(std::string("field '") + key + "' is missing");
  return *it;
}

double number(const json& j, const char* key) {
  const json& v = field(j, key);
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    bad(std::string("field '") + key + "' is not a number");
  return v.get<double>();
}

std::string text(const json& j, const char* key) {
  const json& v = field(j, key);
  if (!v.is_string()) bad(std::string("field '") + key + "' is not text");
  return v.get<std::string>();
}

std::vector<double> numbers(const json& j, const char* key, std::size_t count) {
  const json& v = field(j, key);
  if (!v.is_array() || v.size() != count)
    bad(std::string("field '") + key + "' needs " + std::to_string(count) + " numbers");
  std::vector<double> out;
  for (const json& n : v) {
    if (!n.is_number() || !std::isfinite(n.get<double>())) {
      bad(std::string("field '") + key + "' holds something that is not a number");
    }
    out.push_back(n.get<double>());
  }
  return out;
}

}  // namespace

std::string encode_payload(const SheetInfo& s) {
  const json j = {
      {"app", sheet_format_app},
      {"v", sheet_format_version},
      {"id", s.id},
      {"prj", s.project},
      {"crs", s.crs},
      {"ext",
       {rounded(s.extent.min_corner().x()), rounded(s.extent.min_corner().y()),
        rounded(s.extent.max_corner().x()), rounded(s.extent.max_corner().y())}},
      {"sc", rounded(s.scale)},
      {"pap", s.paper},
      {"or", s.orientation},
      {"pg", {rounded(s.page_width_mm), rounded(s.page_height_mm)}},
      {"fr",
       {rounded(s.frame.x), rounded(s.frame.y), rounded(s.frame.width), rounded(s.frame.height)}},
      {"mk", {rounded(s.marker_mm), rounded(s.marker_gap_mm)}},
  };
  return j.dump();
}

SheetInfo decode_payload(std::string_view payload) {
  const json j = json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    bad("not a wijkatlas sheet (the code holds no sheet description)");
  if (!j.contains("app") || !j["app"].is_string() ||
      j["app"].get<std::string>() != sheet_format_app) {
    bad("not a wijkatlas sheet (the code was made by another program)");
  }
  // The version as written: a number of any size (or not a number) is named, never converted.
  const json& version = field(j, "v");
  if (!version.is_number_integer() || version.get<long long>() != sheet_format_version) {
    bad("sheet format version " + version.dump() +
        " is not supported (this wijkatlas reads version " + std::to_string(sheet_format_version) +
        ")");
  }
  SheetInfo s;
  s.id = normalise_sheet_id(text(j, "id"));
  s.project = text(j, "prj");
  s.crs = text(j, "crs");
  const auto ext = numbers(j, "ext", 4);
  if (!(ext[2] > ext[0] && ext[3] > ext[1])) bad("field 'ext' is not an extent (min before max)");
  s.extent = geo::Box({ext[0], ext[1]}, {ext[2], ext[3]});
  s.scale = number(j, "sc");
  if (!(s.scale > 0 && s.scale <= max_scale))
    bad("field 'sc' must be a scale denominator (1:1 to 1:10,000,000)");
  s.paper = text(j, "pap");
  s.orientation = text(j, "or");
  // The photo reader sizes its images from these: a code may hold anything, the sheet it
  // describes must fit on paper.
  const auto pg = numbers(j, "pg", 2);
  s.page_width_mm = pg[0];
  s.page_height_mm = pg[1];
  if (!(s.page_width_mm > 0 && s.page_height_mm > 0 && s.page_width_mm <= max_page_mm &&
        s.page_height_mm <= max_page_mm)) {
    bad("field 'pg' is not a paper size (0 to 2,000 mm a side)");
  }
  const auto fr = numbers(j, "fr", 4);
  s.frame = {fr[0], fr[1], fr[2], fr[3]};
  // Rounding to 0.01 mm may push the frame's edge that far past the page's.
  constexpr double slack_mm = 0.02;
  if (!(s.frame.width > 0 && s.frame.height > 0 && s.frame.x >= 0 && s.frame.y >= 0 &&
        s.frame.x + s.frame.width <= s.page_width_mm + slack_mm &&
        s.frame.y + s.frame.height <= s.page_height_mm + slack_mm)) {
    bad("field 'fr' is not a frame on the page");
  }
  const auto mk = numbers(j, "mk", 2);
  s.marker_mm = mk[0];
  s.marker_gap_mm = mk[1];
  if (!(s.marker_mm > 0 && s.marker_mm <= max_marker_mm && s.marker_gap_mm >= 0 &&
        s.marker_gap_mm <= max_marker_mm)) {
    bad("field 'mk' needs a marker size and gap (0 to 200 mm)");
  }
  return s;
}

std::string new_sheet_id() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, crockford.size() - 1);
  std::string id;
  for (int i = 0; i < 6; ++i) {
    if (i == 3) id += '-';
    id += crockford[pick(random)];
  }
  return id;
}

std::string normalise_sheet_id(std::string_view typed) {
  std::string plain;
  for (const char raw : typed) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    if (c == ' ' || c == '-' || c == '_') continue;
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (crockford.find(c) == std::string_view::npos) {
      throw usage_error(
          "'" + std::string(typed) +
          "' is not a sheet id (six characters like K7Q-4M2, printed under the QR code)");
    }
    plain += c;
  }
  if (plain.size() != 6) {
    throw usage_error(
        "'" + std::string(typed) +
        "' is not a sheet id (six characters like K7Q-4M2, printed under the QR code)");
  }
  return plain.substr(0, 3) + "-" + plain.substr(3);
}

std::vector<MarkerPlacement> marker_placements(const SheetInfo& s) {
  const double m = s.marker_mm;
  const double g = s.marker_gap_mm;
  const PageRect& f = s.frame;
  const double left = f.x - g - m;
  const double right = f.x + f.width + g;
  const double top = f.y - g - m;
  const double bottom = f.y + f.height + g;
  const double mid_x = f.x + f.width / 2 - m / 2;
  const double mid_y = f.y + f.height / 2 - m / 2;
  const std::array<std::array<double, 2>, marker_count> corners{{
      {left, top},
      {mid_x, top},
      {right, top},
      {right, mid_y},
      {right, bottom},
      {mid_x, bottom},
      {left, bottom},
      {left, mid_y},
  }};
  std::vector<MarkerPlacement> out;
  for (int i = 0; i < marker_count; ++i) {
    const auto& c = corners[static_cast<std::size_t>(i)];
    out.push_back({static_cast<MarkerPosition>(i), i, {c[0], c[1], m, m}});
  }
  return out;
}

double marker_ring_mm(const SheetInfo& s) {
  return s.marker_gap_mm + s.marker_mm + s.marker_mm / 6.0;
}

double metres_per_mm(const SheetInfo& s) {
  return s.scale / 1000.0;
}

geo::Point page_to_world(const SheetInfo& s, double x_mm, double y_mm) {
  const double k = metres_per_mm(s);
  return {s.extent.min_corner().x() + (x_mm - s.frame.x) * k,
          s.extent.max_corner().y() - (y_mm - s.frame.y) * k};
}

std::array<double, 2> world_to_page(const SheetInfo& s, const geo::Point& p) {
  const double k = metres_per_mm(s);
  return {s.frame.x + (p.x() - s.extent.min_corner().x()) / k,
          s.frame.y + (s.extent.max_corner().y() - p.y()) / k};
}

}  // namespace wijkatlas::sketch
