#!/usr/bin/env bash
# The README's first command: install the Debian packages, build wijkatlas (release) and run the
# main job on the bundled default: the Arnhem-Oost atlas (overview + one page per programme wijk)
# after the join of the illustrative initiatives with the CBS wijk- en buurtkaart and key figures
# from the data directory.
# Output: out/atlas_arnhem_oost.pdf, out/atlas/*.png, out/wijkatlas_join.gpkg and .csv.
# Extra arguments go to the atlas command (e.g. --language en, --data-dir DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --target wijkatlas  # only what the main job needs
mkdir -p out
build/release/wijkatlas join -o out/wijkatlas_join.gpkg
build/release/wijkatlas atlas -o out/atlas_arnhem_oost.pdf --png-dir out/atlas "$@"
