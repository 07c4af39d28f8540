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
  # fetch script (clip the Gelderland OSM extract to Arnhem)
  osmium-tool curl ca-certificates unzip
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
