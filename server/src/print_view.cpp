#include "print_view.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "since_routes.hpp"
#include "wijkatlas/geo/error.hpp"
#include "wijkatlas/project/maps.hpp"
#include "wijkatlas/render/map.hpp"
#include "wijkatlas/store/drawings.hpp"
#include "wijkatlas/support/text.hpp"

namespace wijkatlas::server {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

[[noreturn]] void bad(const std::string& field, const std::string& message) {
  throw request_error(field, message);
}

const std::vector<std::string>& known_layers() {
  static const std::vector<std::string> ids = {
      "buurten", "wijken", "programmawijken", "initiatieven", "herkenningspunten", "tekeningen"};
  return ids;
}

// A TOML basic string: quotes, backslashes and control characters (DEL among them) escaped.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// An SQL string literal for an OGR attribute filter.
std::string sql(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string number(double v) {
  std::ostringstream out;
  out.precision(12);
  out << v;
  return out.str();
}

// A text field of the view, or `fallback` when it is missing; 400 for any other type.
std::string text_of(const json& body, const char* name, const char* fallback) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_string()) bad(name, std::string("'") + name + "' moet tekst zijn.");
  return it->get<std::string>();
}

std::string paper_word(const json& body) {
  const std::string p = text_of(body, "papier", "A4");
  static const std::vector<std::string> papers = {"A4", "A3", "A2", "A1", "A0"};
  const std::string upper =
      p.size() == 2 ? std::string{static_cast<char>(std::toupper(p[0])), p[1]} : p;
  if (std::find(papers.begin(), papers.end(), upper) == papers.end())
    bad("papier", "Papier '" + p + "' kan niet: kies A4, A3, A2, A1 of A0.");
  return upper;
}

// The screen's colours of the drawings (web/src/draw.js), on paper.
struct DrawnStyle {
  const char* category;
  const char* label;
  const char* legend;
  const char* colour;
};
constexpr DrawnStyle drawn_styles[] = {
    {"probleem", "probleem", "Getekend: probleem", "#d55e00"},
    {"fijne_plek", "fijne plek", "Getekend: fijne plek", "#009e73"},
    {"idee", "idee", "Getekend: idee", "#0072b2"}};

}  // namespace

// "cijfers": {laag, maat, indeling, klassen}, checked as /api/indicator checks them.
PrintFigures figures(const json& f) {
  if (!f.is_object()) bad("cijfers", "'cijfers' is {laag, maat, indeling, klassen}.");
  PrintFigures out;
  out.layer = text_of(f, "laag", "buurten");
  if (out.layer != "buurten" && out.layer != "wijken")
    bad("cijfers", "Cijfers zijn er voor de lagen buurten en wijken.");
  out.measure = text_of(f, "maat", "");
  const bool plain = !out.measure.empty() && out.measure.size() <= 100 &&
                     std::all_of(out.measure.begin(), out.measure.end(),
                                 [](unsigned char c) { return std::isalnum(c) || c == '_'; });
  if (!plain) bad("cijfers", "Kies een cijfer uit de lijst ('maat').");
  const std::string method = text_of(f, "indeling", "kwantiel");
  if (method == "kwantiel")
    out.method = "quantile";
  else if (method == "gelijke_intervallen")
    out.method = "equal-interval";
  else if (method == "natuurlijke_grenzen")
    out.method = "natural-breaks";
  else
    bad("cijfers", "Kies de indeling kwantiel, gelijke_intervallen of natuurlijke_grenzen.");
  const json classes = f.value("klassen", json(5));
  if (!classes.is_number_integer() || classes.get<int>() < 2 || classes.get<int>() > 7)
    bad("cijfers", "Kies 2 tot en met 7 klassen.");
  out.classes = classes.get<int>();
  return out;
}

// "samen_getekend": {sessie, categorie}, checked as /api/overlap checks them.
PrintOverlap overlap_of(const json& o) {
  if (!o.is_object()) bad("samen_getekend", "'samen_getekend' is {sessie, categorie}.");
  PrintOverlap out;
  out.session = support::trim(text_of(o, "sessie", ""));
  if (out.session.size() > 200)
    bad("samen_getekend", "De sessienaam is te lang (hoogstens 200 tekens).");
  out.category = text_of(o, "categorie", "probleem");
  if (out.category != "probleem" && out.category != "fijne_plek" && out.category != "idee" &&
      out.category != "alle")
    bad("samen_getekend", "Kies de categorie probleem, fijne_plek, idee of alle.");
  return out;
}

PrintView print_view(const json& body) {
  PrintView v;
  const auto centre = body.find("centrum");
  if (centre == body.end() || !centre->is_array() || centre->size() != 2 ||
      !(*centre)[0].is_number() || !(*centre)[1].is_number())
    bad("centrum", "'centrum' is het midden van de kaart, [x, y] in RD (EPSG:28992).");
  v.centre = geo::Point((*centre)[0].get<double>(), (*centre)[1].get<double>());
  if (!std::isfinite(v.centre.x()) || !std::isfinite(v.centre.y()) || v.centre.x() < -7000 ||
      v.centre.x() > 300000 || v.centre.y() < 289000 || v.centre.y() > 629000)
    bad("centrum", "'centrum' ligt niet in Nederland (RD, EPSG:28992).");
  if (!body.contains("schaal") || !body["schaal"].is_number())
    bad("schaal", "'schaal' is het getal N van 1:N.");
  v.scale = body["schaal"].get<double>();
  if (!(v.scale >= 500 && v.scale <= 250000))
    bad("schaal", "De schaal kan van 1:500 tot 1:250.000.");
  v.scale = std::round(v.scale);
  v.paper = paper_word(body);
  const std::string o = support::to_lower_ascii(text_of(body, "richting", "liggend"));
  if (o == "liggend" || o == "landscape")
    v.orientation = "landscape";
  else if (o == "staand" || o == "portrait")
    v.orientation = "portrait";
  else
    bad("richting", "'richting' is staand of liggend.");
  if (body.contains("lagen")) {
    if (!body["lagen"].is_array()) bad("lagen", "'lagen' is een lijst van laag-id's.");
    for (const json& id : body["lagen"]) {
      if (!id.is_string() || std::find(known_layers().begin(), known_layers().end(),
                                       id.get<std::string>()) == known_layers().end())
        bad("lagen", "Onbekende laag " + id.dump() + ".");
      v.layers.push_back(id.get<std::string>());
    }
  }
  v.session = support::trim(text_of(body, "sessie", ""));
  v.title = support::trim(text_of(body, "titel", ""));
  if (v.title.size() > 120) bad("titel", "De titel is te lang (hoogstens 120 tekens).");
  if (v.session.size() > 100) bad("sessie", "De sessie is te lang (hoogstens 100 tekens).");
  if (v.title.empty()) v.title = "Kaart van de bijeenkomst";
  if (const auto f = body.find("cijfers"); f != body.end() && !f->is_null())
    v.figures = figures(*f);
  if (const auto together = body.find("samen_getekend");
      together != body.end() && !together->is_null())
    v.overlap = overlap_of(*together);
  if (const auto spots = body.find("plekken"); spots != body.end() && !spots->is_null()) {
    if (!spots->is_object()) bad("plekken", "'plekken' is {sessie}.");
    const std::string session = support::trim(text_of(*spots, "sessie", ""));
    if (session.empty()) bad("plekken", "Plekken horen bij een sessie: geef 'sessie'.");
    if (session.size() > 200) bad("plekken", "De sessienaam is te lang (hoogstens 200 tekens).");
    v.spots_session = session;
  }
  if (const auto found = body.find("gezocht"); found != body.end() && !found->is_null()) {
    if (!found->is_object()) bad("gezocht", "'gezocht' is {niveau, code} van een zoekresultaat.");
    PrintSearched s{text_of(*found, "niveau", ""), text_of(*found, "code", "")};
    if (s.level != "buurt" && s.level != "wijk" && s.level != "programmawijk")
      bad("gezocht", "Het niveau is buurt, wijk of programmawijk.");
    const bool plain = !s.code.empty() && s.code.size() <= 40 &&
                       std::all_of(s.code.begin(), s.code.end(), [](unsigned char c) {
                         return std::isalnum(c) || c == '_' || c == '-';
                       });
    if (!plain) bad("gezocht", "De code is die van een zoekresultaat (letters en cijfers).");
    v.searched = std::move(s);
  }
  if (const auto since = body.find("sinds"); since != body.end() && !since->is_null()) {
    if (!since->is_object() || since->contains("sessie") == since->contains("vanaf"))
      bad("sinds", "'sinds' is {sessie} of {vanaf: 2026-12-01}.");
    const bool session = since->contains("sessie");
    const std::string value = support::trim(text_of(*since, session ? "sessie" : "vanaf", ""));
    if (const std::string problem = since_moment_problem(session, value); !problem.empty())
      bad("sinds", problem);
    v.since = value;
  }
  return v;
}

std::string map_definition_toml(const PrintView& v, const PrintSources& s,
                                const PrintContent& content) {
  const std::vector<store::Drawing>& drawings = content.drawings;
  const auto drawn = [&](sketch::MarkKind kind, const char* category) {
    return std::any_of(drawings.begin(), drawings.end(), [&](const store::Drawing& d) {
      return d.kind == kind && (!category || sketch::to_string(d.category) == category);
    });
  };
  const auto on = [&](const char* id) {
    return std::find(v.layers.begin(), v.layers.end(), id) != v.layers.end();
  };
  std::ostringstream t;
  t << "# Het beeld van wijkatlas serve als kaartdefinitie (docs/maps.md). Opnieuw maken:\n"
    << "#   wijkatlas map deze_kaart.toml -o kaart.pdf\n\n"
    << "[map]\n"
    << "title = " << quoted(v.title) << "\n"
    << "subtitle = "
    << quoted(v.session.empty() || !on("tekeningen") ? "Afgedrukt uit wijkatlas serve"
                                                     : "Sessie: " + v.session)
    << "\n"
    << "paper = " << quoted(v.paper) << "\n"
    << "orientation = " << quoted(v.orientation) << "\n"
    << "north_arrow = true\nscale_bar = true\n\n"
    << "[extent]\n"
    << "centre = [" << number(v.centre.x()) << ", " << number(v.centre.y()) << "]\n"
    << "scale = " << number(v.scale) << "\n"
    << "largest_scale = " << number(std::min(v.scale, 1000.0)) << "\n"
    << "smallest_scale = " << number(std::max(v.scale, 25000.0)) << "\n\n"
    << "[[layer]]\ntype = \"basemap\"\noptional = true\n";
  // The key figure under the outlines, classed and coloured as the screen shows it (the same
  // classification and palette: render::classify, YlGnBu); its legend is the CBS title.
  if (v.figures)
    t << "\n[[layer]]\ntype = \"choropleth\"\nlevel = "
      << quoted(v.figures->layer == "wijken" ? "wijk" : "buurt")
      << "\nfield = " << quoted(v.figures->measure) << "\nmethod = " << quoted(v.figures->method)
      << "\nclasses = " << v.figures->classes << "\npalette = \"YlGnBu\"\n"
      << "outline = \"#808080\"\noutline_width_mm = 0.2\n";
  // The overlays in the page's colours (server/src/overlays.cpp: the printed maps' own).
  if (on("buurten"))
    t << "\n[[layer]]\ntype = \"areas\"\nlevel = \"buurt\"\nfill = \"#f3f0e8\"\n"
      << "fill_opacity = 0.35\noutline = \"#9a9a9a\"\noutline_width_mm = 0.25\n"
      << "legend = \"CBS-buurten\"\n";
  if (on("wijken"))
    t << "\n[[layer]]\ntype = \"areas\"\nlevel = \"wijk\"\nfill = \"none\"\n"
      << "outline = \"#6b6b6b\"\noutline_width_mm = 0.5\nlegend = \"CBS-wijken\"\n";
  if (on("programmawijken"))
    t << "\n[[layer]]\ntype = \"areas\"\nlevel = \"programma\"\nfill = \"#7fb3d5\"\n"
      << "fill_opacity = 0.25\noutline = \"#1f4e79\"\noutline_width_mm = 0.8\nlabel = \"naam\"\n"
      << "label_size_pt = 11\nlegend = \"Programmawijken\"\n";
  // What residents drew together, as the operator's screen shows it (every place, n >= 1): the
  // paper goes on the same table as the beamer.
  if (v.overlap)
    t << "\n[[layer]]\ntype = \"overlap\"\nsource = " << quoted(s.store)
      << "\nsession = " << quoted(v.overlap->session)
      << "\nsketch_category = " << quoted(v.overlap->category)
      << "\nmin_sheets = 1\nlegend = \"Samen getekend\"\n";
  // The session's spots outlined in their category's colour, wider than a drawing's outline (the
  // screen dashes them; the map definition has no dashes).
  if (v.spots_session)
    for (const DrawnStyle& d : drawn_styles) {
      const bool any = std::any_of(content.spots.begin(), content.spots.end(), [&](const auto& p) {
        return sketch::to_string(p.category) == d.category;
      });
      if (!any) continue;
      t << "\n[[layer]]\ntype = \"areas\"\nsource = " << quoted(s.store)
        << "\nsource_layer = \"spots\"\nwhere = "
        << quoted("session = " + sql(*v.spots_session) + " AND category = " + sql(d.category))
        << "\nfill = \"none\"\noutline = " << quoted(d.colour)
        << "\noutline_width_mm = 1.2\nlegend = " << quoted(std::string("Plek: ") + d.label)
        << "\nattribution = \"tekeningen van bewoners\"\n";
    }
  if (on("tekeningen") && !v.session.empty()) {
    const std::string of_session = "source = " + sql(store::screen_channel) +
                                   " AND superseded = 0 AND session = " + sql(v.session);
    // Areas and lines of a category in one layer: areas filled as on the screen, lines stroked
    // in the same colour (a layer of lines only has a line in the legend).
    for (const DrawnStyle& d : drawn_styles) {
      if (!drawn(sketch::MarkKind::area, d.category) && !drawn(sketch::MarkKind::line, d.category))
        continue;
      t << "\n[[layer]]\ntype = \"areas\"\nsource = " << quoted(s.store)
        << "\nsource_layer = \"sketches\"\nwhere = "
        << quoted(of_session + " AND kind IN ('vlak', 'lijn') AND category = " + sql(d.category))
        << "\nfill = " << quoted(d.colour) << "\nfill_opacity = 0.3\noutline = " << quoted(d.colour)
        << "\noutline_width_mm = 0.8\nlegend = " << quoted(d.legend)
        << "\nattribution = \"scherm\"\n";
    }
    if (drawn(sketch::MarkKind::point, nullptr))
      t << "\n[[layer]]\ntype = \"points\"\nsource = " << quoted(s.store)
        << "\nsource_layer = \"sketches\"\nwhere = " << quoted(of_session + " AND kind = 'punt'")
        << "\ncategory = \"category\"\nlegend = \"Getekend op het scherm (punten)\"\n"
        << "attribution = \"scherm\"\nsymbol_mm = 3.4\n";
  }
  if (on("initiatieven"))
    t << "\n[[layer]]\ntype = \"points\"\nsource = " << quoted(s.registry)
      << (s.registry_from_store ? "\nstore_table = \"initiatives\"" : "")
      << "\ncategory = \"thema\"\nlegend = \"Initiatieven per thema\"\n"
      << "attribution = \"voorbeeldregister NPAO (fictief)\"\nsymbol_mm = 3.4\n";
  // "Sinds vorige keer": a symbol per kind of change, new initiatives from the same registry as
  // the initiatives layer.
  if (v.since)
    t << "\n[[layer]]\ntype = \"since\"\nsource = " << quoted(s.store)
      << "\nsince = " << quoted(*v.since) << "\nregistry = " << quoted(s.registry)
      << (s.registry_from_store ? "\nstore_table = \"initiatives\"" : "") << "\n";
  // What the search found, in the screen's key colour (Okabe–Ito orange).
  if (v.searched)
    t << "\n[[layer]]\ntype = \"areas\"\nlevel = " << quoted(v.searched->level)
      << "\narea = " << quoted(v.searched->code)
      << "\nfill = \"none\"\noutline = \"#e69f00\"\noutline_width_mm = 1.2\n"
      << "legend = \"Gezocht gebied\"\n";
  // The printed maps' own landmarks: pictograms with names, placed clear of every other label.
  if (on("herkenningspunten")) t << "\n[[layer]]\ntype = \"landmarks\"\n";
  return t.str();
}

std::vector<std::byte> render_print(const std::string& toml, const PrintSources& s,
                                    std::mutex& painter, geo::Reporter& reporter) {
  // prepare_map reads a definition from a file, as `wijkatlas map` does: the same path.
  const fs::path dir =
      fs::temp_directory_path() / ("wijkatlas-afdruk-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  static std::atomic<unsigned> counter{0};
  const fs::path file = dir / ("kaart-" + std::to_string(++counter) + ".toml");
  {
    std::ofstream out(file, std::ios::binary);
    out << toml;
    if (!out) throw io_error(file.string(), "cannot write the print's map definition");
  }
  struct RemoveAfter {
    fs::path p;
    ~RemoveAfter() {
      std::error_code ignored;
      fs::remove(p, ignored);
    }
  } cleanup{file};
  project::MapRequest request;
  request.definition = file.string();
  request.data_dir = s.data_dir;
  request.cache_dir = s.cache_dir;
  request.store = s.store;  // the areas and initiatives the viewer shows
  const std::lock_guard lock(painter);
  const project::PreparedMap map = project::prepare_map(request, reporter);
  return render::render_map(render::OutputFormat::pdf, map.spec, map.info);
}

}  // namespace wijkatlas::server
