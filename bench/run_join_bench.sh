#!/usr/bin/env bash
# The point-in-polygon join benchmark of issue 2; docs/performance.md explains it.
#
#   bench/run_join_bench.sh [BUILD_DIR]     (default build/release, configured with
#                                            -DCMAKE_BUILD_TYPE=Release -DBUILD_BENCHMARKS=ON)
#
# Joins 10^4, 10^5 and 10^6 random points into (a) the 83 real Arnhem buurten and (b) 14,000
# synthetic jagged polygons with wijkatlas (in-memory join phase and the whole `wijkatlas join`
# command) and with its peers: a GEOS prepared-geometry + STRtree loop, PostGIS (ST_Contains,
# GiST index) and SpatiaLite through `ogr2ogr -dialect SQLite`. Writes
#   bench/results/join_bench.csv   one row per dataset, size and tool
#   bench/results/join_bench.md    the table for docs/performance.md
#   bench/results/machine.txt      CPU, versions, PostGIS query plan
# Environment: SIZES="10000 100000 1000000", DATA_DIR (generated inputs, default
# BUILD_DIR/bench-data), RESULTS_DIR (default bench/results). Needs root or sudo for PostGIS.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build/release}" && pwd)"
SIZES="${SIZES:-10000 100000 1000000}"
DATA="${DATA_DIR:-$BUILD/bench-data}"
RESULTS="${RESULTS_DIR:-$ROOT/bench/results}"
ARNHEM="${ARNHEM_BUURTEN:-$ROOT/../shared/datasets/cbs/arnhem_wijkbuurt_2024_generalized.gpkg}"
WIJKATLAS="$BUILD/wijkatlas"
GEN="$BUILD/bench/bench_gen_synthetic"
for exe in "$WIJKATLAS" "$GEN" "$BUILD/bench/bench_geos_peer" "$BUILD/bench/bench_wijkatlas_join"; do
  [ -x "$exe" ] || { echo "run_join_bench: $exe missing; build with -DBUILD_BENCHMARKS=ON" >&2; exit 1; }
done
[ -f "$ARNHEM" ] || { echo "run_join_bench: $ARNHEM missing (set ARNHEM_BUURTEN)" >&2; exit 1; }
mkdir -p "$DATA" "$RESULTS"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"  # other work on the machine skews timings
"$ROOT/bench/start_postgis.sh" >/dev/null
PG="$("$ROOT/bench/start_postgis.sh" --print-conninfo)"
psql_bench() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$PG" "$@"; }

CSV="$RESULTS/join_bench.csv"
echo "dataset,points,tool,seconds,peak_rss_mb,matched" >"$CSV"
record() { echo "$1,$2,$3,$4,$5,$6" >>"$CSV"; echo "  $3: ${4}s, ${5} MB, $6 matched"; }

# Runs a command under /usr/bin/time -v; sets ELAPSED (s) and RSS_MB. Output goes to $WORK/out.
timed() {
  /usr/bin/time -v -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; return 1; }
  ELAPSED="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
             for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.3f", s }' "$WORK/time")"
  RSS_MB="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time")"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$WORK/out"; }

# ---- inputs (deterministic; generated once, kept in DATA) -----------------------------------
SYNTHETIC="$DATA/synthetic_buurten.gpkg"
# The generator writes through wijkatlas::geo::write_layers; a bigger SQLite page cache only
# makes generating 10^6 points faster and is not used for the timed runs.
[ -f "$SYNTHETIC" ] || OGR_SQLITE_CACHE=1024 "$GEN" polygons -o "$SYNTHETIC"
declare -A POLYGONS=([arnhem]="$ARNHEM" [synthetic]="$SYNTHETIC")
# Points cover each polygon set's bounding box (Arnhem's box also holds land outside the 83
# buurten, so there some points match nothing, as in real use).
declare -A EXTENT=([arnhem]="183548 438459 196442 454549" [synthetic]="13000 306000 278000 620000")

for dataset in arnhem synthetic; do
  echo "== $dataset"
  polygons="${POLYGONS[$dataset]}"
  ogr2ogr -f PostgreSQL "PG:$PG" "$polygons" buurten -nln buurten -overwrite \
    -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -select buurtcode
  psql_bench -c "VACUUM ANALYZE buurten"

  for n in $SIZES; do
    points="$DATA/${dataset}_punten_$n.gpkg"
    # shellcheck disable=SC2086  # EXTENT holds four numbers
    [ -f "$points" ] || OGR_SQLITE_CACHE=1024 "$GEN" points -n "$n" --extent ${EXTENT[$dataset]} -o "$points" >/dev/null
    echo "-- $dataset, $n points"

    # GEOS peer and wijkatlas' in-memory join phase: join_s is timed inside the programs.
    args=(--polygons "$polygons" --points "$points")
    timed "$BUILD/bench/bench_geos_peer" "${args[@]}"
    geos_checksum="$(field checksum)"
    record "$dataset" "$n" geos_prepared_strtree "$(field join_s)" "$RSS_MB" "$(field matched)"
    timed "$BUILD/bench/bench_wijkatlas_join" "${args[@]}"
    [ "$(field checksum)" = "$geos_checksum" ] ||
      echo "  WARNING: wijkatlas and GEOS assign points differently (checksums differ)" >&2
    record "$dataset" "$n" wijkatlas_join_phase "$(field join_s)" "$RSS_MB" "$(field matched)"
    record "$dataset" "$n" wijkatlas_join_phase_1thread "$(field join_1thread_s)" "$RSS_MB" "$(field matched)"

    # The whole command: read, build the hierarchy, join, write GeoPackage + CSV.
    # Default (the layer 'punten' with every point is written up to 100,000 points) and with
    # that copy forced (--joined-points always).
    for variant in default joined_points_always; do
      extra=()
      [ "$variant" = joined_points_always ] && extra=(--joined-points always)
      timed "$WIJKATLAS" join -q --areas "$polygons" --areas-layer buurten --programme none \
        --levels buurt --points "$points" --points-layer punten --theme-field thema \
        --no-indicators -o "$WORK/out.gpkg" --csv "$WORK/out.csv" "${extra[@]}"
      matched="$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "n_punten") c = i; next }
                          { s += $c } END { print s }' "$WORK/out.csv")"
      tool=wijkatlas_join_command
      [ "$variant" = joined_points_always ] && tool=wijkatlas_join_command_joined_points_always
      record "$dataset" "$n" "$tool" "$ELAPSED" "$RSS_MB" "$matched"
    done

    # PostGIS: load (untimed), GiST index, then time only the query. Peak memory is the
    # backend's VmHWM (a fresh backend per run; parallel workers not included).
    ogr2ogr -f PostgreSQL "PG:$PG" "$points" punten -nln punten -overwrite \
      -lco GEOMETRY_NAME=geom -lco FID=id -lco SPATIAL_INDEX=GIST -select thema
    psql_bench -c "VACUUM ANALYZE punten"
    query="CREATE TABLE result AS SELECT p.id, b.buurtcode FROM punten p
           JOIN buurten b ON ST_Contains(b.geom, p.geom)"
    psql_bench >"$WORK/pg" <<SQL
DROP TABLE IF EXISTS result;
SELECT pg_backend_pid() AS pid \gset
\setenv BACKEND_PID :pid
\timing on
$query;
\timing off
SELECT 'matched=' || count(*) FROM result;
\! grep VmHWM /proc/\$BACKEND_PID/status
SQL
    pg_s="$(awk '/^Time:/ { printf "%.4f", $2 / 1000 }' "$WORK/pg")"
    pg_mb="$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "$WORK/pg")"
    record "$dataset" "$n" postgis_query "$pg_s" "$pg_mb" "$(sed -n 's/.*matched=\([0-9]*\).*/\1/p' "$WORK/pg")"
    if [ "$n" = "${SIZES##* }" ]; then
      { echo "== PostGIS plan, $dataset, $n points"; psql_bench -c "DROP TABLE result" -c "EXPLAIN (COSTS OFF) $query"; } \
        >>"$WORK/plans.txt"
    fi

    # SpatiaLite via OGR's SQLite dialect. Both layers must be in one SQLite database: the
    # points GeoPackage plus the polygons (untimed copy). The GeoPackage R*Tree of the points
    # filters candidates by the polygon's bounding box; SpatiaLite's ST_Contains (GEOS) decides.
    cp "$points" "$WORK/both.gpkg"
    ogr2ogr -update "$WORK/both.gpkg" "$polygons" buurten -nln buurten -select buurtcode
    rm -rf "$WORK/spatialite.csv"
    timed ogr2ogr -f CSV "$WORK/spatialite.csv" "$WORK/both.gpkg" -dialect SQLite -sql \
      "SELECT p.fid + 0 AS point_id, b.buurtcode FROM buurten AS b
       JOIN rtree_punten_geom AS r ON r.minx <= ST_MaxX(b.geom) AND r.maxx >= ST_MinX(b.geom)
        AND r.miny <= ST_MaxY(b.geom) AND r.maxy >= ST_MinY(b.geom)
       JOIN punten AS p ON p.fid = r.id WHERE ST_Contains(b.geom, p.geom)"
    record "$dataset" "$n" spatialite_ogr2ogr "$ELAPSED" "$RSS_MB" "$(($(wc -l <"$WORK/spatialite.csv") - 1))"
    rm -f "$WORK/both.gpkg"
  done
done

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "load average at start / end: $LOAD_AT_START / $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "nproc: $(nproc)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory: $(free -g | awk '/^Mem:/ { print $2 " GiB" }')"
  echo "kernel: $(uname -r)"
  echo "gdal: $(gdal-config --version 2>/dev/null || ogrinfo --version)"
  echo "geos: $(geos-config --version)"
  echo "sqlite: $(sqlite3 --version | cut -d' ' -f1)"
  echo "spatialite: $(ogrinfo "$SYNTHETIC" -q -dialect SQLite -sql 'SELECT spatialite_version() AS v' | sed -n 's/.*v (String) = //p')"
  echo "postgresql: $(psql -X -At "$PG" -c 'SHOW server_version')"
  echo "postgis: $(psql -X -At "$PG" -c 'SELECT postgis_full_version()')"
  echo "compiler: $(c++ --version | head -1)"
  cat "$WORK/plans.txt" 2>/dev/null || true
} >"$RESULTS/machine.txt"

"$ROOT/bench/summarize_results.sh" "$CSV" >"$RESULTS/join_bench.md"
cat "$RESULTS/join_bench.md"
