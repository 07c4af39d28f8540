#!/usr/bin/env bash
# Builds examples/initiatieven_arnhem_oost.gpkg (layer `initiatieven`, EPSG:28992, point geometry)
# from examples/initiatieven_arnhem_oost.csv (lon/lat WGS84). ILLUSTRATIVE, FICTITIOUS data.
#
# Usage: bash examples/make_initiatieven_gpkg.sh
# Needs: ogr2ogr (GDAL >= 3.4). Every CSV column is kept as a field; `startdatum` becomes a Date
# field, `lon`/`lat` Real fields. The output is written to a temporary file and renamed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/initiatieven_arnhem_oost.csv"
out="$here/initiatieven_arnhem_oost.gpkg"

command -v ogr2ogr >/dev/null || { echo "make_initiatieven_gpkg: ogr2ogr not found (apt-get install gdal-bin)" >&2; exit 1; }
[ -f "$src" ] || { echo "make_initiatieven_gpkg: $src not found" >&2; exit 1; }

tmp="$(mktemp -d)"
export OGR_CURRENT_DATE="2024-01-01T00:00:00.000Z"  # reproducible gpkg_contents.last_change
trap 'rm -rf "$tmp"' EXIT

# A .csvt next to a copy of the CSV fixes the field types (the CSV itself stays plain).
cp "$src" "$tmp/initiatieven.csv"
#        id     naam   thema  omschr status startdatum lon  lat  c_naam c_email c_tel  illustratief
echo '"String","String","String","String","String","Date","Real","Real","String","String","String","String"' \
  > "$tmp/initiatieven.csvt"

ogr2ogr -f GPKG "$tmp/out.gpkg" "$tmp/initiatieven.csv" \
  -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=YES \
  -s_srs EPSG:4326 -t_srs EPSG:28992 -nln initiatieven -nlt POINT \
  -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=YES \
  -mo "DESCRIPTION=Illustratief, fictief initiatievenregister Arnhem-Oost (wijkatlas examples)"

n="$(ogrinfo -ro -q "$tmp/out.gpkg" -sql "SELECT COUNT(*) AS n FROM initiatieven" | sed -n 's/.*n (Integer[0-9]*) = //p')"
echo "make_initiatieven_gpkg: $n features"
mv -f "$tmp/out.gpkg" "$out"
echo "make_initiatieven_gpkg: wrote $out"
