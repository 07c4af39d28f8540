#!/usr/bin/env bash
# Checks that every illustrative initiative in examples/initiatieven_arnhem_oost.csv lies in the
# intended CBS 2024 buurt (examples/initiatieven_arnhem_oost_buurten.csv) of the generalized
# buurten, at least MIN_EDGE_M (default 60) metres from that buurt's boundary, and that the
# GeoPackage examples/initiatieven_arnhem_oost.gpkg has the same 40 ids at the same places (< 1 m).
#
# Usage: bash examples/verify_initiatieven.sh [DATA_DIR]
#   DATA_DIR: default $WIJKATLAS_DATA_DIR, then ../shared/datasets next to the repository.
# Needs: ogr2ogr/ogrinfo with the SQLite dialect and SpatiaLite functions. Exit 0 = all good.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
data="${1:-${WIJKATLAS_DATA_DIR:-$(dirname "$repo")/shared/datasets}}"
gen="$data/cbs/arnhem_wijkbuurt_2024_generalized.gpkg"
min_edge="${MIN_EDGE_M:-60}"

[ -f "$gen" ] || { echo "verify_initiatieven: $gen not found (pass DATA_DIR)" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
db="$tmp/check.gpkg"

ogr2ogr -f GPKG "$db" "$gen" buurten -nln buurten
ogr2ogr -update "$db" "$here/initiatieven_arnhem_oost.csv" -nln pts \
  -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -s_srs EPSG:4326 -t_srs EPSG:28992 -nlt POINT
ogr2ogr -update "$db" "$here/initiatieven_arnhem_oost_buurten.csv" -nln verwacht
ogr2ogr -update "$db" "$here/initiatieven_arnhem_oost.gpkg" initiatieven -nln ex_pts

# One row per point: expected buurt, the buurt(en) that contain it, distance to the expected
# buurt's boundary, and the offset to the same id in the GeoPackage.
ogr2ogr -f CSV "$tmp/result.csv" "$db" -dialect SQLite -sql "
  SELECT p.id AS id, v.buurtcode AS verwacht, v.programma_naam AS programma,
         (SELECT group_concat(b.buurtcode) FROM buurten b WHERE ST_Within(p.geom, b.geom)) AS gevonden,
         (SELECT ROUND(ST_Distance(p.geom, ST_Boundary(b.geom)), 1) FROM buurten b
           WHERE b.buurtcode = v.buurtcode) AS rand_m,
         (SELECT b.programma FROM buurten b WHERE b.buurtcode = v.buurtcode) AS programma_kaart,
         (SELECT ROUND(ST_Distance(p.geom, g.geom), 3) FROM ex_pts g WHERE g.id = p.id) AS gpkg_m
    FROM pts p LEFT JOIN verwacht v ON v.id = p.id ORDER BY p.id"

python3 - "$tmp/result.csv" "$min_edge" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
min_edge = float(sys.argv[2])
bad = []
for r in rows:
    ok = (r["verwacht"] and r["gevonden"] == r["verwacht"] and r["rand_m"] and float(r["rand_m"]) >= min_edge
          and r["programma"] == r["programma_kaart"] and r["gpkg_m"] and float(r["gpkg_m"]) < 1.0)
    print("%-7s %-10s %-15s found=%-10s edge=%7sm gpkg_offset=%sm %s" % (
        r["id"], r["verwacht"], r["programma"], r["gevonden"], r["rand_m"], r["gpkg_m"], "ok" if ok else "FAIL"))
    if not ok:
        bad.append(r["id"])
ids = [r["id"] for r in rows]
if len(rows) != 40 or len(set(ids)) != len(ids):
    bad.append("count/duplicate ids")
print("%d points, minimum edge distance %.1f m, %d failures" % (
    len(rows), min(float(r["rand_m"] or 0) for r in rows), len(bad)))
sys.exit(1 if bad else 0)
PY
