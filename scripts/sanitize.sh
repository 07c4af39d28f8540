#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset asan: clang,
# -O1), with the private PostGIS server as scripts/test.sh starts it (docs/robustness.md). Not
# yet part of scripts/test.sh: it takes about 20 minutes of build and 20 of tests on 2 cores.
#
#   bash scripts/sanitize.sh                 # everything
#   bash scripts/sanitize.sh -R 'Store|Cli'  # arguments go to ctest
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir="${WIJKATLAS_DATA_DIR:-$(cd .. && pwd)/shared/datasets}"
cmake --preset asan -DWIJKATLAS_DATA_DIR="$data_dir" >/dev/null
cmake --build --preset asan

pg_dir="build/asan/postgres"
trap 'bash scripts/test-postgres.sh stop "$pg_dir"' EXIT
WIJKATLAS_TEST_PG="$(bash scripts/test-postgres.sh start "$pg_dir")"
export WIJKATLAS_TEST_PG
ctest --preset asan "$@"
