#!/usr/bin/python3
"""Tile lists and a small HTTP client for the viewer server's benchmark (issue 14;
bench/run_serve_bench.sh, docs/performance.md "The meeting viewer's server").

The grid is the PDOK RD tile grid of render/include/wijkatlas/render/tile_grid.hpp: origin
(-285401.92, 903401.92) at the top left, 256 px tiles, 3440.64 m per pixel at level 0, half of
that per level; metatiles of 4 x 4 tiles (render/tiles.hpp metatile_of).

  tiles.py cold --base URL --levels 11,12,13 --per-wijk 2 [--skip Z/X/Y]
      one tile per fresh metatile over the programme wijken (their outlines from the server's
      /api/lagen/programmawijken): for each level and wijk the metatiles whose centre lies
      closest to the wijk's centroid, the tile at offset (1, 1) of each; "z x y wijk" lines
  tiles.py viewport --centre X,Y --level Z [--width 1920 --height 1080]
      the tiles covering a screen of that size centred there, as OpenLayers asks for them
      (centre out); "z x y" lines
  tiles.py grid --bbox MINX,MINY,MAXX,MAXY --level Z
      one tile (offset (1, 1)) of every metatile over the box, row by row; "z x y" lines
  tiles.py metatiles < list
      every tile of the metatiles of the listed tiles; "z x y" lines
  tiles.py fetch --base URL --parallel N [--status-each] < list
      GETs every tile, N keep-alive connections taking the next tile from one queue (as a
      browser's 6 connections to one host); one line per tile "z x y status bytes ms" on stdout
      and a summary on stderr: tiles, wall seconds, latency p50/p90/max. --status-each (with
      --parallel 1) asks /api/status after every tile, untimed, and adds the metatiles the
      server drew for it and their drawing time in ms: "... metatiles render_ms"
  tiles.py status --base URL
      the server's /api/status tile counters, "metatiles render_ms"

Run with /usr/bin/python3 (only the standard library here; mapnik_tiles.py imports it too).
"""
import argparse
import http.client
import json
import queue
import statistics
import sys
import threading
import time
import urllib.parse

ORIGIN_X, ORIGIN_Y = -285401.92, 903401.92
TILE_PX = 256
LEVEL0_RES = 3440.64
META = 4
SCREEN_PIXEL_MM = 0.28


def resolution(z):
    return LEVEL0_RES / (1 << z)


def scale_denominator(z):
    return resolution(z) * 1000.0 / SCREEN_PIXEL_MM


def tile_box(z, x, y):
    """(min_x, min_y, max_x, max_y) of a tile in RD New metres."""
    side = resolution(z) * TILE_PX
    min_x = ORIGIN_X + x * side
    max_y = ORIGIN_Y - y * side
    return (min_x, max_y - side, min_x + side, max_y)


def metatile_box(z, mx, my):
    side = resolution(z) * TILE_PX * META
    min_x = ORIGIN_X + mx * side
    max_y = ORIGIN_Y - my * side
    return (min_x, max_y - side, min_x + side, max_y)


def tile_at(z, px, py):
    side = resolution(z) * TILE_PX
    return int((px - ORIGIN_X) // side), int((ORIGIN_Y - py) // side)


def read_list(stream):
    out = []
    for line in stream:
        parts = line.split()
        if parts and not parts[0].startswith("#"):
            out.append(tuple(int(v) for v in parts[:3]))
    return out


def get_json(base, path):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit("tiles.py: %s%s answered %d" % (base, path, r.status))
    return json.loads(body)


def rings_of(geometry):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [p[0] for p in polys]


def centroid(rings):
    """Area-weighted centroid of the outer rings (holes ignored: a wijk's middle is enough)."""
    a_sum = cx = cy = 0.0
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            a_sum += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    return cx / (3 * a_sum), cy / (3 * a_sum)


def cmd_cold(a):
    wijken = get_json(a.base, "/api/lagen/programmawijken")["features"]
    skip = set()
    for s in a.skip or []:
        z, x, y = (int(v) for v in s.split("/"))
        skip.add((z, x // META, y // META))
    seen = set(skip)
    for z in (int(v) for v in a.levels.split(",")):
        for f in wijken:
            rings = rings_of(f["geometry"])
            cx, cy = centroid(rings)
            xs = [p[0] for r in rings for p in r]
            ys = [p[1] for r in rings for p in r]
            tx0, ty0 = tile_at(z, min(xs), max(ys))
            tx1, ty1 = tile_at(z, max(xs), min(ys))
            metas = {(tx // META, ty // META) for tx in range(tx0, tx1 + 1) for ty in range(ty0, ty1 + 1)}

            def dist(m):
                b = metatile_box(z, *m)
                return ((b[0] + b[2]) / 2 - cx) ** 2 + ((b[1] + b[3]) / 2 - cy) ** 2

            n = 0
            for mx, my in sorted(metas, key=dist):
                if n == a.per_wijk:
                    break
                if (z, mx, my) in seen:
                    continue
                seen.add((z, mx, my))
                n += 1
                print(z, mx * META + 1, my * META + 1, f["properties"]["naam"].replace(" ", "_"))


def cmd_viewport(a):
    cx, cy = (float(v) for v in a.centre.split(","))
    res = resolution(a.level)
    half_w, half_h = a.width / 2 * res, a.height / 2 * res
    x0, y0 = tile_at(a.level, cx - half_w, cy + half_h)
    # The right and bottom edges: a tile that the screen only touches is not needed.
    x1, y1 = tile_at(a.level, cx + half_w - 1e-6, cy - half_h + 1e-6)
    tiles = [(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]
    cx_t, cy_t = (x0 + x1) / 2, (y0 + y1) / 2
    tiles.sort(key=lambda t: (t[0] - cx_t) ** 2 + (t[1] - cy_t) ** 2)  # OpenLayers: centre first
    for x, y in tiles:
        print(a.level, x, y)


def cmd_grid(a):
    min_x, min_y, max_x, max_y = (float(v) for v in a.bbox.split(","))
    x0, y0 = tile_at(a.level, min_x, max_y)
    x1, y1 = tile_at(a.level, max_x, min_y)
    for my in range(y0 // META, y1 // META + 1):
        for mx in range(x0 // META, x1 // META + 1):
            print(a.level, mx * META + 1, my * META + 1)


def cmd_metatiles(_a):
    metas = []
    for z, x, y in read_list(sys.stdin):
        m = (z, x // META, y // META)
        if m not in metas:
            metas.append(m)
    for z, mx, my in metas:
        for row in range(META):
            for col in range(META):
                print(z, mx * META + col, my * META + row)


def cmd_fetch(a):
    tiles = read_list(sys.stdin)
    u = urllib.parse.urlsplit(a.base)
    todo = queue.Queue()
    for i, t in enumerate(tiles):
        todo.put((i, t))
    results = [None] * len(tiles)
    errors = []
    if a.status_each:
        if a.parallel != 1:
            raise SystemExit("tiles.py: --status-each needs --parallel 1")
        t = get_json(a.base, "/api/status")["tegels"]
    drawn = [t["metategels_getekend"], t["tekentijd_ms"]] if a.status_each else None

    def worker():
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=300)
        while True:
            try:
                i, (z, x, y) = todo.get_nowait()
            except queue.Empty:
                break
            start = time.perf_counter()
            try:
                conn.request("GET", "/tiles/%d/%d/%d.png" % (z, x, y))
                r = conn.getresponse()
                body = r.read()
            except (OSError, http.client.HTTPException) as e:  # a closed keep-alive: once more
                conn.close()
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=300)
                try:
                    conn.request("GET", "/tiles/%d/%d/%d.png" % (z, x, y))
                    r = conn.getresponse()
                    body = r.read()
                except (OSError, http.client.HTTPException):
                    errors.append("%d/%d/%d: %s" % (z, x, y, e))
                    continue
            ms = (time.perf_counter() - start) * 1000
            results[i] = (z, x, y, r.status, len(body), ms)
            if a.status_each:
                t = get_json(a.base, "/api/status")["tegels"]
                now = (t["metategels_getekend"], t["tekentijd_ms"])
                results[i] += (now[0] - drawn[0], now[1] - drawn[1])
                drawn[:] = now
        conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(a.parallel)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    done = [r for r in results if r]
    for r in done:
        print(("%d %d %d %d %d %.3f" + " %d %.3f" * (len(r) == 8)) % r)
    bad = [r for r in done if r[3] != 200]
    ms = sorted(r[5] for r in done)

    def pct(p):
        return ms[min(len(ms) - 1, int(round(p / 100.0 * (len(ms) - 1))))] if ms else float("nan")

    print("fetch: %d tiles (%d not 200, %d failed), %d connections, wall %.3f s, %.1f tiles/s, "
          "latency ms p50 %.2f p90 %.2f max %.2f, mean %.2f" % (
              len(done), len(bad), len(errors), a.parallel, wall, len(done) / wall, pct(50), pct(90),
              ms[-1] if ms else float("nan"), statistics.mean(ms) if ms else float("nan")), file=sys.stderr)
    if bad or errors:
        print("fetch: failures: %s" % (errors[:3] or bad[:3]), file=sys.stderr)
        sys.exit(1)


def cmd_status(a):
    t = get_json(a.base, "/api/status")["tegels"]
    print(t["metategels_getekend"], "%.3f" % t["tekentijd_ms"], t["uit_geheugen"], t["geheugen_bytes"])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cold")
    c.add_argument("--base", required=True)
    c.add_argument("--levels", default="11,12,13")
    c.add_argument("--per-wijk", type=int, default=2)
    c.add_argument("--skip", action="append", help="Z/X/Y: leave out this tile's metatile")
    v = sub.add_parser("viewport")
    v.add_argument("--centre", required=True)
    v.add_argument("--level", type=int, required=True)
    v.add_argument("--width", type=int, default=1920)
    v.add_argument("--height", type=int, default=1080)
    g = sub.add_parser("grid")
    g.add_argument("--bbox", required=True)
    g.add_argument("--level", type=int, required=True)
    sub.add_parser("metatiles")
    f = sub.add_parser("fetch")
    f.add_argument("--base", required=True)
    f.add_argument("--parallel", type=int, default=1)
    f.add_argument("--status-each", action="store_true")
    s = sub.add_parser("status")
    s.add_argument("--base", required=True)
    a = p.parse_args()
    {"cold": cmd_cold, "viewport": cmd_viewport, "grid": cmd_grid, "metatiles": cmd_metatiles, "fetch": cmd_fetch,
     "status": cmd_status}[a.cmd](a)


if __name__ == "__main__":
    main()
