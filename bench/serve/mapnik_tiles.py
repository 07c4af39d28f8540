#!/usr/bin/python3
"""The Mapnik peer of the viewer server's tile benchmark (issue 14; bench/run_serve_bench.sh).

Renders the same 256 px tiles of the RD tile grid as `wijkatlas serve` (the list of
`tiles.py cold`, "z x y" lines on stdin) in the base map style of the renderer benchmark
(bench/render/mapnik_render.py build_xml: the classes of geo/src/basemap.cpp, the widths and
colours of paint_basemap.cpp at the level's scale, street names along the lines), reading the
same extract as a GeoPackage (ogr2ogr ... lines multipolygons -t_srs EPSG:28992, with its
R*Tree) through Mapnik's ogr plugin, as bench/basemap/mapnik_atlas.py does.

As a tile server does it: one Map per level, loaded once (the load is timed apart and printed,
not counted per tile); per tile zoom_to_box, render and encode the PNG (RGB, zlib level 3, as
wijkatlas writes), in this process. The scale is the level's at the OGC pixel of 0.28 mm
(scale factor 25.4 / 0.28 / 72 = 1.26 pixels per point), so a width in paper millimetres is as
many pixels as on wijkatlas's tiles.

  --mode tile       each listed tile alone, 256 x 256 px with a buffer of --buffer px (default
                    64, what wijkatlas reads around a metatile) for casings and labels
  --mode metatile   the 4 x 4 metatile of each listed tile, 1024 x 1024 px with the same
                    buffer, cut into 16 PNGs (what wijkatlas does for the first tile)

Prints one line per tile or metatile "z x y ms bytes" and a summary line starting "mapnik:".

usage: mapnik_tiles.py --gpkg arnhem_rd.gpkg [--mode tile|metatile] [--buffer 64] < tiles.txt
"""
import argparse
import os
import statistics
import sys
import time
import types

import mapnik

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "render"))
sys.path.insert(0, HERE)
import mapnik_render  # noqa: E402  (the style of the renderer benchmark)
import tiles  # noqa: E402  (the RD tile grid)

PNG_FORMAT = "png32:t=0:z=3"  # RGB, zlib level 3: what wijkatlas writes
SCALE_FACTOR = 25.4 / tiles.SCREEN_PIXEL_MM / 72.0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--gpkg", required=True)
    p.add_argument("--mode", choices=["tile", "metatile"], default="tile")
    p.add_argument("--buffer", type=int, default=64)
    p.add_argument("--out-dir", help="write the PNGs here (to look at them)")
    a = p.parse_args()
    mapnik.register_fonts(mapnik_render.FONT_DIR)
    listed = tiles.read_list(sys.stdin)
    side_px = tiles.TILE_PX * (tiles.META if a.mode == "metatile" else 1)

    maps, load_s = {}, []
    times, sizes = [], []
    for z, x, y in listed:
        if z not in maps:  # one Map per level: the style's widths depend on the scale
            start = time.perf_counter()
            style = types.SimpleNamespace(scale=tiles.scale_denominator(z), osm=a.gpkg, osm_srs="epsg:28992",
                                          points=None, categories=[])
            m = mapnik.Map(side_px, side_px)
            mapnik.load_map_from_string(m, mapnik_render.build_xml(style, "", side_px, side_px, None))
            m.buffer_size = a.buffer
            maps[z] = m
            load_s.append(time.perf_counter() - start)
        m = maps[z]
        if a.mode == "metatile":
            mx, my = x // tiles.META, y // tiles.META
            box = tiles.metatile_box(z, mx, my)
        else:
            box = tiles.tile_box(z, x, y)
        start = time.perf_counter()
        m.zoom_to_box(mapnik.Box2d(*box))
        im = mapnik.Image(side_px, side_px)
        mapnik.render(m, im, SCALE_FACTOR)
        if a.mode == "metatile":
            pngs = [im.view(col * tiles.TILE_PX, row * tiles.TILE_PX, tiles.TILE_PX, tiles.TILE_PX).tostring(PNG_FORMAT)
                    for row in range(tiles.META) for col in range(tiles.META)]
        else:
            pngs = [im.tostring(PNG_FORMAT)]
        ms = (time.perf_counter() - start) * 1000
        times.append(ms)
        sizes.append(sum(len(b) for b in pngs))
        if a.out_dir:
            os.makedirs(a.out_dir, exist_ok=True)
            for i, b in enumerate(pngs):
                with open(os.path.join(a.out_dir, "%s_%d_%d_%d_%d.png" % (a.mode, z, x, y, i)), "wb") as f:
                    f.write(b)
        print("%d %d %d %.3f %d" % (z, x, y, ms, sizes[-1]))
    per = tiles.META * tiles.META if a.mode == "metatile" else 1
    print("mapnik: mode %s, %d renders of %d px, buffer %d px, scale factor %.3f; map loads %s s; "
          "ms per render median %.1f mean %.1f min %.1f max %.1f; per 256 px tile median %.1f mean %.1f; "
          "bytes per tile mean %.0f" % (
              a.mode, len(times), side_px, a.buffer, SCALE_FACTOR, ",".join("%.3f" % s for s in load_s),
              statistics.median(times), statistics.mean(times), min(times), max(times),
              statistics.median(times) / per, statistics.mean(times) / per, statistics.mean(sizes) / per),
          file=sys.stderr)


if __name__ == "__main__":
    main()
