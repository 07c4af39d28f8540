#!/usr/bin/env bash
# datasets/fetch.sh – download the detailed data wijkatlas can use but that is not offline:
#   1. CBS Wijk- en buurtkaart 2024 v2  -> DATA_DIR/cbs/wijkenbuurten_2024_v2.gpkg
#   2. OpenStreetMap, Arnhem            -> DATA_DIR/osm/arnhem.osm.pbf
#      (Geofabrik gelderland-latest.osm.pbf clipped with osmium extract -b 5.80,51.93,6.00,52.08)
# See datasets/manifest.toml and datasets/README.md. Run `bash datasets/fetch.sh --help`.
set -euo pipefail

PROG="fetch.sh"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$SCRIPT_DIR")"

CBS_URL="${WIJKATLAS_CBS_URL:-https://geodata.cbs.nl/files/Wijkenbuurtkaart/WijkBuurtkaart_2024_v2.zip}"
CBS_SHA256="${WIJKATLAS_CBS_SHA256:-}"
CBS_MEMBER="wijkenbuurten_2024_v2.gpkg"
CBS_TARGET_REL="cbs/wijkenbuurten_2024_v2.gpkg"
OSM_URL="${WIJKATLAS_OSM_URL:-https://download.geofabrik.de/europe/netherlands/gelderland-latest.osm.pbf}"
OSM_BBOX="${WIJKATLAS_OSM_BBOX:-5.80,51.93,6.00,52.08}"
OSM_TARGET_REL="osm/arnhem.osm.pbf"

usage() {
  cat <<EOF
Usage: bash datasets/fetch.sh [options] [DATA_DIR]

Downloads the two detailed sources that are not in the offline data directory and puts them
where wijkatlas looks for them (paths as in datasets/manifest.toml):

  $CBS_TARGET_REL   CBS/PDOK Wijk- en buurtkaart 2024 v2 (layers buurten, wijken,
                                    gemeenten; EPSG:28992; several hundred MB)
                                    from $CBS_URL
  $OSM_TARGET_REL              OpenStreetMap extract of Arnhem, clipped from
                                    $OSM_URL
                                    with: osmium extract -b $OSM_BBOX

DATA_DIR  default: \$WIJKATLAS_DATA_DIR, else ../shared/datasets next to the repository
          (now: $(default_data_dir)). Must be writable.

Options:
  --only cbs|osm     fetch only one of the two sources
  --force            download again even if the target file already exists
  --keep-downloads   keep the raw downloads (zip, Gelderland .pbf) in DATA_DIR/downloads/
  -h, --help         show this help and exit

Environment:
  WIJKATLAS_CBS_URL     other CBS source: a zip holding *$CBS_MEMBER, or a bare .gpkg,
                        e.g. https://service.pdok.nl/cbs/wijkenbuurten/2024/atom/downloads/wijkenbuurten_2024.gpkg
  WIJKATLAS_CBS_SHA256  expected SHA-256 of the CBS download (checked if set)
  WIJKATLAS_OSM_URL     other Geofabrik-style .osm.pbf (its .md5 is checked when published)
  WIJKATLAS_OSM_BBOX    other clip box lon_min,lat_min,lon_max,lat_max (default 5.80,51.93,6.00,52.08)
  (file:// URLs work too, e.g. for an already downloaded file)

Needs: curl, ogrinfo (gdal-bin), osmium (osmium-tool), sha256sum, and unzip or python3.
Safety: everything is downloaded and checked in a temporary folder inside DATA_DIR and only then
renamed into place, so an interrupted or failed run never leaves a half-written file behind.
Exit status: 0 = all requested sources present and verified; 1 = failure (message on stderr).
Licences: CBS data CC BY 4.0 ("Bron: CBS, Kadaster – Wijk- en buurtkaart 2024");
OpenStreetMap ODbL 1.0 ("© OpenStreetMap-bijdragers, ODbL").
EOF
}

default_data_dir() {
  if [ -n "${WIJKATLAS_DATA_DIR:-}" ]; then
    printf '%s\n' "$WIJKATLAS_DATA_DIR"
  else
    printf '%s\n' "$(dirname "$REPO_DIR")/shared/datasets"
  fi
}

say() { printf '%s: %s\n' "$PROG" "$*"; }
die() { printf '%s: ERROR: %s\n' "$PROG" "$*" >&2; exit 1; }

# ---- arguments -------------------------------------------------------------------------------
ONLY=""
FORCE=0
KEEP=0
DATA_DIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --only) [ $# -ge 2 ] || die "--only needs 'cbs' or 'osm'"; ONLY="$2"; shift 2 ;;
    --only=*) ONLY="${1#--only=}"; shift ;;
    --force) FORCE=1; shift ;;
    --keep-downloads) KEEP=1; shift ;;
    --) shift; [ $# -gt 0 ] && { DATA_DIR="$1"; shift; } ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) [ -z "$DATA_DIR" ] || die "more than one DATA_DIR given ('$DATA_DIR', '$1')"; DATA_DIR="$1"; shift ;;
  esac
done
case "$ONLY" in ""|cbs|osm) ;; *) die "--only must be 'cbs' or 'osm', not '$ONLY'" ;; esac
[ -n "$DATA_DIR" ] || DATA_DIR="$(default_data_dir)"
want() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

# ---- checks before any download ----------------------------------------------------------------
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found – install it ($2)"; }
need curl "apt-get install curl"
need sha256sum "coreutils"
if want cbs; then
  need ogrinfo "apt-get install gdal-bin"
  case "$CBS_URL" in
    *.gpkg) ;;
    *) command -v unzip >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 \
         || die "need 'unzip' or 'python3' to unpack the CBS zip (apt-get install unzip)" ;;
  esac
fi
want osm && need osmium "apt-get install osmium-tool"

mkdir -p "$DATA_DIR" 2>/dev/null || die "cannot create data directory '$DATA_DIR'"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"
[ -w "$DATA_DIR" ] || die "data directory '$DATA_DIR' is not writable – pass a writable DATA_DIR (bash datasets/fetch.sh /path/to/data) or set WIJKATLAS_DATA_DIR"
say "data directory: $DATA_DIR"

# Work folder inside DATA_DIR so the final `mv` is an atomic rename on the same file system.
WORK="$(mktemp -d "$DATA_DIR/.fetch-tmp.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
trap 'echo; die "interrupted – no files were changed"' INT TERM

# download URL FILE: curl into FILE (inside $WORK); fails with a clear message.
download() {
  local url="$1" out="$2" rc=0
  say "downloading $url"
  curl --fail --location --show-error --silent --retry 3 --retry-delay 5 --connect-timeout 30 \
       --output "$out" "$url" || rc=$?
  if [ "$rc" -ne 0 ]; then
    rm -f "$out"
    die "download failed (curl exit code $rc) for $url – check the network connection or the URL; no files in $DATA_DIR were changed"
  fi
  say "  $(du -h "$out" | cut -f1) received"
}

# install SRC DEST_REL: rename the verified SRC into DATA_DIR/DEST_REL (atomic).
install_file() {
  local src="$1" dest="$DATA_DIR/$2"
  mkdir -p "$(dirname "$dest")"
  # mktemp dir is inside DATA_DIR; a same-directory temp name keeps the rename atomic even when
  # the sub-folder is a different mount.
  local tmpdest
  tmpdest="$(dirname "$dest")/.$(basename "$dest").partial.$$"
  mv -f "$src" "$tmpdest"
  mv -f "$tmpdest" "$dest"
  say "  installed $dest"
  say "  sha256 $(sha256sum "$dest" | cut -d' ' -f1)  (put in datasets/manifest.toml if you like)"
}

keep_download() {
  if [ "$KEEP" = 1 ]; then
    mkdir -p "$DATA_DIR/downloads"
    mv -f "$1" "$DATA_DIR/downloads/$2"
    say "  kept raw download as $DATA_DIR/downloads/$2"
  fi
}

# ---- 1. CBS Wijk- en buurtkaart 2024 v2 -----------------------------------------------------------
fetch_cbs() {
  local target="$DATA_DIR/$CBS_TARGET_REL"
  if [ -f "$target" ] && [ "$FORCE" = 0 ]; then
    say "CBS: $target exists – skipped (use --force to download again)"
    return 0
  fi
  local raw gpkg="$WORK/$CBS_MEMBER"
  case "$CBS_URL" in
    *.gpkg) raw="$gpkg" ;;
    *) raw="$WORK/cbs_download.zip" ;;
  esac
  download "$CBS_URL" "$raw"
  if [ -n "$CBS_SHA256" ]; then
    echo "$CBS_SHA256  $raw" | sha256sum --check --status 2>/dev/null \
      || die "CBS download does not match WIJKATLAS_CBS_SHA256=$CBS_SHA256"
    say "  sha256 matches WIJKATLAS_CBS_SHA256"
  fi

  if [ "$raw" != "$gpkg" ]; then
    local member
    if command -v unzip >/dev/null 2>&1; then
      member="$(unzip -Z1 "$raw" | grep -i "$CBS_MEMBER\$" | head -n1 || true)"
      [ -n "$member" ] || die "no *$CBS_MEMBER in $CBS_URL (zip contents: $(unzip -Z1 "$raw" | tr '\n' ' '))"
      say "  unpacking $member"
      unzip -p "$raw" "$member" > "$gpkg" || die "unzip failed for $member"
    else
      member="$(python3 - "$raw" "$CBS_MEMBER" <<'PY'
import sys, zipfile
names = [n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.lower().endswith(sys.argv[2].lower())]
print(names[0] if names else "")
PY
)" || die "python3 could not read the zip $raw"
      [ -n "$member" ] || die "no *$CBS_MEMBER in $CBS_URL"
      say "  unpacking $member"
      python3 - "$raw" "$member" "$gpkg" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
      [ -s "$gpkg" ] || die "unpacking $member failed"
    fi
  fi

  say "  verifying GeoPackage"
  local layer n
  for layer in buurten wijken gemeenten; do
    n="$(ogrinfo -ro -so "$gpkg" "$layer" 2>/dev/null | sed -n 's/^Feature Count: //p')"
    [ -n "$n" ] && [ "$n" -gt 0 ] || die "CBS GeoPackage has no (non-empty) layer '$layer'"
    say "    layer $layer: $n features"
  done
  n="$(ogrinfo -ro -q "$gpkg" -sql "SELECT COUNT(*) AS n FROM buurten WHERE gemeentecode = 'GM0202'" 2>/dev/null \
        | sed -n 's/.* n (Integer[0-9]*) = //p')"
  [ -n "$n" ] && [ "$n" -ge 50 ] || die "CBS GeoPackage has ${n:-no} buurten for GM0202 (Arnhem); expected about 83 (or more, with water parts)"
  say "    Arnhem (GM0202): $n buurt features"
  ogrinfo -ro -so "$gpkg" buurten | grep -q "EPSG\",28992\|Amersfoort / RD New" \
    || die "CBS buurten layer is not in EPSG:28992"

  install_file "$gpkg" "$CBS_TARGET_REL"
  [ "$raw" = "$gpkg" ] || keep_download "$raw" "$(basename "${CBS_URL%%\?*}")"
}

# ---- 2. OpenStreetMap Arnhem -----------------------------------------------------------------------
fetch_osm() {
  local target="$DATA_DIR/$OSM_TARGET_REL"
  if [ -f "$target" ] && [ "$FORCE" = 0 ]; then
    say "OSM: $target exists – skipped (use --force to download again)"
    return 0
  fi
  local raw="$WORK/source.osm.pbf" clip="$WORK/arnhem.osm.pbf"
  download "$OSM_URL" "$raw"

  # Geofabrik publishes FILE.md5 next to every extract; check it when it is there.
  if curl --fail --location --silent --show-error --connect-timeout 30 --output "$WORK/source.md5" "$OSM_URL.md5"; then
    local want_md5 got_md5
    want_md5="$(cut -d' ' -f1 < "$WORK/source.md5")"
    got_md5="$(md5sum "$raw" | cut -d' ' -f1)"
    [ "$want_md5" = "$got_md5" ] || die "MD5 mismatch for $OSM_URL (expected $want_md5, got $got_md5) – download again"
    say "  md5 ok ($got_md5)"
  else
    say "  warning: no .md5 published for $OSM_URL; skipping the checksum check"
  fi

  say "  clipping to Arnhem: osmium extract -b $OSM_BBOX"
  osmium extract --bbox "$OSM_BBOX" --overwrite --output "$clip" "$raw"

  say "  verifying extract"
  osmium fileinfo "$clip" >/dev/null || die "osmium cannot read the clipped extract"
  local nodes ways
  nodes="$(osmium fileinfo --extended --get data.count.nodes "$clip")"
  ways="$(osmium fileinfo --extended --get data.count.ways "$clip")"
  [ "${nodes:-0}" -gt 1000 ] && [ "${ways:-0}" -gt 100 ] \
    || die "clipped extract looks empty ($nodes nodes, $ways ways) – is $OSM_URL the right region?"
  say "    $nodes nodes, $ways ways"

  install_file "$clip" "$OSM_TARGET_REL"
  keep_download "$raw" "$(basename "${OSM_URL%%\?*}")"
}

want cbs && fetch_cbs
want osm && fetch_osm
say "done"
