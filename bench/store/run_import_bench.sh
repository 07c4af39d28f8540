#!/usr/bin/env bash
# Issue 13, benchmark (2): importing 10^6 points into a PostGIS project with `wijkatlas store
# import --points` against the peer `ogr2ogr -f PostgreSQL --config PG_USE_COPY YES`, in the same
# run, on a private server (scripts/test-postgres.sh). Wall time and peak memory from
# /usr/bin/time -v. The input is one GeoPackage of random points (x, y, thema) made by the join
# benchmark's generator; both tools read the same file. Not a test.
#   bash bench/store/run_import_bench.sh BUILD_DIR [POINTS] [REPEAT]
# BUILD_DIR has wijkatlas and bench/bench_gen_synthetic (-DBUILD_BENCHMARKS=ON).
set -euo pipefail
build="${1:?usage: $0 BUILD_DIR [POINTS] [REPEAT]}"
points="${2:-1000000}"
repeat="${3:-2}"
wijkatlas="$build/wijkatlas"
gen="$build/bench/bench_gen_synthetic"
for tool in "$wijkatlas" "$gen"; do
  [ -x "$tool" ] || { echo "no $tool: build with -DBUILD_BENCHMARKS=ON" >&2; exit 1; }
done
work="$(mktemp -d)"
pgdir="$build/bench-postgres-import"
trap 'bash scripts/test-postgres.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

input="$work/punten_$points.gpkg"
OGR_SQLITE_CACHE=1024 "$gen" points -n "$points" --extent 183548 438459 196442 454549 -o "$input" >/dev/null

conninfo="$(bash scripts/test-postgres.sh start "$pgdir")"
export PGPASSWORD="${conninfo##*password=}"
pg="${conninfo% password=*}"
sql() { psql "$pg" -qAt -c "$1"; }

timed() {  # LABEL RUN command... -> one line: label, run, seconds, peak RSS MB
  local label="$1" run="$2"; shift 2
  /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  awk -F': ' -v label="$label" -v run="$run" '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%-34s run %d  %7.2f s  %6.0f MB\n", label, run, s, rss }' "$work/time"
}

echo "== $points points into PostGIS ($(psql --version | head -1); $(gdalinfo --version))"
for run in $(seq 1 "$repeat"); do
  sql "DROP SCHEMA IF EXISTS bench_peer CASCADE; CREATE SCHEMA bench_peer"
  timed "ogr2ogr -f PostgreSQL (PG_USE_COPY)" "$run" \
    ogr2ogr -f PostgreSQL "PG:$pg active_schema=bench_peer" "$input" -nln punten \
    -lco SCHEMA=bench_peer -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST --config PG_USE_COPY YES
  sql "DROP SCHEMA IF EXISTS bench_import CASCADE"
  "$wijkatlas" -q store init --store "PG:$pg active_schema=bench_import" >/dev/null
  timed "wijkatlas store import --points" "$run" \
    "$wijkatlas" -q store import --store "PG:$pg active_schema=bench_import" --no-areas \
    --points "$input" --layer-name punten
  timed "  the same again (unchanged)" "$run" \
    "$wijkatlas" -q store import --store "PG:$pg active_schema=bench_import" --no-areas \
    --points "$input" --layer-name punten
done
echo "rows: peer $(sql 'SELECT count(*) FROM bench_peer.punten'), wijkatlas $(sql "SELECT count(*) FROM bench_import.assets WHERE layer = 'punten'")"
