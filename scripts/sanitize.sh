#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset sanitize:
# clang, -O1, the tree scripts/fuzz.sh also builds its targets in), with the private PostGIS
# server as scripts/test.sh starts it (docs/robustness.md). Part of scripts/test.sh, so of CI.
#
#   bash scripts/sanitize.sh                 # everything
#   bash scripts/sanitize.sh -R 'Store|Cli'  # arguments go to ctest
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir="${WIJKATLAS_DATA_DIR:-$(cd .. && pwd)/shared/datasets}"
cmake --preset sanitize -DWIJKATLAS_DATA_DIR="$data_dir" >/dev/null
cmake --build --preset sanitize

pg_dir="build/sanitize/postgres"
trap 'bash scripts/test-postgres.sh stop "$pg_dir"' EXIT
WIJKATLAS_TEST_PG="$(bash scripts/test-postgres.sh start "$pg_dir")"
export WIJKATLAS_TEST_PG
ctest --preset sanitize "$@"
