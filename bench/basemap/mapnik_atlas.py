#!/usr/bin/python3
"""The Mapnik peer of the base map benchmark (issue 17): the atlas's base-map pages (the wijk
template once per programme wijk) as one multi-page PDF, each page the same paper, ground and
scale as wijkatlas's (frames from bench_atlas_frames), in the style of the renderer benchmark
(bench/render/mapnik_render.py build_xml: the classes of geo/src/basemap.cpp, the widths and
colours of render/src/paint/paint_basemap.cpp, street names along the lines).

The base map is read from a GeoPackage made from the same extract (ogr2ogr, layers
multipolygons and lines in RD New, with their R*Tree), through Mapnik's ogr plugin: prepared
data, as wijkatlas reads its prepared base map. Mapnik draws the base map over the whole page
and no furniture, thematic layers or labels of areas; wijkatlas draws all of those as well.

usage: mapnik_atlas.py --gpkg arnhem.gpkg --frames frames.txt -o atlas.pdf
"""
import argparse
import os
import sys
import types

import cairo
import mapnik

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "render"))
import mapnik_render  # noqa: E402  (the style of the renderer benchmark)

PT_PER_MM = 72 / 25.4


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--gpkg", required=True)
    p.add_argument("--frames", required=True)
    p.add_argument("-o", "--output", required=True)
    a = p.parse_args()
    mapnik.register_fonts(mapnik_render.FONT_DIR)
    frames = [line.split() for line in open(a.frames) if line.strip()]
    surface = None
    for code, cx, cy, scale, fx, fy, fw, fh, pw, ph in frames:
        cx, cy, scale, fx, fy, fw, fh, pw, ph = map(float, (cx, cy, scale, fx, fy, fw, fh, pw, ph))
        width, height = round(pw * PT_PER_MM), round(ph * PT_PER_MM)
        if surface is None:
            surface = cairo.PDFSurface(a.output, width, height)
        else:
            surface.set_size(width, height)
        # The whole page at the page's scale, the frame's centre where wijkatlas has it.
        metres_per_mm = scale / 1000.0
        min_x = cx - (fx + fw / 2) * metres_per_mm
        max_y = cy + (fy + fh / 2) * metres_per_mm
        extent = mapnik.Box2d(min_x, max_y - ph * metres_per_mm, min_x + pw * metres_per_mm, max_y)
        style = types.SimpleNamespace(scale=scale, osm=a.gpkg, osm_srs="epsg:28992", points=None, categories=[])
        m = mapnik.Map(width, height)
        mapnik.load_map_from_string(m, mapnik_render.build_xml(style, "", width, height, extent))
        m.zoom_to_box(extent)
        mapnik.render(m, surface)
        surface.show_page()
        print("mapnik: page %s at 1:%d" % (code, scale), file=sys.stderr)
    surface.finish()


if __name__ == "__main__":
    main()
