#!/usr/bin/env bash
# Issue 13, benchmark (3): `wijkatlas overlap` and `wijkatlas status` on a project of 4,000
# sketches read from PostGIS and from a GeoPackage, in the same run (PostGIS may be at most 1.5x
# slower). The project is made by bench/store/gen_sketch_project.cpp, the same on both; the
# PostGIS server is a private one (scripts/test-postgres.sh). Wall time and peak memory from
# /usr/bin/time -v, best of REPEAT. Not a test.
#   bash bench/store/run_read_bench.sh BUILD_DIR [SKETCHES] [REPEAT]
set -euo pipefail
build="${1:?usage: $0 BUILD_DIR [SKETCHES] [REPEAT]}"
sketches="${2:-4000}"
repeat="${3:-3}"
wijkatlas="$build/wijkatlas"
gen="$build/bench/store/bench_gen_sketch_project"
for tool in "$wijkatlas" "$gen"; do
  [ -x "$tool" ] || { echo "no $tool: build with -DBUILD_BENCHMARKS=ON" >&2; exit 1; }
done
work="$(mktemp -d)"
pgdir="$build/bench-postgres-read"
trap 'bash scripts/test-postgres.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

conninfo="$(bash scripts/test-postgres.sh start "$pgdir")"
export PGPASSWORD="${conninfo##*password=}"
pg="${conninfo% password=*}"
gpkg="$work/project.gpkg"
postgis="PG:$pg active_schema=bench_read"
psql "$pg" -qAt -c "DROP SCHEMA IF EXISTS bench_read CASCADE"
"$gen" "$gpkg" "$sketches"
"$gen" "$postgis" "$sketches"

best() {  # LABEL command... -> best wall time and its peak RSS of REPEAT runs
  local label="$1"; shift
  local line best_s=999999 best_line=""
  for _ in $(seq 1 "$repeat"); do
    /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
    line="$(awk -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
      /Maximum resident set size/ { rss = $2 / 1024 }
      END { printf "%.3f %.0f", s, rss }' "$work/time")"
    if awk -v a="${line% *}" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
      best_s="${line% *}"; best_line="$line"
    fi
  done
  printf "%-44s %7.3f s  %5s MB\n" "$label" "${best_line% *}" "${best_line#* }"
  echo "$best_s" >"$work/last"
}

echo "== $sketches sketches ($(nproc) cores; $(psql --version | head -1); $(gdalinfo --version))"
for backend in GeoPackage PostGIS; do
  store="$gpkg"; [ "$backend" = PostGIS ] && store="$postgis"
  best "$backend: overlap --session bench" \
    "$wijkatlas" -q overlap --store "$store" --session bench --density-sigma 0 -o "$work/o_$backend.gpkg"
  declare "overlap_$backend=$(cat "$work/last")"
  # The first status makes the session's spots (an overlap and one write); later ones list them.
  /usr/bin/time -v -o "$work/time" "$wijkatlas" -q status --store "$store" --session bench >"$work/out" 2>&1
  awk -F': ' -v label="$backend: status --session bench (makes spots)" '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%-44s %7.3f s  %5.0f MB\n", label, s, rss }' "$work/time"
  best "$backend: status --session bench (lists)" \
    "$wijkatlas" -q status --store "$store" --session bench
  declare "status_$backend=$(cat "$work/last")"
  best "$backend: status --session bench --sketches" \
    "$wijkatlas" -q status --store "$store" --session bench --sketches
  declare "sketches_$backend=$(cat "$work/last")"
done
awk -v a="$overlap_PostGIS" -v b="$overlap_GeoPackage" -v c="$status_PostGIS" -v d="$status_GeoPackage" \
    -v e="$sketches_PostGIS" -v f="$sketches_GeoPackage" \
  'BEGIN { printf "PostGIS / GeoPackage: overlap %.2fx, status %.2fx, status --sketches %.2fx\n", a / b, c / d, e / f }'
