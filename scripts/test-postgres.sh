#!/usr/bin/env bash
# A private PostgreSQL 15 + PostGIS server for the store tests: its own data directory, on
# 127.0.0.1 at a free port, started and stopped by this script (no system cluster is touched).
#
#   scripts/test-postgres.sh start DIR   # prints the connection string, also in DIR/conninfo
#   scripts/test-postgres.sh stop DIR
#
# As root (CI) the server runs as the `postgres` user (PostgreSQL refuses to run as root).
# The role and password are throwaways for a server that lives as long as one test run.
# Exit 1 with a message (never a hang) when PostgreSQL or PostGIS is missing or does not start.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
BIN="/usr/lib/postgresql/$PG_VERSION/bin"
ROLE="wijkatlas"
DB="wijkatlas_test"
PLAIN_DB="wijkatlas_test_plain"  # without PostGIS, for the tests of that mistake
# The role ${ROLE}_reader (same password) gets only what a test grants it: a read-only user.

die() { echo "test-postgres: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: $0 start|stop DIR"
action="$1"
mkdir -p "$2"
dir="$(cd "$2" && pwd)"
data="$dir/data"

as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  if [ -f "$data/postmaster.pid" ]; then
    as_server "$BIN/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$data" "$dir/conninfo"
}

free_port() {
  python3 - <<'PY' 2>/dev/null && return
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
PY
  echo $((20000 + RANDOM % 20000))
}

start() {
  [ -x "$BIN/initdb" ] ||
    die "PostgreSQL $PG_VERSION is not installed ($BIN/initdb missing); run scripts/install-deps.sh"
  [ -f "/usr/share/postgresql/$PG_VERSION/extension/postgis.control" ] ||
    die "PostGIS for PostgreSQL $PG_VERSION is not installed; run scripts/install-deps.sh"
  stop  # a server left by an interrupted run
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir" "$data"
    # The server user must reach the directory through the build tree.
    local d="$dir"
    while [ "$d" != "/" ]; do
      [ -x "$d" ] || die "$d is not reachable by user postgres"
      d="$(dirname "$d")"
    done
  fi
  local password
  password="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
  as_server "$BIN/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$dir/pwfile" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    die "initdb failed, see $dir/initdb.log"
  rm -f "$dir/pwfile"
  local port
  port="$(free_port)"
  # A throwaway server: durability off, so that creating schemas costs milliseconds.
  as_server "$BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null || die "the server did not start, see $data/server.log"
  local psql=("$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$data" -p "$port" -U postgres)
  as_server "${psql[@]}" -d postgres -c "CREATE ROLE $ROLE LOGIN PASSWORD '$password'" \
    -c "CREATE ROLE ${ROLE}_reader LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE $DB OWNER $ROLE" -c "CREATE DATABASE $PLAIN_DB OWNER $ROLE" >/dev/null ||
    die "cannot create role and databases"
  as_server "${psql[@]}" -d "$DB" -c "SET client_min_messages = warning" \
    -c "CREATE EXTENSION postgis" >/dev/null || die "cannot create the PostGIS extension"
  local conninfo="host=127.0.0.1 port=$port dbname=$DB user=$ROLE password=$password"
  printf '%s\n' "$conninfo" >"$dir/conninfo"
  echo "$conninfo"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
