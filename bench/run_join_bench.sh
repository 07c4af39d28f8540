#!/usr/bin/env bash
# The point-in-polygon join benchmark of issues 2 and 16; docs/performance.md explains it.
#
#   bench/run_join_bench.sh [BUILD_DIR]     (default build/release, configured with
#                                            -DCMAKE_BUILD_TYPE=Release -DBUILD_BENCHMARKS=ON)
#
# Joins 10^4 .. 10^7 random points into (a) the 83 real Arnhem buurten and (b) 14,000 synthetic
# jagged polygons with wijkatlas (the in-memory join phase, the whole `wijkatlas join` command,
# and reading the points alone) and with its peers in the same run: a GEOS prepared-geometry +
# STRtree loop, PostGIS (ST_Contains, GiST index; the query alone and load + query) and
# SpatiaLite through `ogr2ogr -dialect SQLite`. Every tool's assignment of points to polygons
# is summed into a checksum (sum over matched points of the polygon's fid); they must agree.
# Every timing is repeated REPEAT times; the tables give medians. Writes
#   bench/results/join_bench.csv   one row per dataset, size, tool and repetition
#   bench/results/join_bench.md    the tables for docs/performance.md (medians)
#   bench/results/machine.txt      CPU, versions, load average, PostGIS query plans
# Environment: SIZES="10000 100000 1000000 10000000", REPEAT=3, REPEAT_10M (repetitions at
# 10^7 points, default REPEAT), DATASETS="arnhem synthetic", DATA_DIR (generated inputs,
# default BUILD_DIR/bench-data), RESULTS_DIR (default bench/results). Needs root or sudo for
# PostGIS.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build/release}" && pwd)"
SIZES="${SIZES:-10000 100000 1000000 10000000}"
REPEAT="${REPEAT:-3}"
REPEAT_10M="${REPEAT_10M:-$REPEAT}"
DATASETS="${DATASETS:-arnhem synthetic}"
DATA="${DATA_DIR:-$BUILD/bench-data}"
RESULTS="${RESULTS_DIR:-$ROOT/bench/results}"
ARNHEM="${ARNHEM_BUURTEN:-${WIJKATLAS_DATA_DIR:-$ROOT/../shared/datasets}/cbs/arnhem_wijkbuurt_2024_generalized.gpkg}"
WIJKATLAS="$BUILD/wijkatlas"
GEN="$BUILD/bench/bench_gen_synthetic"
for exe in "$WIJKATLAS" "$GEN" "$BUILD/bench/bench_geos_peer" "$BUILD/bench/bench_wijkatlas_join" \
           "$BUILD/bench/bench_read_points"; do
  [ -x "$exe" ] || { echo "run_join_bench: $exe missing; build with -DBUILD_BENCHMARKS=ON" >&2; exit 1; }
done
[ -f "$ARNHEM" ] || { echo "run_join_bench: $ARNHEM missing (set ARNHEM_BUURTEN)" >&2; exit 1; }
mkdir -p "$DATA" "$RESULTS"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"  # other work on the machine skews timings
STARTED="$(date -u +%Y-%m-%dT%H:%MZ)"
"$ROOT/bench/start_postgis.sh" >/dev/null
PG="$("$ROOT/bench/start_postgis.sh" --print-conninfo)"
psql_bench() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$PG" "$@"; }

CSV="$RESULTS/join_bench.csv"
echo "dataset,points,tool,run,seconds,peak_rss_mb,matched,checksum,load,cpu_seconds" >"$CSV"
# record DATASET N TOOL RUN SECONDS RSS_MB MATCHED CHECKSUM [CPU_SECONDS]
# CPU seconds (user + system, all threads; "-" where not measured: PostGIS's server) depend
# much less than wall seconds on what else runs on the machine.
record() {
  echo "$1,$2,$3,$4,$5,$6,$7,$8,$(cut -d' ' -f1 /proc/loadavg),${9:--}" >>"$CSV"
  echo "  $3 (run $4): ${5}s (CPU ${9:--}s), ${6} MB, $7 matched, checksum $8"
}

# Runs a command under /usr/bin/time -v; sets ELAPSED (s), CPU_S (user + system) and RSS_MB.
# Output goes to $WORK/out.
timed() {
  /usr/bin/time -v -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; return 1; }
  ELAPSED="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
             for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.3f", s }' "$WORK/time")"
  RSS_MB="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time")"
  CPU_S="$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.3f", s }' "$WORK/time")"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$WORK/out"; }

# ---- inputs (deterministic; generated once, kept in DATA) -----------------------------------
SYNTHETIC="$DATA/synthetic_buurten.gpkg"
# The generator writes through wijkatlas::geo::write_layers; a bigger SQLite page cache only
# makes generating faster and is not used for the timed runs.
[ -f "$SYNTHETIC" ] || OGR_SQLITE_CACHE=1024 "$GEN" polygons -o "$SYNTHETIC"
declare -A POLYGONS=([arnhem]="$ARNHEM" [synthetic]="$SYNTHETIC")
# Points cover each polygon set's bounding box (Arnhem's box also holds land outside the 83
# buurten, so there some points match nothing, as in real use).
declare -A EXTENT=([arnhem]="183548 438459 196442 454549" [synthetic]="13000 306000 278000 620000")

# The points of one size as CSV (x, y, thema; written as drawn) and as GeoPackage (the same
# points through wijkatlas::geo::write_layers, with the spatial index a user's GeoPackage
# would carry and the SpatiaLite peer's query uses).
make_points() {  # DATASET N -> sets POINTS_CSV and POINTS_GPKG
  POINTS_CSV="$DATA/${1}_punten_$2.csv"
  POINTS_GPKG="$DATA/${1}_punten_$2.gpkg"
  local output
  for output in "$POINTS_CSV" "$POINTS_GPKG"; do
    # shellcheck disable=SC2086  # EXTENT holds four numbers
    [ -f "$output" ] || OGR_SQLITE_CACHE=1024 "$GEN" points -n "$2" --extent ${EXTENT[$1]} -o "$output" >/dev/null
  done
}

# The command's checksum from its GeoPackage: its buurten are written in input order (fid 1..N).
command_checksum() {
  ogrinfo -q "$WORK/out.gpkg" -sql "SELECT sum(n_punten) AS m, sum(fid * n_punten) AS c FROM buurten" |
    awk -F' = ' '/ m \(/ { m = $2 } / c \(/ { c = $2 } END { print m, c }'
}
# The same from the table punten_codes (--joined-points codes): every point's buurtcode.
codes_checksum() {
  ogrinfo -q "$WORK/out.gpkg" -sql "SELECT count(b.fid) AS m, sum(b.fid) AS c FROM punten_codes p
    JOIN buurten b ON b.code = p.buurtcode" |
    awk -F' = ' '/ m \(/ { m = $2 } / c \(/ { c = $2 } END { print m, c }'
}

join_command() {  # POINTS [extra args...]
  local points="$1"; shift
  local layer=()
  [[ "$points" == *.gpkg ]] && layer=(--points-layer punten)
  timed "$WIJKATLAS" join -q --areas "$polygons" --areas-layer buurten --programme none \
    --levels buurt --points "$points" "${layer[@]}" --theme-field thema \
    --no-indicators -o "$WORK/out.gpkg" --csv "$WORK/out.csv" "$@"
}

for dataset in $DATASETS; do
  echo "== $dataset"
  polygons="${POLYGONS[$dataset]}"
  ogr2ogr -f PostgreSQL "PG:$PG" "$polygons" buurten -nln buurten -overwrite -preserve_fid \
    -lco FID=fid -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -select buurtcode
  psql_bench -c "VACUUM ANALYZE buurten"

  for n in $SIZES; do
    make_points "$dataset" "$n"
    echo "-- $dataset, $n points"
    repeat="$REPEAT"
    [ "$n" -ge 10000000 ] && repeat="$REPEAT_10M"
    # SpatiaLite needs both layers in one SQLite database (an untimed copy, once per size).
    cp "$POINTS_GPKG" "$WORK/both.gpkg"
    ogr2ogr -update "$WORK/both.gpkg" "$polygons" buurten -nln buurten -preserve_fid -select buurtcode

    for run in $(seq 1 "$repeat"); do
      # GEOS peer and wijkatlas' in-memory join phase: join_s is timed inside the programs.
      args=(--polygons "$polygons" --points "$POINTS_GPKG")
      timed "$BUILD/bench/bench_geos_peer" "${args[@]}"
      geos_checksum="$(field checksum)"
      record "$dataset" "$n" geos_prepared_strtree "$run" "$(field join_s)" "$RSS_MB" "$(field matched)" "$geos_checksum" "$(field join_cpu_s)"
      timed "$BUILD/bench/bench_wijkatlas_join" "${args[@]}"
      record "$dataset" "$n" wijkatlas_join_phase "$run" "$(field join_s)" "$RSS_MB" "$(field matched)" "$(field checksum)" "$(field join_cpu_s)"
      record "$dataset" "$n" wijkatlas_join_phase_1thread "$run" "$(field join_1thread_s)" "$RSS_MB" "$(field matched)" "$(field checksum)" "$(field join_1thread_cpu_s)"

      # Reading the points alone, as the command reads them.
      for input in "$POINTS_GPKG" "$POINTS_CSV"; do
        timed "$BUILD/bench/bench_read_points" --points "$input"
        record "$dataset" "$n" "wijkatlas_read_points_${input##*.}" "$run" "$ELAPSED" "$RSS_MB" "$(field points)" - "$CPU_S"
      done

      # The whole command: read, build the buurt level, join, write GeoPackage + CSV. Default
      # (the layer 'punten' with every point up to 100,000 points; the points outside always),
      # with that copy forced (--joined-points always), with only every point's codes instead
      # (--joined-points codes; its checksum from the table punten_codes), and from the CSV.
      for variant in default joined_points_always joined_points_codes from_csv; do
        checksum_of=command_checksum
        case "$variant" in
          default) join_command "$POINTS_GPKG"; tool=wijkatlas_join_command ;;
          joined_points_always) join_command "$POINTS_GPKG" --joined-points always
            tool=wijkatlas_join_command_joined_points_always ;;
          joined_points_codes) join_command "$POINTS_GPKG" --joined-points codes
            tool=wijkatlas_join_command_joined_points_codes; checksum_of=codes_checksum ;;
          from_csv) join_command "$POINTS_CSV"; tool=wijkatlas_join_command_from_csv ;;
        esac
        read -r matched checksum < <("$checksum_of")
        record "$dataset" "$n" "$tool" "$run" "$ELAPSED" "$RSS_MB" "$matched" "$checksum" "$CPU_S"
      done

      # PostGIS: load (ogr2ogr, GiST index, VACUUM ANALYZE), then the query. Peak memory is
      # the query backend's VmHWM (a fresh backend per run; parallel workers not included).
      load_start="$(date +%s.%N)"
      ogr2ogr -f PostgreSQL "PG:$PG" "$POINTS_GPKG" punten -nln punten -overwrite \
        -lco GEOMETRY_NAME=geom -lco FID=id -lco SPATIAL_INDEX=GIST -select thema
      psql_bench -c "VACUUM ANALYZE punten"
      load_s="$(awk -v a="$load_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')"
      query="CREATE TABLE result AS SELECT p.id, b.fid AS buurt FROM punten p
             JOIN buurten b ON ST_Contains(b.geom, p.geom)"
      psql_bench >"$WORK/pg" <<SQL
DROP TABLE IF EXISTS result;
SELECT pg_backend_pid() AS pid \gset
\setenv BACKEND_PID :pid
\timing on
$query;
\timing off
SELECT 'matched=' || count(*) || ' checksum=' || coalesce(sum(buurt), 0) FROM result;
\! grep VmHWM /proc/\$BACKEND_PID/status
SQL
      pg_s="$(awk '/^Time:/ { printf "%.4f", $2 / 1000 }' "$WORK/pg")"
      pg_mb="$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "$WORK/pg")"
      pg_matched="$(sed -n 's/.*matched=\([0-9]*\).*/\1/p' "$WORK/pg")"
      pg_checksum="$(sed -n 's/.*checksum=\([0-9]*\).*/\1/p' "$WORK/pg")"
      record "$dataset" "$n" postgis_query "$run" "$pg_s" "$pg_mb" "$pg_matched" "$pg_checksum"
      record "$dataset" "$n" postgis_load_and_query "$run" "$(awk -v a="$load_s" -v b="$pg_s" 'BEGIN { printf "%.3f", a + b }')" \
        "$pg_mb" "$pg_matched" "$pg_checksum"
      if [ "$n" = "${SIZES##* }" ] && [ "$run" = 1 ]; then
        { echo "== PostGIS plan, $dataset, $n points"; psql_bench -c "DROP TABLE result" -c "EXPLAIN (COSTS OFF) $query"; } \
          >>"$WORK/plans.txt"
      fi

      # SpatiaLite via OGR's SQLite dialect: the GeoPackage R*Tree of the points filters
      # candidates by the polygon's bounding box; SpatiaLite's ST_Contains (GEOS) decides.
      rm -f "$WORK/spatialite.csv"
      timed ogr2ogr -f CSV "$WORK/spatialite.csv" "$WORK/both.gpkg" -dialect SQLite -sql \
        "SELECT p.fid + 0 AS point_id, b.fid + 0 AS buurt FROM buurten AS b
         JOIN rtree_punten_geom AS r ON r.minx <= ST_MaxX(b.geom) AND r.maxx >= ST_MinX(b.geom)
          AND r.miny <= ST_MaxY(b.geom) AND r.maxy >= ST_MinY(b.geom)
         JOIN punten AS p ON p.fid = r.id WHERE ST_Contains(b.geom, p.geom)"
      read -r sl_matched sl_checksum < <(awk -F, 'NR > 1 { gsub(/"/, ""); m++; c += $2 } END { printf "%d %.0f\n", m, c }' "$WORK/spatialite.csv")
      record "$dataset" "$n" spatialite_ogr2ogr "$run" "$ELAPSED" "$RSS_MB" "$sl_matched" "$sl_checksum" "$CPU_S"
    done
    rm -f "$WORK/both.gpkg"
  done
done

{
  echo "started: $STARTED; finished: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "load average at start / end: $LOAD_AT_START / $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "repetitions: $REPEAT (10^7 points: $REPEAT_10M); sizes: $SIZES"
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
  # cmake/allocator.cmake: jemalloc with transparent huge pages, unless built without it
  echo "allocator of wijkatlas and the GEOS peer: $(ldd "$WIJKATLAS" | grep -q jemalloc && echo "jemalloc $(dpkg-query -W -f='${Version}' libjemalloc2 2>/dev/null) (thp:always)" || echo "glibc malloc")"
  echo "transparent huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  cat "$WORK/plans.txt" 2>/dev/null || true
} >"$RESULTS/machine.txt"

"$ROOT/bench/summarize_results.sh" "$CSV" "$RESULTS/machine.txt" >"$RESULTS/join_bench.md"
cat "$RESULTS/join_bench.md"
