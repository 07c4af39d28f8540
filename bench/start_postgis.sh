#!/usr/bin/env bash
# Starts a PostgreSQL/PostGIS server on 127.0.0.1 for the benchmark and creates its database.
# Idempotent: safe to run again while the server runs. Needs the Debian packages postgresql,
# postgis and postgresql-15-postgis-3 (scripts/install-deps.sh) and root (or sudo).
#
#   bench/start_postgis.sh            # then: psql "$(bench/start_postgis.sh --print-conninfo)"
#
# Connection (TCP, password auth as Debian's pg_hba.conf wants for 127.0.0.1):
#   host=127.0.0.1 port=$PGPORT (5432) dbname=wijkatlas_bench user=wijkatlas password=wijkatlas
# The password is a throwaway for a local benchmark server; do not reuse this on a shared host.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
CLUSTER="${PG_CLUSTER:-main}"
PORT="${PGPORT:-5432}"
DB="${BENCH_DB:-wijkatlas_bench}"
ROLE="wijkatlas"
CONNINFO="host=127.0.0.1 port=$PORT dbname=$DB user=$ROLE password=$ROLE"

if [ "${1:-}" = "--print-conninfo" ]; then echo "$CONNINFO"; exit 0; fi

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" "$@"; }

command -v pg_ctlcluster >/dev/null || {
  echo "start_postgis: PostgreSQL is not installed; run scripts/install-deps.sh" >&2; exit 1; }

# The postgresql package creates cluster 15/main on install; create it if someone dropped it.
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1 == v && $2 == c' | grep -q .; then
  as_root pg_createcluster --port "$PORT" "$PG_VERSION" "$CLUSTER"
fi
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1 == v && $2 == c && $4 ~ /online/' | grep -q .; then
  # Works without systemd (containers): pg_ctlcluster starts the postmaster itself.
  as_root pg_ctlcluster "$PG_VERSION" "$CLUSTER" start
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || {
  echo "start_postgis: server on 127.0.0.1:$PORT does not answer" >&2; exit 1; }

psql_admin -d postgres <<SQL
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$ROLE', '$ROLE')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$DB', '$ROLE')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB') \gexec
SQL
# CREATE EXTENSION postgis needs a superuser; afterwards the owner role can use it.
psql_admin -d "$DB" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS postgis"

echo "start_postgis: PostGIS $(PGPASSWORD=$ROLE psql -X -At "$CONNINFO" -c 'SELECT postgis_lib_version()') ready: $CONNINFO"
