#!/usr/bin/env bash
# Issue 13, benchmark (1): 8 concurrent writers x 500 sketch inserts and 8 x 500 status changes
# (compare-and-set) on one project, on a GeoPackage and on PostGIS (a private server started and
# stopped by scripts/test-postgres.sh), in the same run. Not a test.
#   bash bench/store/run_writers_bench.sh BUILD_DIR   # BUILD_DIR has bench/store/bench_store_writers
set -euo pipefail
build="${1:?usage: $0 BUILD_DIR}"
bench="$build/bench/store/bench_store_writers"
[ -x "$bench" ] || { echo "no $bench: configure with -DBUILD_BENCHMARKS=ON" >&2; exit 1; }
work="$(mktemp -d)"
pgdir="$build/bench-postgres"
trap 'bash scripts/test-postgres.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

echo "== GeoPackage"
"$bench" "$work/writers.gpkg"
echo "== PostGIS"
conninfo="$(bash scripts/test-postgres.sh start "$pgdir")"
password="${conninfo##*password=}"
PGPASSWORD="$password" "$bench" "PG:${conninfo% password=*} active_schema=writers_bench"
