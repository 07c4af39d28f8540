#!/usr/bin/env bash
# The README's second command, and what CI runs (.ci/run): install the Debian packages, check the
# format, build with warnings as errors, run the whole GoogleTest suite through CTest, then fuzz
# every parser for a bounded time.
# The store suite also runs against a private PostgreSQL/PostGIS server
# (scripts/test-postgres.sh), started before CTest and stopped after it; its connection string
# reaches the tests in WIJKATLAS_TEST_PG.
# The tests read the real data from WIJKATLAS_DATA_DIR (default ../shared/datasets) and fail,
# never skip, when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
data_dir="${WIJKATLAS_DATA_DIR:-$(cd .. && pwd)/shared/datasets}"
if [ ! -d "$data_dir/cbs" ]; then
  echo "test: data directory '$data_dir' has no cbs/ folder; set WIJKATLAS_DATA_DIR" >&2
  exit 3
fi
# Conventions are checked, not only written: every C++ file as .clang-format says (clang-format
# of Debian 12). To fix: git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror || {
  echo "test: the files above are not formatted (.clang-format); run clang-format -i on them" >&2
  exit 1
}
cmake --preset ci -DWIJKATLAS_DATA_DIR="$data_dir"
cmake --build --preset ci

pg_dir="build/ci/postgres"
trap 'bash scripts/test-postgres.sh stop "$pg_dir"' EXIT
WIJKATLAS_TEST_PG="$(bash scripts/test-postgres.sh start "$pg_dir")"
export WIJKATLAS_TEST_PG
ctest --preset ci

# Every parser of outside input fuzzed for a bounded time (docs/robustness.md): a clang build of
# the libraries with AddressSanitizer + UndefinedBehaviorSanitizer (preset fuzz), each case
# FUZZ_SECONDS (default 15 s). A finding fails the run and leaves its input in build/fuzz/artifacts.
bash scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
