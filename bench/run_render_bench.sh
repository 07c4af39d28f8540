#!/usr/bin/env bash
# The renderer benchmark of issue 3; docs/performance.md ("Rendering (issue 3)") explains it.
#
#   bench/run_render_bench.sh [BUILD_DIR]     (default build/release; needs BUILD_DIR/wijkatlas)
#
# Renders the real OSM extract of Liechtenstein (all buildings, streets with names, water,
# green, rail; street labels on) plus 300 category points at 1:25,000 to PNG at A3 and A0
# 300 dpi and to PDF (A3 and A0), with `wijkatlas map` and with Mapnik
# (bench/render/mapnik_render.py, same page, ground, layers and an equivalent style), REPS
# times each, alternating the tools. Wall time and peak RSS come from /usr/bin/time -v.
# Writes
#   bench/results/render-raw${TAG}.txt       one line per run (tool, output, rep, s, MB, load)
#   bench/results/render-summary${TAG}.txt   medians and ratios (the docs table)
#   bench/results/render-machine${TAG}.txt   CPU, versions, load before and after
# Environment: REPS (default 5), OUTPUTS (default "a3.png a0.png a3.pdf a0.pdf"),
# TAG (suffix for the result files, e.g. "-before"), DATA_DIR (default ../shared/datasets),
# KEEP=1 keeps the outputs in BUILD_DIR/bench-render to look at.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build/release}" && pwd)"
REPS="${REPS:-5}"
OUTPUTS="${OUTPUTS:-a3.png a0.png a3.pdf a0.pdf}"
TAG="${TAG:-}"
DATA="${DATA_DIR:-$ROOT/../shared/datasets}"
RESULTS="${RESULTS_DIR:-$ROOT/bench/results}"
OSM="$(cd "$DATA/osm" && pwd)/liechtenstein-2013-08-03.osm.pbf"
WIJKATLAS="$BUILD/wijkatlas"
PY=/usr/bin/python3  # the system Python has python3-mapnik; a pyenv python3 on PATH has not
[ -x "$WIJKATLAS" ] || { echo "run_render_bench: $WIJKATLAS missing; build the wijkatlas target" >&2; exit 1; }
[ -f "$OSM" ] || { echo "run_render_bench: $OSM missing (set DATA_DIR)" >&2; exit 1; }
"$PY" -c "import mapnik" 2>/dev/null || { echo "run_render_bench: $PY has no mapnik (apt-get install python3-mapnik)" >&2; exit 1; }

WORK="$BUILD/bench-render"
mkdir -p "$WORK" "$RESULTS"
RAW="$RESULTS/render-raw$TAG.txt"
SUMMARY="$RESULTS/render-summary$TAG.txt"
MACHINE="$RESULTS/render-machine$TAG.txt"

# ---- inputs (deterministic) ------------------------------------------------------------------
POINTS="$WORK/points.geojson"
"$PY" "$ROOT/bench/render/gen_points.py" "$POINTS" 300
declare -A CENTRE=([a3]="9.52, 47.15" [a0]="9.5537, 47.1595")
for p in a3 a0; do
  sed -e "s|@PAPER@|${p^^}|g" -e "s|@CENTRE@|${CENTRE[$p]}|" -e "s|@OSM@|$OSM|" -e "s|@POINTS@|$POINTS|" \
    "$ROOT/bench/render/liechtenstein.toml.in" >"$WORK/map_$p.toml"
done

# ---- machine --------------------------------------------------------------------------------
{
  echo "date: $(date -Is)"
  echo "host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  echo "wijkatlas: $WIJKATLAS (git $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet -- render || echo '+local render changes'))"
  echo "mapnik: $("$PY" -c 'import mapnik; v = mapnik.mapnik_version(); print("%d.%d.%d" % (v // 100000, v // 100 % 1000, v % 100))') (python3-mapnik, $($PY --version))"
  echo "cairo: $(pkg-config --modversion cairo 2>/dev/null || echo ?), pango: $(pkg-config --modversion pango 2>/dev/null || echo ?), libpng: $(pkg-config --modversion libpng 2>/dev/null || echo ?), GDAL: $(gdal-config --version 2>/dev/null || echo ?)"
  echo "reps: $REPS, outputs: $OUTPUTS"
  echo "load at start: $(uptime)"
} >"$MACHINE"

# Runs a command under /usr/bin/time -v; sets ELAPSED (s), CPU_S (user + system) and RSS_MB.
timed() {
  /usr/bin/time -v -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out" "$WORK/time" >&2; return 1; }
  ELAPSED="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
             for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$WORK/time")"
  RSS_MB="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time")"
  CPU_S="$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$WORK/time")"
}

run_tool() {  # tool output rep
  local tool="$1" out="$2" rep="$3" paper="${2%%.*}" ext="${2##*.}" file
  file="$WORK/${tool}_$paper.$ext"
  rm -f "$file"
  if [ "$tool" = wijkatlas ]; then
    timed "$WIJKATLAS" map -q --no-date "$WORK/map_$paper.toml" -o "$file"
  else
    timed "$PY" "$ROOT/bench/render/mapnik_render.py" --paper "${paper^^}" --centre "${CENTRE[$paper]// /}" \
      --scale 25000 --dpi 300 --osm "$OSM" --points "$POINTS" -o "$file"
  fi
  [ -s "$file" ] || { echo "run_render_bench: $tool wrote no $file" >&2; exit 1; }
  local size
  size="$(du -k "$file" | cut -f1)"
  printf '%-9s %-6s %2d %8.2f %7.2f %6d %7d  %s\n' "$tool" "$out" "$rep" "$ELAPSED" "$CPU_S" "$RSS_MB" "$size" \
    "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RAW"
}

echo "# tool    output rep wall_s   cpu_s rss_mb file_kb  load1" >"$RAW"
for rep in $(seq 1 "$REPS"); do
  echo "load before rep $rep: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$MACHINE"
  for out in $OUTPUTS; do
    if [ $((rep % 2)) -eq 1 ]; then run_tool wijkatlas "$out" "$rep"; run_tool mapnik "$out" "$rep"
    else run_tool mapnik "$out" "$rep"; run_tool wijkatlas "$out" "$rep"; fi
  done
done
echo "load at end: $(uptime)" >>"$MACHINE"

# ---- summary: medians, ratios ---------------------------------------------------------------
"$PY" - "$RAW" "$MACHINE" >"$SUMMARY" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    if line.startswith("#") or not line.strip():
        continue
    tool, out, rep, wall, cpu, rss, kb, load = line.split()[:8]
    runs.setdefault((tool, out), []).append((float(wall), int(rss), int(kb), float(load), float(cpu)))
outs = []
for _, out in runs:
    if out not in outs:
        outs.append(out)
print("Medians over %d runs each; ratio = wijkatlas / Mapnik (< 1: wijkatlas is faster or smaller)." %
      len(next(iter(runs.values()))))
print()
print("| output | wijkatlas s (min-max) | Mapnik s (min-max) | time ratio | CPU s wijkatlas / Mapnik | wijkatlas MB | Mapnik MB | memory ratio | file MB wijkatlas / Mapnik |")
print("|---|---:|---:|---:|---|---:|---:|---:|---|")
for out in outs:
    w, m = runs[("wijkatlas", out)], runs[("mapnik", out)]
    wt, mt = statistics.median(r[0] for r in w), statistics.median(r[0] for r in m)
    wr, mr = statistics.median(r[1] for r in w), statistics.median(r[1] for r in m)
    wc, mc = statistics.median(r[4] for r in w), statistics.median(r[4] for r in m)
    print("| %s | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %.2f | %.2f / %.2f | %d | %d | %.2f | %.1f / %.1f |" % (
        out, wt, min(r[0] for r in w), max(r[0] for r in w), mt, min(r[0] for r in m), max(r[0] for r in m),
        wt / mt, wc, mc, wr, mr, wr / mr, w[0][2] / 1024, m[0][2] / 1024))
loads = [r[3] for v in runs.values() for r in v]
print()
host = [l for l in open(sys.argv[2]) if l.startswith("host:")][0][5:].strip()
print("1-minute load average during the runs: %.2f to %.2f (median %.2f); %s" % (
    min(loads), max(loads), statistics.median(loads), host))
EOF
cat "$SUMMARY"
[ "${KEEP:-0}" = 1 ] || rm -f "$WORK"/wijkatlas_* "$WORK"/mapnik_*
