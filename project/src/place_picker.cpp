#include "wijkatlas/project/place_picker.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>

namespace wijkatlas::project {
namespace {
namespace bg = boost::geometry;

// The point of segment a-b nearest p.
geo::Point nearest_on_segment(const geo::Point& a, const geo::Point& b, const geo::Point& p) {
  const double dx = b.x() - a.x(), dy = b.y() - a.y();
  const double length2 = dx * dx + dy * dy;
  if (length2 == 0) return a;
  const double t = std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2, 0.0, 1.0);
  return {a.x() + t * dx, a.y() + t * dy};
}

geo::Point nearest_on(const geo::MultiLineString& lines, const geo::Point& p) {
  geo::Point best = p;
  double best_d = std::numeric_limits<double>::infinity();
  for (const geo::LineString& line : lines) {
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const geo::Point q = nearest_on_segment(line[i], line[i + 1], p);
      const double d = bg::distance(q, p);
      if (d < best_d) {
        best_d = d;
        best = q;
      }
    }
    if (line.size() == 1 && bg::distance(line[0], p) < best_d) {
      best_d = bg::distance(line[0], p);
      best = line[0];
    }
  }
  return best;
}

// Sorting key: lower case, the common Dutch accents folded ("Ééndracht" beside "Eendracht").
std::string sort_key(const std::string& name) {
  static const std::map<std::string, char> folded{
      {"é", 'e'}, {"è", 'e'}, {"ë", 'e'}, {"ê", 'e'}, {"á", 'a'}, {"à", 'a'}, {"ä", 'a'},
      {"ï", 'i'}, {"í", 'i'}, {"ó", 'o'}, {"ö", 'o'}, {"ü", 'u'}, {"ú", 'u'}, {"É", 'e'}};
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    bool done = false;
    for (const auto& [from, to] : folded) {
      if (name.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        done = true;
        break;
      }
    }
    if (done) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    ++i;
  }
  return out;
}

bool is_street(geo::LineClass kind) {
  return kind == geo::LineClass::major_street || kind == geo::LineClass::minor_street ||
         kind == geo::LineClass::path;
}

}  // namespace

std::vector<StreetChoice> streets_in_area(const geo::BaseMap& map, const geo::MultiPolygon& area) {
  geo::Box box;
  bg::envelope(area, box);
  std::map<std::string, StreetChoice> by_name;
  for (const geo::BaseLine& line : map.lines) {
    if (!is_street(line.kind) || line.name.empty()) continue;
    geo::Box line_box;
    bg::envelope(line.geometry, line_box);
    if (!bg::intersects(line_box, box)) continue;
    geo::MultiLineString inside;
    bg::intersection(line.geometry, area, inside);
    if (inside.empty()) continue;
    StreetChoice& street = by_name[line.name];
    street.name = line.name;
    for (geo::LineString& part : inside) street.geometry.push_back(std::move(part));
  }
  std::vector<StreetChoice> out;
  for (auto& [name, street] : by_name) {
    street.length_m = static_cast<double>(bg::length(street.geometry));
    if (street.length_m < 1) continue;
    geo::Point centre;
    bg::centroid(street.geometry, centre);
    street.middle = nearest_on(street.geometry, centre);
    out.push_back(std::move(street));
  }
  std::sort(out.begin(), out.end(), [](const StreetChoice& a, const StreetChoice& b) {
    return sort_key(a.name) < sort_key(b.name);
  });
  return out;
}

std::vector<PlaceNearStreet> places_along(const StreetChoice& street,
                                          const std::vector<geo::Landmark>& landmarks,
                                          double max_distance_m, std::size_t limit) {
  std::vector<PlaceNearStreet> out;
  for (const geo::Landmark& l : landmarks) {
    const geo::Point on_street = nearest_on(street.geometry, l.location);
    const double d = bg::distance(on_street, l.location);
    if (d <= max_distance_m) out.push_back({l.name, l.kind, l.location, on_street, d});
  }
  std::sort(out.begin(), out.end(), [](const PlaceNearStreet& a, const PlaceNearStreet& b) {
    return a.distance_m < b.distance_m;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace wijkatlas::project
