#!/usr/bin/env bash
# The README's second command, and what CI runs (.ci/run): install the Debian packages, check the
# format, build the release program and benchmarks as users build them (gcc, warnings as errors),
# then the whole GoogleTest suite through CTest under AddressSanitizer + UndefinedBehaviorSanitizer
# (scripts/sanitize.sh: clang, warnings as errors), then fuzz every parser for a bounded time
# (scripts/fuzz.sh) in the same clang tree. The tests are built and run once, sanitized: two
# builds of them would take CI past 60 minutes on 2 cores (docs/robustness.md).
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

bash scripts/sanitize.sh

# Every parser of outside input fuzzed for a bounded time (docs/robustness.md), each case
# FUZZ_SECONDS (default 15 s). A finding fails the run and leaves its input in
# build/sanitize/fuzz/artifacts.
bash scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
