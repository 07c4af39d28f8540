#!/usr/bin/env python3
"""300 category points for the renderer benchmark (issue 3), deterministic.

SplitMix64 with a fixed seed, not Python's `random`, so the file is the same on every
platform and Python version. Points are uniform in a lon/lat box that lies inside the A3 map
frame (and so inside the A0 one): every point is drawn on every output.
Writes GeoJSON (WGS84, properties categorie and naam) that GDAL (wijkatlas) and Mapnik's
geojson plugin both read. Not CSV: wijkatlas trusts coordinates outside the Netherlands only
from a source that declares its CRS, and GeoJSON does.

usage: gen_points.py OUT.geojson [COUNT]
"""
import sys

SEED = 20261123
# Inside the A3 frame centred on (9.52, 47.15) at 1:25,000 (RD x 465.2..472.7 km,
# y -89.5..-81.2 km), with a few millimetres of paper to spare on every side.
LON_MIN, LON_MAX = 9.488, 9.552
LAT_MIN, LAT_MAX = 47.118, 47.182
CATEGORIES = ["buurthuis", "cultuur", "groen", "onderwijs", "sport", "zorg"]
MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) / float(1 << 53)


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = SplitMix64(SEED)
    features = []
    for i in range(count):
        lon = LON_MIN + (LON_MAX - LON_MIN) * rng.uniform()
        lat = LAT_MIN + (LAT_MAX - LAT_MIN) * rng.uniform()
        cat = CATEGORIES[rng.next() % len(CATEGORIES)]
        features.append(
            '{"type":"Feature","properties":{"categorie":"%s","naam":"%s %d"},'
            '"geometry":{"type":"Point","coordinates":[%.7f,%.7f]}}' % (cat, cat.capitalize(), i + 1, lon, lat))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n")


if __name__ == "__main__":
    main()
