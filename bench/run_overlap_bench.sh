#!/usr/bin/env bash
# The overlap benchmark of issue 5; docs/overlap.md explains it.
#
#   bench/run_overlap_bench.sh [BUILD_DIR]   (default build/release, configured with
#                                             -DCMAKE_BUILD_TYPE=Release -DBUILD_BENCHMARKS=ON)
#
# Generates deterministic sketch sets (1,000, 4,000, 20,000 hand-drawn-like blobs in sheets of
# 3-10 around shared hotspots in the Arnhem extent) and runs, in the same run:
#   exact map:  wijkatlas (dissolve + tiled overlay, both cores), the plain GEOS C-API loop
#               (node all outlines + polygonize + count per face) and PostGIS (ST_Union of the
#               boundaries + ST_Polygonize + count per face), the peers with a timeout;
#   grid:       wijkatlas' count straight from the sketches vs gdal_rasterize -add at 10 m and
#               1 m on the dissolved sheets, checked cell for cell.
# Every run under /usr/bin/time -v (wall time, peak RSS), REPEAT times; the table has medians.
# Environment: EXACT_SIZES="1000 4000", GRID_SIZES="20000", REPEAT=3, PEER_TIMEOUT=600 (s),
# POSTGIS=1 (0 skips it; needs root or sudo), DATA_DIR (default BUILD_DIR/overlap-data),
# RESULTS_DIR (default bench/results).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build/release}" && pwd)"
EXACT_SIZES="${EXACT_SIZES:-1000 4000}"
GRID_SIZES="${GRID_SIZES:-20000}"
REPEAT="${REPEAT:-3}"
PEER_TIMEOUT="${PEER_TIMEOUT:-600}"
POSTGIS="${POSTGIS:-1}"
DATA="${DATA_DIR:-$BUILD/overlap-data}"
RESULTS="${RESULTS_DIR:-$ROOT/bench/results}"
B="$BUILD/bench/overlap"
for exe in "$B/bench_overlap_gen" "$B/bench_overlap_wijkatlas" "$B/bench_overlap_geos_peer"; do
  [ -x "$exe" ] || { echo "run_overlap_bench: $exe missing; build with -DBUILD_BENCHMARKS=ON" >&2; exit 1; }
done
mkdir -p "$DATA" "$RESULTS"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

CSV="$RESULTS/overlap_bench.csv"
echo "task,sketches,tool,run,seconds,peak_rss_mb,result,load" >"$CSV"
record() { echo "$1,$2,$3,$4,$5,$6,$7,$(cut -d' ' -f1 /proc/loadavg)" >>"$CSV"; echo "  $3 #$4: ${5}s, ${6} MB, $7"; }

# Runs a command under /usr/bin/time -v with a timeout; sets ELAPSED, RSS_MB and OUT.
timed() {
  local limit="$1"; shift
  if timeout "$limit" /usr/bin/time -v -o "$WORK/time" "$@" >"$WORK/out" 2>&1; then
    ELAPSED="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
               for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.3f", s }' "$WORK/time")"
    RSS_MB="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time")"
  else
    ELAPSED=">$limit"; RSS_MB="-"
  fi
  OUT="$(tr '\n' ' ' <"$WORK/out")"
}
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$OUT"; }

sketches() { local f="$DATA/sketches_$1.gpkg"; [ -f "$f" ] || "$B/bench_overlap_gen" -n "$1" -o "$f" >/dev/null; echo "$f"; }

if [ "$POSTGIS" = 1 ]; then
  "$ROOT/bench/start_postgis.sh" >/dev/null
  PG="$("$ROOT/bench/start_postgis.sh" --print-conninfo)"
fi

for n in $EXACT_SIZES; do
  input="$(sketches "$n")"
  echo "== exact overlap, $n sketches"
  for run in $(seq 1 "$REPEAT"); do
    timed 3600 "$B/bench_overlap_wijkatlas" --input "$input" exact
    record exact "$n" wijkatlas "$run" "$ELAPSED" "$RSS_MB" "faces=$(field faces) geos_tiles=$(field geos_tiles) rel_error=$(field rel_error) dissolve_s=$(field dissolve_s) overlay_s=$(field overlay_s)"
    timed "$PEER_TIMEOUT" "$B/bench_overlap_geos_peer" --input "$input"
    record exact "$n" geos_node_polygonize "$run" "$ELAPSED" "$RSS_MB" "faces=$(field marked_faces) overlay_s=$(field overlay_s)"
    if [ "$POSTGIS" = 1 ]; then
      [ "$run" = 1 ] && ogr2ogr -f PostgreSQL "PG:$PG" "$input" sketches -nln sketches -overwrite \
        -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST && \
        PGOPTIONS="-c client_min_messages=warning" psql -X -q "$PG" -c "VACUUM ANALYZE sketches"
      # Node all outlines, polygonize, count the different sheets containing a point of each face.
      timed "$PEER_TIMEOUT" env PGOPTIONS="-c statement_timeout=${PEER_TIMEOUT}s" psql -X -q -At "$PG" -c "
        WITH lines AS (SELECT ST_Union(ST_Boundary(geom)) AS g FROM sketches),
             faces AS (SELECT (ST_Dump(ST_Polygonize(g))).geom AS f FROM lines),
             counted AS (SELECT f, (SELECT count(DISTINCT s.sheet_id) FROM sketches s
                                    WHERE ST_Contains(s.geom, ST_PointOnSurface(f))) AS n FROM faces)
        SELECT 'faces=' || count(*) FROM counted WHERE n > 0"
      record exact "$n" postgis_union_polygonize "$run" "$ELAPSED" "$RSS_MB" "$(field faces | sed 's/^/faces=/')"
    fi
  done
done

for n in $GRID_SIZES; do
  input="$(sketches "$n")"
  echo "== gridded counts, $n sketches"
  dissolved="$DATA/dissolved_$n.gpkg"  # untimed: the peer's input
  [ -f "$dissolved" ] || "$B/bench_overlap_wijkatlas" --input "$input" grid --cell 10 \
    -o "$WORK/warm.tif" --dissolved "$dissolved" >/dev/null
  for cell in 10 1; do
    for run in $(seq 1 "$REPEAT"); do
      timed 3600 "$B/bench_overlap_wijkatlas" --input "$input" grid --cell "$cell" -o "$WORK/ours.tif"
      te="$(field te | tr ',' ' ')"
      record "grid_${cell}m" "$n" wijkatlas "$run" "$ELAPSED" "$RSS_MB" "count_s=$(field count_s) count_and_write_s=$(field overlay_s) count_cpu_s=$(field count_cpu_s) count_and_write_cpu_s=$(field count_and_write_cpu_s)"
      # shellcheck disable=SC2086  # te holds four numbers
      timed "$PEER_TIMEOUT" gdal_rasterize -q -add -burn 1 -init 0 -ot UInt16 -l dissolved \
        -te $te -tr "$cell" "$cell" "$dissolved" "$WORK/gdal.tif"
      record "grid_${cell}m" "$n" gdal_rasterize_add "$run" "$ELAPSED" "$RSS_MB" "on the dissolved sheets"
      timed 600 "$B/bench_overlap_wijkatlas" compare "$WORK/ours.tif" "$WORK/gdal.tif" || true
      record "grid_${cell}m" "$n" cell_check "$run" 0 0 "$OUT"
    done
  done
done

{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -r)"
  echo "GEOS $(geos-config --version), GDAL $(gdal-config --version)"
  echo "load at end: $(cat /proc/loadavg)"
} >"$RESULTS/overlap_machine.txt"
echo "wrote $CSV"
