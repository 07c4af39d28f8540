#!/usr/bin/python3
"""The Mapnik peer of the renderer benchmark (issue 3): the same page, ground and layers as
`wijkatlas map` draws from bench/render/map_template.toml, in an equivalent style.

Run with the system Python (/usr/bin/python3 has python3-mapnik). Reads the OSM extract with
Mapnik's ogr plugin (GDAL's OSM driver, layers `multipolygons` and `lines`, as wijkatlas does)
and the points with the geojson plugin. Classes are Mapnik filter expressions that mirror
geo/src/basemap.cpp (classify_area, classify_line); widths and colours mirror
render/src/paint/paint_basemap.cpp, paint_layers.cpp and render/src/map/map_labels.cpp at the
map's scale.

Whole page at the map's scale: the image is the page (A3 3508 x 4961 px, A0 9933 x 14043 px at
300 dpi; a PDF page in points), placed so that the ground lies on the same pixels as in
wijkatlas's map frame. Mapnik has no page furniture (title, legend, scale bar): it draws base
map and points over the whole page, wijkatlas draws the frame plus furniture.

usage: mapnik_render.py --paper A3 --centre 9.52,47.15 --scale 25000 --osm X.osm.pbf
                        --points P.geojson -o out.png|out.pdf [--dpi 300]
"""
import argparse
import math
import os
import sys
import tempfile

import mapnik

PAPER_MM = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594), "A1": (594, 841), "A0": (841, 1189)}
MARGIN_MM, HEADER_MM, GAP_MM = 10, 17, 4  # render/src/map/page_layout.cpp, portrait
PT_PER_MM = 72 / 25.4
FONT_DIR = "/usr/share/fonts/truetype/noto"

# Okabe-Ito colours and shapes by category index, categories sorted by name
# (render/src/layout/style.cpp category_symbol).
OKABE_ITO = ["#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#f0e442", "#333333"]
SHAPES = ["circle", "square", "triangle", "diamond", "inverted_triangle", "star", "hexagon", "cross"]


def regular(corners, radius, start_deg):
    return [(radius * math.cos(math.radians(start_deg + 360.0 * i / corners)),
             radius * math.sin(math.radians(start_deg + 360.0 * i / corners))) for i in range(corners)]


def outline(shape):
    if shape == "square":
        return regular(4, 0.5 * math.sqrt(2) * 0.9, 45)
    if shape == "triangle":
        return regular(3, 0.6, -90)
    if shape == "inverted_triangle":
        return regular(3, 0.6, 90)
    if shape == "diamond":
        return regular(4, 0.6, -90)
    if shape == "hexagon":
        return regular(6, 0.52, 0)
    if shape == "star":
        outer, inner = regular(5, 0.62, -90), regular(5, 0.27, -54)
        return [p for pair in zip(outer, inner) for p in pair]
    a, b = 0.5, 0.17
    return [(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b), (-a, b), (-a, -b), (-b, -b)]


def marker_svg(shape, colour, diameter_pt):
    """White rim (0.5 mm stroke under the fill), fill, dark 0.18 mm outline: paint_symbol."""
    rim, line = 0.5 * PT_PER_MM, 0.18 * PT_PER_MM
    size = diameter_pt * 1.3 + rim
    c = size / 2
    if shape == "circle":
        geom = '<circle cx="%.3f" cy="%.3f" r="%.3f" %s/>'
        parts = [geom % (c, c, diameter_pt / 2, 'fill="none" stroke="#ffffff" stroke-width="%.3f"' % rim),
                 geom % (c, c, diameter_pt / 2, 'fill="%s" stroke="#262626" stroke-width="%.3f"' % (colour, line))]
    else:
        d = "M" + " L".join("%.3f,%.3f" % (c + x * diameter_pt, c + y * diameter_pt) for x, y in outline(shape)) + " Z"
        parts = ['<path d="%s" fill="none" stroke="#ffffff" stroke-width="%.3f" stroke-linejoin="miter"/>' % (d, rim),
                 '<path d="%s" fill="%s" stroke="#262626" stroke-width="%.3f" stroke-linejoin="miter"/>' % (d, colour, line)]
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%.3f" height="%.3f" viewBox="0 0 %.3f %.3f">%s</svg>'
            % (size, size, size, size, "".join(parts)))


def mm(x):
    return x * PT_PER_MM


def street_width_mm(major, mm_per_metre):
    minor = min(max(7.0 * mm_per_metre, 0.45), 1.3)
    return minor * 1.5 if major else minor


MAJOR = ["motorway", "trunk", "primary", "secondary", "tertiary", "motorway_link", "trunk_link",
         "primary_link", "secondary_link", "tertiary_link"]
MINOR = ["residential", "unclassified", "living_street", "pedestrian", "service"]
PATHS = ["footway", "cycleway", "path", "track", "steps", "bridleway"]
RAIL = ["rail", "light_rail", "tram", "narrow_gauge"]
WATERWAY = ["river", "canal", "stream", "ditch"]
WATER_LANDUSE = ["reservoir", "basin", "water"]
GREEN_LANDUSE = ["grass", "meadow", "forest", "recreation_ground", "village_green", "cemetery", "allotments",
                 "orchard", "farmland"]
GREEN_LEISURE = ["park", "garden", "playground", "pitch", "nature_reserve", "golf_course"]
GREEN_NATURAL = ["wood", "scrub", "grassland", "heath", "wetland"]


def one_of(field, values):
    return "(" + " or ".join("[%s] = '%s'" % (field, v) for v in values) + ")"


def not_one_of(field, values):
    return "(" + " and ".join("[%s] != '%s'" % (field, v) for v in values) + ")"


# geo::classify_area: building first, then water, then green.
BUILDING = "([building] != '' and [building] != 'no')"
WATER = "([natural] = 'water' or %s or [other_tags].match('.*\"water\"=>.*'))" % one_of("landuse", WATER_LANDUSE)
GREEN = "(%s or %s or %s)" % (one_of("landuse", GREEN_LANDUSE), one_of("leisure", GREEN_LEISURE),
                              one_of("natural", GREEN_NATURAL))
# geo::classify_line: highway classes first, then railway, then waterway.
HIGHWAY_ANY = one_of("highway", MAJOR + MINOR + PATHS)
LINE = {
    "major": one_of("highway", MAJOR),
    "minor": one_of("highway", MINOR),
    "path": one_of("highway", PATHS),
    "rail": "(not %s and %s)" % (HIGHWAY_ANY, one_of("railway", RAIL)),
    "waterway": "(not %s and not %s and %s)" % (HIGHWAY_ANY, one_of("railway", RAIL), one_of("waterway", WATERWAY)),
}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def line_rule(filter_expr, colour, width_mm, cap="round", dash=None):
    d = ' stroke-dasharray="%s"' % ",".join("%.3f" % mm(v) for v in dash) if dash else ""
    return ('<Rule><Filter>%s</Filter><LineSymbolizer stroke="%s" stroke-width="%.4f" stroke-linecap="%s" '
            'stroke-linejoin="round"%s/></Rule>' % (esc(filter_expr), colour, mm(width_mm), cap, d))


def build_xml(a, marker_dir, page_w_pt, page_h_pt, extent):
    mpm = 1000.0 / a.scale  # paper mm per ground metre
    area_colour = {"green": "#e4eedc", "water": "#c9dded", "building": "#dfdbd6"}
    styles = []
    # Areas: green under water under buildings, as the stable sort in load_osm_basemap.
    green_f = "not %s and not %s and %s" % (BUILDING, WATER, GREEN)
    water_f = "not %s and %s" % (BUILDING, WATER)
    rules = []
    for name, f in (("green", green_f), ("water", water_f), ("building", BUILDING)):
        rules.append('<Style name="area-%s"><Rule><Filter>%s</Filter><PolygonSymbolizer fill="%s"/>%s</Rule></Style>'
                     % (name, esc(f), area_colour[name],
                        '<LineSymbolizer stroke="#c8c3bc" stroke-width="%.4f"/>' % mm(0.08)
                        if name == "building" and mpm >= 0.1 else ""))
    styles += rules
    minor_w, major_w = street_width_mm(False, mpm), street_width_mm(True, mpm)
    passes = [
        ("waterway", line_rule(LINE["waterway"], "#afcde4", min(max(4.0 * mpm, 0.3), 0.9))),
        ("path", line_rule(LINE["path"], "#bebebe", 0.2, dash=(0.8, 0.5))),
        ("casing-minor", line_rule(LINE["minor"], "#c4c4c4", minor_w + 0.3)),
        ("casing-major", line_rule(LINE["major"], "#c4c4c4", major_w + 0.3)),
        ("fill-minor", line_rule(LINE["minor"], "#ffffff", minor_w)),
        ("fill-major", line_rule(LINE["major"], "#fbf3dc", major_w)),
        ("rail", line_rule(LINE["rail"], "#9a9a9a", 0.7, cap="butt")),
        ("rail-dash", line_rule(LINE["rail"], "#ffffff", 0.35, cap="butt", dash=(1.5, 1.5))),
    ]
    for name, rule in passes:
        styles.append('<Style name="line-%s">%s</Style>' % (name, rule))
    # Points: symbols never collide (allow-overlap) but keep labels off them (no ignore-placement).
    point_rules = []
    for i, cat in enumerate(sorted(a.categories)):
        path = os.path.join(marker_dir, "%s.svg" % cat)
        point_rules.append('<Rule><Filter>[categorie] = \'%s\'</Filter><MarkersSymbolizer file="%s" '
                           'allow-overlap="true" placement="point"/></Rule>' % (cat, path))
    styles.append('<Style name="point-symbols">%s</Style>' % "".join(point_rules))
    gap = mm(3.2 / 2 + 0.7)
    halo = 'halo-fill="rgba(255,255,255,0.9)" halo-radius="1.2"'
    styles.append(
        '<Style name="point-labels"><Rule><TextSymbolizer face-name="Noto Sans Regular" size="7" fill="#1a1a1a" %s '
        'placement-type="simple" placements="E,W,N,S,NE,NW,SE,SW" dx="%.3f" dy="%.3f">[naam]</TextSymbolizer>'
        '</Rule></Style>' % (halo, gap, gap))
    # Street and water names along the lines, at most once per 90 mm; majors before minors
    # before water, as the priorities in map_labels.cpp.
    spacing = mm(90)
    label_rules = []
    for key, face, colour in (("major", "Noto Sans Regular", "#4a4a4a"), ("minor", "Noto Sans Regular", "#4a4a4a"),
                              ("waterway", "Noto Sans Italic", "#2f648e")):
        label_rules.append(
            '<Style name="names-%s"><Rule><Filter>[name] != \'\' and %s</Filter><TextSymbolizer face-name="%s" '
            'size="6.5" fill="%s" %s placement="line" spacing="%.1f" repeat-distance="%.1f" '
            'max-char-angle-delta="20" upright="auto">[name]</TextSymbolizer></Rule></Style>'
            % (key, esc(LINE[key]), face, colour, halo, spacing, spacing))
    styles += label_rules

    osm = esc(a.osm)

    # An .osm.pbf is in lon/lat; a GeoPackage made from one (the base map benchmark) may be in RD.
    osm_srs = getattr(a, "osm_srs", "epsg:4326")

    def ogr_layer(name, ogr_name, style_names):
        return ('<Layer name="%s" srs="%s">%s<Datasource><Parameter name="type">ogr</Parameter>'
                '<Parameter name="file">%s</Parameter><Parameter name="layer">%s</Parameter></Datasource></Layer>'
                % (name, osm_srs, "".join("<StyleName>%s</StyleName>" % s for s in style_names), osm, ogr_name))

    layers = [
        ogr_layer("areas", "multipolygons", ["area-green", "area-water", "area-building"]),
        ogr_layer("lines", "lines", ["line-" + n for n, _ in passes]),
    ]
    if a.points:
        layers.append(
            '<Layer name="points" srs="epsg:4326"><StyleName>point-symbols</StyleName><StyleName>point-labels</StyleName>'
            '<Datasource><Parameter name="type">geojson</Parameter><Parameter name="file">%s</Parameter></Datasource>'
            '</Layer>' % esc(a.points))
    layers.append(ogr_layer("names", "lines", ["names-major", "names-minor", "names-waterway"]))
    return ('<?xml version="1.0" encoding="utf-8"?><Map srs="epsg:28992" background-color="#fbfaf9">%s%s</Map>'
            % ("".join(styles), "".join(layers)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--paper", default="A3")
    p.add_argument("--centre", required=True, help="lon,lat of the map frame's centre")
    p.add_argument("--scale", type=float, default=25000)
    p.add_argument("--dpi", type=float, default=300)
    p.add_argument("--osm", required=True)
    p.add_argument("--points", required=True)
    p.add_argument("--categories", default="buurthuis,cultuur,groen,onderwijs,sport,zorg")
    p.add_argument("-o", "--output", required=True)
    a = p.parse_args()
    a.categories = a.categories.split(",")
    mapnik.register_fonts(FONT_DIR)

    page_w_mm, page_h_mm = PAPER_MM[a.paper]
    # The map frame of a portrait page (page_layout.cpp): header above, 48 mm panel below.
    content_h = page_h_mm - 2 * MARGIN_MM
    panel = min(48.0, content_h * 0.2)
    frame_x, frame_y = MARGIN_MM, MARGIN_MM + HEADER_MM
    frame_w, frame_h = page_w_mm - 2 * MARGIN_MM, content_h - HEADER_MM - panel - GAP_MM

    lon, lat = (float(v) for v in a.centre.split(","))
    to_rd = mapnik.ProjTransform(mapnik.Projection("epsg:4326"), mapnik.Projection("epsg:28992"))
    c = to_rd.forward(mapnik.Coord(lon, lat))
    metres_per_mm = a.scale / 1000.0
    pdf = a.output.lower().endswith(".pdf")
    if pdf:  # a PDF page in points: Mapnik's cairo PDF surface is width x height points
        width, height = round(mm(page_w_mm)), round(mm(page_h_mm))
        units_per_mm, scale_factor = PT_PER_MM, 1.0
    else:
        width, height = round(page_w_mm / 25.4 * a.dpi), round(page_h_mm / 25.4 * a.dpi)
        units_per_mm, scale_factor = a.dpi / 25.4, a.dpi / 72.0
    metres_per_unit = metres_per_mm / units_per_mm
    min_x = c.x - (frame_x + frame_w / 2) * metres_per_mm
    max_y = c.y + (frame_y + frame_h / 2) * metres_per_mm
    extent = mapnik.Box2d(min_x, max_y - height * metres_per_unit, min_x + width * metres_per_unit, max_y)

    with tempfile.TemporaryDirectory() as marker_dir:
        for i, cat in enumerate(sorted(a.categories)):
            with open(os.path.join(marker_dir, cat + ".svg"), "w") as f:
                f.write(marker_svg(SHAPES[i % 8], OKABE_ITO[(i + i // 8) % 8], mm(3.2)))
        m = mapnik.Map(width, height)
        mapnik.load_map_from_string(m, build_xml(a, marker_dir, width, height, extent))
        m.zoom_to_box(extent)
        if pdf:
            mapnik.render_to_file(m, a.output, "pdf", scale_factor)
        else:
            im = mapnik.Image(width, height)
            mapnik.render(m, im, scale_factor)
            im.save(a.output, "png32:t=0:z=3")  # RGB, zlib level 3: what wijkatlas writes
    print("mapnik: %s %d x %d, scale 1:%d" % (a.output, width, height, a.scale), file=sys.stderr)


if __name__ == "__main__":
    main()
