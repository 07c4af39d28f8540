#!/usr/bin/python3
"""The tables of the viewer server's benchmark (issue 14) from bench/run_serve_bench.sh's raw
files: serve-raw.txt (one line per request or render) and serve-wrk.txt (wrk's output).

usage: summarize.py serve-raw.txt serve-wrk.txt > serve-summary.txt
"""
import re
import statistics
import sys

META_TILES = 16


def med(v):
    return statistics.median(v) if v else float("nan")


def mean(v):
    return statistics.mean(v) if v else float("nan")


def main():
    raw, wrk = sys.argv[1], sys.argv[2]
    req = {}  # phase -> [(z, x, y, status, bytes, ms, metatiles, render_ms)]
    mapnik = {"tile": [], "metatile": []}  # (z, x, y, ms, bytes)
    walls = {}  # phase -> [wall s]
    memory = []  # (server, hwm MB, rss MB)
    starts = []
    notes = []
    for line in open(raw):
        f = line.split()
        if not f:
            continue
        if f[0] == "memory":
            memory.append((f[1], int(f[3]), int(f[5])))
        elif f[0] == "start":
            starts.append((f[1], float(f[2])))
        elif f[0] == "status" or (f[0].startswith("fill") and len(f) > 1 and f[1] == "summary"):
            notes.append(line.rstrip())
            if f[0] != "status":
                walls.setdefault(f[0], []).append(float(re.search(r"wall ([0-9.]+) s", line).group(1)))
        elif len(f) > 1 and f[1] == "summary":
            m = re.search(r"wall ([0-9.]+) s", line)
            if m:
                walls.setdefault(f[0], []).append(float(m.group(1)))
        elif f[0].startswith("mapnik-") and f[1] != "summary":
            mapnik[f[0][len("mapnik-"):]].append((int(f[1]), int(f[2]), int(f[3]), float(f[4]), int(f[5])))
        elif f[0] in ("first", "cold", "prepare", "cached-check") or f[0].startswith(("viewport-", "fill")):
            v = [int(x) for x in f[1:6]] + [float(f[6])]
            v += [int(f[7]), float(f[8])] if len(f) > 8 else [None, None]
            req.setdefault(f[0], []).append(tuple(v))

    print("Server start (s until it listens):", ", ".join("%s %.2f" % s for s in starts))
    print()

    first = req["first"][0]
    mt_first = [r for r in mapnik["tile"] if r[:3] == first[:3]]
    print("First tile after the start (%d/%d/%d): %.1f ms to the client, its metatile drawn in %.1f ms "
          "(%d metatile); Mapnik the same 256 px tile: %.1f ms" % (
              first[0], first[1], first[2], first[5], first[7], first[6], mt_first[0][3] if mt_first else float("nan")))
    print()

    cold = req["cold"] + req["first"]
    print("Cold tiles: one tile per fresh metatile, one after another on one connection (ms; median / mean).")
    print("wijkatlas request = the first tile of a metatile as the client waits for it (the metatile of")
    print("16 tiles drawn and encoded); metatile drawing = the server's own time (/api/status); per tile =")
    print("that / 16. Mapnik tile = one 256 px tile with a 64 px buffer; Mapnik metatile = 1024 px, cut")
    print("into 16 PNGs. Ratios > 1: wijkatlas faster.")
    print()
    print("| level | metatiles | wijkatlas request | wijkatlas metatile drawing | wijkatlas per tile (÷16) "
          "| Mapnik 256 px tile | Mapnik metatile | Mapnik metatile ÷16 | Mapnik tile ÷ wijkatlas request "
          "| Mapnik tile ÷ wijkatlas per tile | Mapnik metatile ÷ wijkatlas metatile | bytes/tile wijkatlas / Mapnik |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    levels = sorted({r[0] for r in cold})
    for z in levels + ["all"]:
        rows = [r for r in cold if z == "all" or r[0] == z]
        keys = {r[:3] for r in rows}
        mt = [r for r in mapnik["tile"] if r[:3] in keys]
        mm = [r for r in mapnik["metatile"] if r[:3] in keys]
        lat = [r[5] for r in rows]
        draw = [r[7] for r in rows if r[6] == 1]
        mtl, mml = [r[3] for r in mt], [r[3] for r in mm]
        print("| %s | %d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f "
              "| %.2f / %.2f | %.1f / %.1f | %.2f / %.2f | %.0f / %.0f |" % (
                  z, len(rows), med(lat), mean(lat), med(draw), mean(draw), med(draw) / META_TILES,
                  mean(draw) / META_TILES, med(mtl), mean(mtl), med(mml), mean(mml), med(mml) / META_TILES,
                  mean(mml) / META_TILES, med(mtl) / med(lat), mean(mtl) / mean(lat),
                  med(mtl) / (med(draw) / META_TILES), mean(mtl) / (mean(draw) / META_TILES),
                  med(mml) / med(draw), mean(mml) / mean(draw),
                  mean([r[4] for r in req.get("cached-check", []) if r[0] == z or z == "all"]) if req.get("cached-check") else float("nan"),
                  mean([r[4] for r in mt])))
    print()

    print("Cached tiles under load from wrk (a second process; tiles from memory):")
    print()
    print("| connections | duration | tiles/s | p50 ms | p75 ms | p90 ms | p99 ms | max ms | timeouts (>10 s) | load before |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")

    def ms(v):
        v = v.strip()
        for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
            if v.endswith(unit):
                return float(v[: -len(unit)]) * factor
        return float(v)

    for block in open(wrk).read().split("== wrk")[1:]:
        head = re.search(r"-c(\d+) -d(\S+)", block)
        loadv = re.search(r"load ([0-9.]+)", block)
        rps = re.search(r"Requests/sec:\s+([0-9.]+)", block)
        pct = dict(re.findall(r"^\s+(\d+)%\s+(\S+)", block, re.M))
        mx = re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", block)
        to = re.search(r"socket errors.*timeout (\d+)", block)
        print("| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.0f | %s | %s |" % (
            head.group(1), head.group(2), float(rps.group(1)), ms(pct["50"]), ms(pct["75"]), ms(pct["90"]),
            ms(pct["99"]), ms(mx.group(1)), to.group(1) if to else "0", loadv.group(1) if loadv else "?"))
    print()

    print("A 1920 x 1080 viewport at the programme area's centre: every tile on 6 keep-alive connections")
    print("(seconds until the last tile arrived; median (min-max) over the fresh servers).")
    print()
    print("| level | tiles | metatiles | cold s | warm s | next run, from disk s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for z in sorted({int(p.rsplit("-", 1)[1]) for p in walls if p.startswith("viewport-cold-")}):
        cold_w, warm_w = walls["viewport-cold-%d" % z], walls["viewport-warm-%d" % z]
        tiles = [r for r in req["viewport-cold-%d" % z]]
        n_tiles = len(tiles) // len(cold_w)
        metas = len({(r[1] // 4, r[2] // 4) for r in tiles})
        disk_w = walls.get("viewport-disk-%d" % z)
        disk = "%.3f (%.3f-%.3f)" % (med(disk_w), min(disk_w), max(disk_w)) if disk_w else "-"
        print("| %d | %d | %d | %.2f (%.2f-%.2f) | %.3f (%.3f-%.3f) | %s |" % (
            z, n_tiles, metas, med(cold_w), min(cold_w), max(cold_w), med(warm_w), min(warm_w), max(warm_w),
            disk))
    print()

    print("Server counters (status: metatiles drawn, their drawing ms, tiles from memory, cache bytes) and the")
    print("full-cache run:")
    print()
    for n in notes:
        print("    " + n)
    print()
    print("Server memory at the end of each server (MB): " + "; ".join(
        "%s peak %d, resident %d" % m for m in memory))
    print("Peak of the measured servers: %d MB" % max(m[1] for m in memory if m[0] != "prepare"))


if __name__ == "__main__":
    main()
