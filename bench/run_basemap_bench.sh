#!/usr/bin/env bash
# The base map benchmark of issue 17; docs/performance.md ("Base map (issue 17)") explains it.
#
#   bench/run_basemap_bench.sh [BUILD_DIR]     (default build/release; needs wijkatlas,
#                                               bench_atlas_frames and bench_basemap_read)
#
# The 6-page atlas (PDF) on the bundled base map osm/arnhem_vt2021.osm.pbf, REPS times each,
# alternating who goes first:
#   cached     wijkatlas atlas with the base map prepared in the cache directory (the usual run)
#   first      the same with an empty cache directory: prepares the base map, then the atlas
#   direct     the same with a cache directory that cannot be made: the extract is parsed for
#              every page (what every run did before the cache)
#   mapnik     Mapnik 3.1 drawing the same 5 base-map pages (same paper, ground, scale, style)
#              from the same base map in a GeoPackage (ogr2ogr, RD New, R*Tree) through its ogr
#              plugin (bench/basemap/mapnik_atlas.py)
#   sheet      one A3 drawing sheet of Klarendal with the cache (wijkatlas sheet --area)
# and, once, reading each page's extent from the prepared file against the GeoPackage
# (bench_basemap_read). Wall time, CPU and peak RSS from /usr/bin/time -v. Writes
#   bench/results/basemap-raw${TAG}.txt, basemap-summary${TAG}.txt, basemap-machine${TAG}.txt
# Environment: REPS (default 5), TAG, DATA_DIR (default ../shared/datasets).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build/release}" && pwd)"
REPS="${REPS:-5}"
TAG="${TAG:-}"
DATA="$(cd "${DATA_DIR:-$ROOT/../shared/datasets}" && pwd)"
RESULTS="${RESULTS_DIR:-$ROOT/bench/results}"
OSM="$DATA/osm/arnhem_vt2021.osm.pbf"
WIJKATLAS="$BUILD/wijkatlas"
PY=/usr/bin/python3  # the system Python has python3-mapnik
for exe in "$WIJKATLAS" "$BUILD/bench/basemap/bench_atlas_frames" "$BUILD/bench/basemap/bench_basemap_read"; do
  [ -x "$exe" ] || { echo "run_basemap_bench: $exe missing; build it" >&2; exit 1; }
done
[ -f "$OSM" ] || { echo "run_basemap_bench: $OSM missing (set DATA_DIR)" >&2; exit 1; }
"$PY" -c "import mapnik, cairo" 2>/dev/null || { echo "run_basemap_bench: $PY needs python3-mapnik and python3-cairo" >&2; exit 1; }
export WIJKATLAS_DATA_DIR="$DATA"

WORK="$BUILD/bench-basemap"
rm -rf "$WORK"
mkdir -p "$WORK/cache" "$RESULTS"
RAW="$RESULTS/basemap-raw$TAG.txt"
SUMMARY="$RESULTS/basemap-summary$TAG.txt"
MACHINE="$RESULTS/basemap-machine$TAG.txt"

# ---- inputs (untimed) -------------------------------------------------------------------------
"$BUILD/bench/basemap/bench_atlas_frames" "$WORK/cache" >"$WORK/frames.txt"
GPKG="$WORK/arnhem_vt2021_rd.gpkg"
ogr2ogr -f GPKG "$GPKG" "$OSM" lines multipolygons -t_srs EPSG:28992 -q
echo "not a directory" >"$WORK/blocker"

{
  echo "date: $(date -Is)"
  echo "host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  echo "wijkatlas: $WIJKATLAS (git $(git -C "$ROOT" rev-parse --short HEAD))"
  echo "mapnik: $("$PY" -c 'import mapnik; v = mapnik.mapnik_version(); print("%d.%d.%d" % (v // 100000, v // 100 % 1000, v % 100))'), GDAL: $(gdal-config --version 2>/dev/null || echo ?), cairo: $(pkg-config --modversion cairo 2>/dev/null || echo ?)"
  echo "extract: $OSM ($(du -k "$OSM" | cut -f1) kB); GeoPackage for Mapnik: $(du -k "$GPKG" | cut -f1) kB"
  echo "pages (code centre_x centre_y scale frame_mm page_mm):"
  sed 's/^/  /' "$WORK/frames.txt"
  echo "reps: $REPS"
  echo "load at start: $(uptime)"
} >"$MACHINE"

timed() {  # sets ELAPSED, CPU_S, RSS_MB
  /usr/bin/time -v -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out" "$WORK/time" >&2; return 1; }
  ELAPSED="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
             for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$WORK/time")"
  RSS_MB="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time")"
  CPU_S="$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$WORK/time")"
}

run() {  # case rep
  local what="$1" rep="$2" out="$WORK/$1.pdf"
  rm -f "$out"
  case "$what" in
    cached) timed "$WIJKATLAS" atlas -q --no-date --cache-dir "$WORK/cache" -o "$out" ;;
    first) rm -rf "$WORK/fresh"; timed "$WIJKATLAS" atlas -q --no-date --cache-dir "$WORK/fresh" -o "$out" ;;
    direct) timed "$WIJKATLAS" atlas -q --no-date --cache-dir "$WORK/blocker/cache" -o "$out" ;;
    mapnik) timed "$PY" "$ROOT/bench/basemap/mapnik_atlas.py" --gpkg "$GPKG" --frames "$WORK/frames.txt" -o "$out" ;;
    sheet) rm -f "$WORK/store.gpkg"
      timed "$WIJKATLAS" sheet -q --no-date --area Klarendal --cache-dir "$WORK/cache" --store "$WORK/store.gpkg" -o "$out" ;;
  esac
  [ -s "$out" ] || { echo "run_basemap_bench: $what wrote no $out" >&2; exit 1; }
  printf '%-7s %2d %8.2f %7.2f %6d %7d  %s\n' "$what" "$rep" "$ELAPSED" "$CPU_S" "$RSS_MB" "$(du -k "$out" | cut -f1)" \
    "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RAW"
}

echo "# case   rep   wall_s   cpu_s rss_mb file_kb  load1" >"$RAW"
CASES="cached mapnik first direct sheet"
for rep in $(seq 1 "$REPS"); do
  echo "load before rep $rep: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$MACHINE"
  order="$CASES"
  [ $((rep % 2)) -eq 0 ] && order="$(echo "$CASES" | tr ' ' '\n' | tac | tr '\n' ' ')"
  for what in $order; do run "$what" "$rep"; done
done
echo "load at end: $(uptime)" >>"$MACHINE"

"$BUILD/bench/basemap/bench_basemap_read" "$OSM" "$WORK/read" "$REPS" <"$WORK/frames.txt" >"$WORK/read.txt"

"$PY" - "$RAW" "$MACHINE" "$WORK/read.txt" >"$SUMMARY" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    if line.startswith("#") or not line.strip():
        continue
    what, rep, wall, cpu, rss, kb, load = line.split()[:7]
    runs.setdefault(what, []).append((float(wall), float(cpu), int(rss), int(kb), float(load)))
med = {k: [statistics.median(r[i] for r in v) for i in range(4)] for k, v in runs.items()}
names = {"cached": "wijkatlas atlas, base map prepared (cache)", "first": "wijkatlas atlas, first run (prepares the cache)",
         "direct": "wijkatlas atlas, no cache (extract parsed per page)", "mapnik": "Mapnik, same 5 base-map pages from a GeoPackage",
         "sheet": "wijkatlas sheet --area Klarendal (A3), cache"}
print("Medians over %d runs each. Ratio = case / Mapnik (< 1: faster than Mapnik)." % len(runs["cached"]))
print()
print("| case | wall s (min-max) | CPU s | peak MB | PDF MB | wall / Mapnik | CPU / Mapnik |")
print("|---|---:|---:|---:|---:|---:|---:|")
for k in ["cached", "first", "direct", "mapnik", "sheet"]:
    w, c, r, kb = med[k]
    lo, hi = min(x[0] for x in runs[k]), max(x[0] for x in runs[k])
    print("| %s | %.2f (%.2f-%.2f) | %.2f | %d | %.1f | %.2f | %.2f |" % (
        names[k], w, lo, hi, c, r, kb / 1024, w / med["mapnik"][0], c / med["mapnik"][1]))
loads = [x[4] for v in runs.values() for x in v]
print()
print("1-minute load average during the runs: %.2f to %.2f (median %.2f)" % (min(loads), max(loads), statistics.median(loads)))
print()
print("Reading each page's base map (median of the reps, ms):")
print()
print("```")
print(open(sys.argv[3]).read().rstrip())
print("```")
EOF
cat "$SUMMARY"
