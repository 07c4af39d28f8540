#!/usr/bin/env bash
# Installs every Debian package wijkatlas needs to build, test and benchmark.
# Idempotent: safe to run again. Needs root (or sudo) on Debian 12 (bookworm).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  clang-format  # the format check of scripts/test.sh (.clang-format)
  # geometry core
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin proj-data libboost-dev
  # the programs' allocator (transparent huge pages: cmake/allocator.cmake)
  libjemalloc-dev
  # configuration and command line
  nlohmann-json3-dev libcli11-dev libtomlplusplus-dev
  # renderer: cairo + pango, and the pinned font family the maps use
  libcairo2-dev libpango1.0-dev libpng-dev fonts-noto-core fonts-dejavu-core
  # drawing sheets: QR codes (write with qrencode, read with zbar), ArUco markers and
  # homography with OpenCV (aruco lives in the contrib modules)
  libqrencode-dev libzbar-dev libopencv-dev libopencv-contrib-dev
  libpoppler-cpp-dev  # photo reader: a scanner's PDF page rasterised
  # SHA-256 of ingested files and of OSM extracts (OpenSSL), SQLite under GDAL's GeoPackage
  # driver, UUIDs as stable row ids of the project store (libuuid)
  libssl-dev libsqlite3-dev uuid-dev
  libpq-dev  # PostGIS store: connection checks and messages GDAL cannot give
  # tests
  libgtest-dev googletest poppler-utils
  # fuzzing (scripts/fuzz.sh): clang with libFuzzer, which Debian ships in compiler-rt
  clang libclang-rt-14-dev
  # project store for teams, and benchmark peers
  postgresql postgis postgresql-15-postgis-3 libsqlite3-mod-spatialite sqlite3 time
  python3-mapnik mapnik-utils python3-cairo  # python3-cairo: the multi-page Mapnik peer of the base map bench
  wrk  # HTTP load from a second process: the viewer server's tile benchmark (bench/run_serve_bench.sh)
  # the meeting viewer (`wijkatlas serve`): HTTP server, and the browser its end-to-end test drives
  libcpp-httplib-dev chromium
  # fetch script (clip the Gelderland OSM extract to Arnhem)
  osmium-tool curl ca-certificates unzip
)

# Node.js and npm build the viewer's page (web/): the machine's own when it has them (a newer
# Node.js than Debian's may be installed and Debian's npm would conflict with it), else Debian's.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
else
  echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The viewer's front-end packages from the npm registry, exactly as web/package-lock.json pins
# them (OpenLayers, proj4, esbuild, playwright-core; docs/viewer.md lists their licences).
# Skipped when node_modules was installed from this very lock file (a copy kept as a stamp).
# playwright-core never downloads a browser: the test uses Debian's chromium.
WEB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/web"
STAMP="$WEB_DIR/node_modules/.installed-from-package-lock.json"
if ! cmp -s "$WEB_DIR/package-lock.json" "$STAMP" 2>/dev/null; then
  echo "install-deps: npm ci in web/"
  (cd "$WEB_DIR" && npm ci --no-audit --no-fund)
  cp "$WEB_DIR/package-lock.json" "$STAMP"
fi
