#include "drawing_requests.hpp"

#include <boost/geometry.hpp>
#include <cmath>
#include <cstdio>
#include <set>

#include "geojson.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/geo/ops.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::server {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& field, const std::string& message) {
  throw request_error(field, message);
}

std::string text_field(const json& body, const char* name, std::size_t max, bool required) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) bad(name, std::string("'") + name + "' ontbreekt.");
    return "";
  }
  if (!it->is_string()) bad(name, std::string("'") + name + "' moet tekst zijn.");
  std::string value(support::trim(it->get<std::string>()));
  if (required && value.empty()) bad(name, std::string("'") + name + "' is leeg.");
  if (value.size() > max)
    bad(name,
        std::string("'") + name + "' is te lang (hoogstens " + std::to_string(max) + " tekens).");
  for (const unsigned char c : value)
    if (c < 0x20 && c != '\n' && c != '\t')
      bad(name, std::string("'") + name + "' bevat stuurtekens.");
  return value;
}

sketch::InkCategory category(const json& body) {
  const std::string word = text_field(body, "categorie", 40, true);
  std::string stored = support::to_lower_ascii(word);
  for (char& c : stored)
    if (c == ' ') c = '_';
  if (const auto c = sketch::parse_ink_category(stored)) return *c;
  bad("categorie", "Onbekende categorie '" + word + "': kies probleem, fijne_plek of idee.");
}

class GeometryReader {
 public:
  GeometryReader(const DrawingLimits& limits, std::vector<std::string>& warnings)
      : limits_(limits), warnings_(warnings) {}

  geo::Geometry read(const json& g) {
    if (!g.is_object() || !g.contains("type") || !g["type"].is_string())
      bad("geometrie", "'geometrie' moet een GeoJSON-geometrie zijn (type en coordinates).");
    const std::string type = g["type"];
    static const std::set<std::string> types = {"Point", "LineString", "MultiLineString", "Polygon",
                                                "MultiPolygon"};
    if (!types.contains(type))
      bad("geometrie", "Geometrietype '" + type +
                           "' kan niet: teken een punt (Point), lijn (LineString) of vlak "
                           "(Polygon).");
    const json& c = coordinates(g);
    if (type == "Point") return point(c);
    if (type == "LineString") return geo::MultiLineString{line(c)};
    if (type == "MultiLineString") {
      geo::MultiLineString lines;
      for (const json& l : array(c, 1)) lines.push_back(line(l));
      return lines;
    }
    if (type == "Polygon") return areas({polygon(c)});
    if (type == "MultiPolygon") {
      geo::MultiPolygon polygons;
      for (const json& p : array(c, 1)) polygons.push_back(polygon(p));
      return areas(std::move(polygons));
    }
    bad("geometrie",
        "Geometrietype '" + type +
            "' kan niet: teken een punt (Point), lijn (LineString) of vlak (Polygon).");
  }

 private:
  static const json& coordinates(const json& g) {
    const auto it = g.find("coordinates");
    if (it == g.end()) bad("geometrie", "De geometrie heeft geen 'coordinates'.");
    return *it;
  }
  static const json& array(const json& j, std::size_t min) {
    if (!j.is_array() || j.size() < min) bad("geometrie", "De coördinaten kloppen niet.");
    return j;
  }
  geo::Point point(const json& c) {
    if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number())
      bad("geometrie", "Een coördinaat is een paar getallen [x, y] in RD (EPSG:28992).");
    const double x = c[0].get<double>();
    const double y = c[1].get<double>();
    if (++vertices_ > limits_.max_vertices)
      bad("geometrie", "De tekening heeft te veel punten (hoogstens " +
                           std::to_string(limits_.max_vertices) + ").");
    const geo::Point p(x, y);
    if (!std::isfinite(x) || !std::isfinite(y) || !boost::geometry::covered_by(p, limits_.ground)) {
      char where[80];
      std::snprintf(where, sizeof where, "(%.0f, %.0f)", x, y);
      bad("geometrie", std::string("Het punt ") + where +
                           " ligt buiten het gebied van het project (coördinaten in RD, "
                           "EPSG:28992).");
    }
    return p;
  }
  geo::LineString line(const json& c) {
    geo::LineString l;
    for (const json& p : array(c, 2)) l.push_back(point(p));
    return l;
  }
  geo::Polygon polygon(const json& rings) {
    geo::Polygon p;
    for (std::size_t i = 0; i < array(rings, 1).size(); ++i) {
      geo::Ring ring;
      for (const json& v : array(rings[i], 3)) ring.push_back(point(v));
      if (!boost::geometry::equals(ring.front(), ring.back())) ring.push_back(ring.front());
      if (ring.size() < 4) bad("geometrie", "Een vlak heeft minstens drie hoeken.");
      if (i == 0)
        p.outer() = std::move(ring);
      else
        p.inners().push_back(std::move(ring));
    }
    boost::geometry::correct(p);
    return p;
  }
  geo::MultiPolygon areas(geo::MultiPolygon polygons) {
    if (const auto reason = geo::invalid_reason(polygons)) {
      polygons = geo::make_valid(polygons);
      if (polygons.empty() || geo::area(polygons) <= 0)
        bad("geometrie",
            "Het vlak is ongeldig (" + *reason + ") en houdt na herstel geen oppervlakte over.");
      warnings_.push_back("Het vlak was ongeldig (" + *reason + ") en is hersteld.");
    }
    if (geo::area(polygons) <= 0) bad("geometrie", "Het vlak heeft geen oppervlakte.");
    return polygons;
  }

  const DrawingLimits& limits_;
  std::vector<std::string>& warnings_;
  std::size_t vertices_ = 0;
};

long long version_from(const std::string& if_match, const json& body) {
  if (!if_match.empty()) {
    std::string v(support::trim(if_match));
    if (v.starts_with("W/")) v = v.substr(2);
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    try {
      std::size_t used = 0;
      const long long n = std::stoll(v, &used);
      if (used == v.size() && n > 0) return n;
    } catch (const std::exception&) {
    }
    bad("If-Match", "If-Match moet de versie zijn waarop de wijziging berust, zoals \"3\".");
  }
  const auto it = body.find("versie");
  if (it == body.end() || !it->is_number_integer() || it->get<long long>() < 1)
    bad("versie",
        "Geef de versie waarop de wijziging berust (If-Match of 'versie'): zo gaat geen "
        "wijziging van een ander verloren.");
  return it->get<long long>();
}

}  // namespace

json parse_body(const std::string& body) {
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded()) bad("body", "De inhoud is geen geldige JSON.");
  if (!j.is_object()) bad("body", "De inhoud moet een JSON-object zijn.");
  return j;
}

store::NewDrawing new_drawing(const json& body, const DrawingLimits& limits,
                              std::vector<std::string>& warnings) {
  store::NewDrawing d;
  d.client_id = text_field(body, "id", 64, true);
  if (!store::is_drawing_client_id(d.client_id))
    bad("id", "'id' is 1 tot 64 letters, cijfers, '-' of '_' (de pagina maakt er een).");
  d.session = text_field(body, "sessie", limits.max_session_chars, true);
  d.category = category(body);
  d.note = text_field(body, "notitie", limits.max_note_chars, false);
  if (!body.contains("geometrie")) bad("geometrie", "'geometrie' ontbreekt.");
  d.geometry = GeometryReader(limits, warnings).read(body["geometrie"]);
  return d;
}

store::DrawingChange drawing_change(const std::string& id, const std::string& if_match,
                                    const json& body, const DrawingLimits& limits,
                                    std::vector<std::string>& warnings) {
  store::DrawingChange c;
  c.id = id;
  c.based_on = version_from(if_match, body);
  if (body.contains("geometrie"))
    c.geometry = GeometryReader(limits, warnings).read(body["geometrie"]);
  if (body.contains("categorie")) c.category = category(body);
  if (body.contains("notitie")) c.note = text_field(body, "notitie", limits.max_note_chars, false);
  if (!c.geometry && !c.category && !c.note)
    bad("body", "Er is niets te wijzigen: geef geometrie, categorie of notitie.");
  return c;
}

long long removal_based_on(const std::string& if_match) {
  if (support::trim(if_match).empty())
    bad("If-Match",
        "Geef met If-Match de versie waarop het verwijderen berust, zoals \"3\": zo gaat geen "
        "wijziging van een ander verloren.");
  return version_from(if_match, json::object());
}

json drawing_feature(const store::Drawing& d) {
  json geometry = to_geojson(d.geometry);
  // The page draws single shapes: a drawing is one line or one area unless it was repaired.
  if (geometry["type"] == "MultiLineString" && geometry["coordinates"].size() == 1)
    geometry = {{"type", "LineString"}, {"coordinates", geometry["coordinates"][0]}};
  if (geometry["type"] == "MultiPolygon" && geometry["coordinates"].size() == 1)
    geometry = {{"type", "Polygon"}, {"coordinates", geometry["coordinates"][0]}};
  return {{"type", "Feature"},
          {"id", d.id},
          {"geometry", geometry},
          {"properties",
           {{"id", d.id},
            {"client_id", d.client_id},
            {"sessie", d.session},
            {"categorie", sketch::to_string(d.category)},
            {"soort", sketch::to_string(d.kind)},
            {"notitie", d.note},
            {"kanaal", store::screen_channel},
            {"versie", d.version},
            {"gemaakt_op", d.created_at},
            {"gewijzigd_op", d.updated_at}}}};
}

}  // namespace wijkatlas::server
