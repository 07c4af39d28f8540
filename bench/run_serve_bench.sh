#!/usr/bin/env bash
# The meeting viewer server's benchmark of issue 14; docs/performance.md ("The meeting viewer's
# server (issue 14)") explains it and has the figures.
#
#   bench/run_serve_bench.sh [BUILD_DIR]     (default build/ci; needs BUILD_DIR/wijkatlas and
#                                             BUILD_DIR/web; wrk, python3-mapnik, ogr2ogr)
#
# `wijkatlas serve` runs as its own process on a free loopback port (a copy of the program and
# its web directory, so a rebuild during the run changes nothing), with its own empty
# XDG_CACHE_HOME; the clients are other processes on the same machine (bench/serve/tiles.py,
# wrk). The base map is prepared once, untimed, by a first server (it prepares it at start);
# every measured server starts with that prepared base map on disk and an empty tile cache in
# memory: "cold" below means the metatile is drawn for the request, not that the base map is
# prepared.
#   first     the first tile after the server started (Presikhaaf, level 12): its metatile of
#             4 x 4 tiles is drawn, then the tile is sent
#   cold      one tile per fresh metatile at levels 11, 12 and 13 over the five programme
#             wijken (PER_WIJK metatiles nearest each wijk's centroid), one after another on
#             one connection: per request the latency, and from /api/status the server's own
#             drawing time of the metatile (all 16 tiles are drawn and encoded for the first)
#   mapnik    Mapnik 3.1 rendering the same tiles from the same extract (a GeoPackage made
#             by ogr2ogr) in the same style (bench/serve/mapnik_tiles.py): each 256 px tile
#             alone with a 64 px buffer, and each 1024 px metatile cut into 16 tiles; one Map
#             per level loaded once, render + PNG encoding timed in-process
#   wrk       wrk -t2 -c50 -d30s --latency over the tiles of every metatile drawn above (all
#             in memory; bench/serve/tiles.lua cycles through them); then the same with as
#             many connections as the server has worker threads (8), to show the queueing
#   viewport  a 1920 x 1080 screen, all its tiles fetched on 6 keep-alive connections (a
#             browser's limit per host), centre first: the programme area's start view (level
#             9, as the page fits it), and levels 11 and 12 at its centre; cold (fresh server)
#             then warm (again); REPS fresh servers
#   full      a long meeting (FILL=1, the default): one tile of every metatile of level 13 over
#             the base map's coverage (1,248 metatiles) and of level 14 over the programme area
#             (1,364 metatiles) on 2 connections, more than the 256 MB tile cache holds, then the
#             start view of level 9 cold: the memory a server with a full cache reaches
#   disk      the next meeting: a server with tiles kept on disk (as `serve` keeps them by default;
#             every server above runs with --no-disk-tiles) draws the three viewports once, then
#             REPS fresh servers fetch them again from disk
#   memory    VmHWM (peak resident set) and VmRSS of each server from /proc/PID/status at its end
# Writes bench/results/serve-raw${TAG}.txt (every request and render), serve-wrk${TAG}.txt (wrk's
# output), serve-summary${TAG}.txt (the tables) and serve-machine${TAG}.txt (date, git revision,
# versions, load average before and after every phase).
# Environment: DATA_DIR (default ../shared/datasets), REPS (viewport servers, default 3), FILL,
# PER_WIJK (default 3), WRK_DURATION (default 30s), WRK_CONNECTIONS (default 50), TAG,
# RESULTS_DIR.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build/ci}" && pwd)"
DATA="$(cd "${DATA_DIR:-$ROOT/../shared/datasets}" && pwd)"
RESULTS="${RESULTS_DIR:-$ROOT/bench/results}"
TAG="${TAG:-}"
REPS="${REPS:-3}"
PER_WIJK="${PER_WIJK:-3}"
WRK_DURATION="${WRK_DURATION:-30s}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-50}"
FILL="${FILL:-1}"
OSM="$DATA/osm/arnhem_vt2021.osm.pbf"
PY=/usr/bin/python3  # the system Python has python3-mapnik
TILES_PY="$ROOT/bench/serve/tiles.py"

[ -x "$BUILD/wijkatlas-full" ] || { echo "run_serve_bench: $BUILD/wijkatlas-full missing; build wijkatlas" >&2; exit 1; }
[ -f "$BUILD/web/app.js" ] || { echo "run_serve_bench: $BUILD/web/app.js missing; build wijkatlas" >&2; exit 1; }
[ -f "$OSM" ] || { echo "run_serve_bench: $OSM missing (set DATA_DIR)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "run_serve_bench: wrk missing (scripts/install-deps.sh)" >&2; exit 1; }
"$PY" -c "import mapnik" 2>/dev/null || { echo "run_serve_bench: $PY needs python3-mapnik" >&2; exit 1; }

WORK="$BUILD/bench-serve"
rm -rf "$WORK"
mkdir -p "$WORK/xdg" "$RESULTS"
RAW="$RESULTS/serve-raw$TAG.txt"
WRK_OUT="$RESULTS/serve-wrk$TAG.txt"
SUMMARY="$RESULTS/serve-summary$TAG.txt"
MACHINE="$RESULTS/serve-machine$TAG.txt"
: >"$RAW"
: >"$WRK_OUT"

# One consistent program for the whole run: it links only system libraries (ldd), so a copy runs.
# `serve` runs in wijkatlas-full, which wijkatlas hands it to from beside itself.
cp "$BUILD/wijkatlas" "$BUILD/wijkatlas-full" "$WORK/"
cp -r "$BUILD/web" "$WORK/web"
WIJKATLAS="$WORK/wijkatlas"

SERVER_PID=""
BASE=""
stop_server() {  # name: records the server's memory, then Ctrl-C
  local name="$1"
  [ -n "$SERVER_PID" ] || return 0
  echo "memory $name $(awk '/^VmHWM|^VmRSS/ { printf "%s %d ", $1, $2 / 1024 }' "/proc/$SERVER_PID/status")" | tee -a "$RAW"
  kill -INT "$SERVER_PID"
  wait "$SERVER_PID" || true
  SERVER_PID=""
}
trap 'if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi' EXIT

start_server() {  # name [--disk]: sets SERVER_PID and BASE; the time until it listens goes to RAW
  # Tiles in memory only (cold means cold), unless --disk: kept on disk as a user's server does.
  local name="$1" log="$WORK/server-$1.log" t0 i disk=(--no-disk-tiles)
  [ "${2:-}" = --disk ] && disk=()
  t0="$(date +%s.%N)"
  (cd "$ROOT" && exec env XDG_CACHE_HOME="$WORK/xdg" "$WIJKATLAS" serve --store "$WORK/project.gpkg" \
    --listen 127.0.0.1:0 --data-dir "$DATA" --web-dir "$WORK/web" "${disk[@]}") >"$log" 2>&1 &
  SERVER_PID=$!
  for i in $(seq 1 1800); do
    grep -q 'wijkatlas serve: http://' "$log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; echo "run_serve_bench: the server stopped" >&2; exit 1; }
    [ "$i" -lt 1800 ] || { cat "$log" >&2; echo "run_serve_bench: the server did not start" >&2; exit 1; }
    sleep 0.1
  done
  BASE="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1)"
  echo "start $name $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s to listen ($BASE, pid $SERVER_PID)" | tee -a "$RAW"
}

load() { echo "load $1: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$MACHINE"; }

fetch() {  # phase parallel [--status-each] < list: one line per tile in RAW, prefixed by the phase
  local phase="$1" parallel="$2"
  shift 2
  "$PY" "$TILES_PY" fetch --base "$BASE" --parallel "$parallel" "$@" >"$WORK/fetch.txt" 2>"$WORK/fetch.err" \
    || { cat "$WORK/fetch.err" >&2; exit 1; }
  sed "s/^/$phase /" "$WORK/fetch.txt" >>"$RAW"
  echo "$phase summary $(cat "$WORK/fetch.err")" | tee -a "$RAW"
}

# ---- inputs (untimed) -------------------------------------------------------------------------
GPKG="$WORK/arnhem_vt2021_rd.gpkg"
ogr2ogr -f GPKG "$GPKG" "$OSM" lines multipolygons -t_srs EPSG:28992 -q

{
  echo "date: $(date -Is)"
  echo "host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  echo "wijkatlas: $BUILD/wijkatlas, built $(date -r "$BUILD/wijkatlas" -Is), sha256 $(sha256sum "$WORK/wijkatlas-full" | cut -c1-16) (wijkatlas-full); git $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- server render geo app || echo ' (working tree differs in server/render/geo/app)')"
  echo "versions: $("$WIJKATLAS" --version 2>&1 | tr '\n' ' ')"
  echo "mapnik: $("$PY" -c 'import mapnik; v = mapnik.mapnik_version(); print("%d.%d.%d" % (v // 100000, v // 100 % 1000, v % 100))'), $(wrk --version 2>&1 | head -1 | cut -c1-40)"
  echo "extract: $OSM ($(du -k "$OSM" | cut -f1) kB); GeoPackage for Mapnik: $(du -k "$GPKG" | cut -f1) kB"
  echo "reps (viewport servers): $REPS; metatiles per wijk and level: $PER_WIJK; wrk: -t2 -c$WRK_CONNECTIONS -d$WRK_DURATION"
  echo "load at start: $(uptime)"
} >"$MACHINE"

# ---- the base map, prepared once (untimed for the benchmark; its time is recorded) -------------
load "before preparing"
start_server prepare
printf '12 2229 2137\n' | fetch prepare 1
stop_server prepare
ls -l "$WORK/xdg/wijkatlas" >>"$MACHINE"

# ---- first tile, cold tiles, Mapnik, wrk --------------------------------------------------------
load "before cold tiles"
start_server cold
FIRST="$("$PY" "$TILES_PY" cold --base "$BASE" --levels 12 --per-wijk 1 | awk '$4 == "Presikhaaf" { print $1, $2, $3 }')"
echo "$FIRST" | fetch first 1 --status-each
"$PY" "$TILES_PY" cold --base "$BASE" --per-wijk "$PER_WIJK" --skip "$(echo "$FIRST" | tr ' ' /)" >"$WORK/cold.txt"
fetch cold 1 --status-each <"$WORK/cold.txt"
{ echo "$FIRST"; cat "$WORK/cold.txt"; } | "$PY" "$TILES_PY" metatiles >"$WORK/cached.txt"
fetch cached-check 6 <"$WORK/cached.txt"
echo "status after cold $("$PY" "$TILES_PY" status --base "$BASE")" | tee -a "$RAW"
load "after cold tiles"

load "before wrk"
wrk_run() {  # connections duration
  echo "== wrk -t2 -c$1 -d$2 --latency --timeout 10s, $(wc -l <"$WORK/cached.txt") tiles from memory; load $(cut -d' ' -f1 /proc/loadavg)" >>"$WRK_OUT"
  TILES="$WORK/cached.txt" wrk -t2 -c"$1" -d"$2" --latency --timeout 10s -s "$ROOT/bench/serve/tiles.lua" "$BASE" | tee -a "$WRK_OUT"
  echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WRK_OUT"
}
wrk_run "$WRK_CONNECTIONS" "$WRK_DURATION"
load "after wrk -c$WRK_CONNECTIONS"
wrk_run 8 10s
load "after wrk -c8"
echo "status after wrk $("$PY" "$TILES_PY" status --base "$BASE")" | tee -a "$RAW"
stop_server cold

load "before mapnik"
for mode in tile metatile; do
  { echo "$FIRST"; awk '{ print $1, $2, $3 }' "$WORK/cold.txt"; } |
    "$PY" "$ROOT/bench/serve/mapnik_tiles.py" --gpkg "$GPKG" --mode "$mode" >"$WORK/mapnik.txt" 2>"$WORK/mapnik.err"
  sed "s/^/mapnik-$mode /" "$WORK/mapnik.txt" >>"$RAW"
  echo "mapnik-$mode summary $(grep '^mapnik:' "$WORK/mapnik.err")" | tee -a "$RAW"
done
load "after mapnik"

# ---- viewports, cold and warm -------------------------------------------------------------------
for rep in $(seq 1 "$REPS"); do
  load "before viewport rep $rep"
  start_server "viewport-$rep"
  CENTRE="$(curl -s "$BASE/api/lagen" | "$PY" -c 'import json, sys; b = json.load(sys.stdin)["start"]; print("%.1f,%.1f" % ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2))')"
  for z in 9 11 12; do
    "$PY" "$TILES_PY" viewport --centre "$CENTRE" --level "$z" >"$WORK/viewport-$z.txt"
    fetch "viewport-cold-$z" 6 <"$WORK/viewport-$z.txt"
  done
  for z in 9 11 12; do
    fetch "viewport-warm-$z" 6 <"$WORK/viewport-$z.txt"
  done
  echo "status after viewport-$rep $("$PY" "$TILES_PY" status --base "$BASE")" | tee -a "$RAW"
  stop_server "viewport-$rep"
done
echo "viewport centre (the programme area's start view): $CENTRE" >>"$MACHINE"

# ---- the next meeting: the same viewports from the tiles an earlier run kept on disk ------------
load "before disk"
rm -rf "$WORK/xdg/wijkatlas/tegels"
start_server disk-fill --disk
for z in 9 11 12; do fetch "disk-fill-$z" 6 <"$WORK/viewport-$z.txt"; done
stop_server disk-fill
for rep in $(seq 1 "$REPS"); do
  start_server "disk-$rep" --disk
  for z in 9 11 12; do fetch "viewport-disk-$z" 6 <"$WORK/viewport-$z.txt"; done
  echo "status after disk-$rep $("$PY" "$TILES_PY" status --base "$BASE")" | tee -a "$RAW"
  stop_server "disk-$rep"
done
echo "tiles on disk: $(find "$WORK/xdg/wijkatlas/tegels" -name '*.png' | wc -l) files, $(du -sk "$WORK/xdg/wijkatlas/tegels" | cut -f1) kB" >>"$MACHINE"
load "after disk"

# ---- a long meeting: the tile cache full (256 MB), then the start view drawn cold ---------------
if [ "$FILL" = 1 ]; then
  load "before full cache"
  start_server full-cache
  COVER="$(curl -s "$BASE/api/lagen" | "$PY" -c 'import json, sys; print(",".join("%.1f" % v for v in json.load(sys.stdin)["basiskaart_dekking"]))')"
  START_BOX="$(curl -s "$BASE/api/lagen" | "$PY" -c 'import json, sys; print(",".join("%.1f" % v for v in json.load(sys.stdin)["start"]))')"
  "$PY" "$TILES_PY" grid --bbox "$COVER" --level 13 | fetch fill-13 2
  "$PY" "$TILES_PY" grid --bbox "$START_BOX" --level 14 | fetch fill-14 2
  echo "status after fill $("$PY" "$TILES_PY" status --base "$BASE")" | tee -a "$RAW"
  "$PY" "$TILES_PY" viewport --centre "$CENTRE" --level 9 | fetch fill-viewport-cold-9 6
  echo "status after fill viewport $("$PY" "$TILES_PY" status --base "$BASE")" | tee -a "$RAW"
  stop_server full-cache
  load "after full cache"
fi
load "at end"
echo "load at end: $(uptime)" >>"$MACHINE"

"$PY" "$ROOT/bench/serve/summarize.py" "$RAW" "$WRK_OUT" >"$SUMMARY"
cat "$SUMMARY"
