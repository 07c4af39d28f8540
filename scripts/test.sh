#!/usr/bin/env bash
# The README's second command, and what CI runs (.ci/run): install the Debian packages, build
# with warnings as errors and run the whole GoogleTest suite through CTest.
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
cmake --preset ci -DWIJKATLAS_DATA_DIR="$data_dir"
cmake --build --preset ci
ctest --preset ci
