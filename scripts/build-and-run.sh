#!/usr/bin/env bash
# The README's first command: install the Debian packages, build wijkatlas (release) and run the
# main job on the bundled default: the Arnhem-Oost join of the illustrative initiatives with the
# CBS wijk- en buurtkaart and key figures from the data directory.
# Output: out/wijkatlas_join.gpkg and out/wijkatlas_join.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release
mkdir -p out
build/release/wijkatlas join -o out/wijkatlas_join.gpkg "$@"
