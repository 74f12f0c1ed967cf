#!/usr/bin/env bash
# Start a throwaway PostgreSQL server (Debian's package) on loopback for the store tests.
#
#   eval "$(bash .ci/postgres.sh)"     # or: source .ci/postgres.sh
#   -> exports POLYBIUS_TEST_PG=postgresql://postgres@127.0.0.1:PORT/polybius_test
#
# Installs postgresql with apt-get when it is missing, initialises a cluster in
# $POLYBIUS_PG_DIR (default /tmp/polybius-pg), starts it on $POLYBIUS_PG_PORT (default
# 54329, loopback only, trust auth), creates the test database and prints the export line.
# Run it again: an already running server is reused.  Stop: pg_ctl -D "$POLYBIUS_PG_DIR/data" stop
_pg_main() {
  set -euo pipefail
  local dir="${POLYBIUS_PG_DIR:-/tmp/polybius-pg}" port="${POLYBIUS_PG_PORT:-54329}" db="polybius_test"
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "installing postgresql (apt-get)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  local run_as=()
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$dir" postgres
    run_as=(runuser -u postgres --)
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = "0" ] && chown postgres "$dir"
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
  fi
  if ! "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off" start >&2
  fi
  if ! "${run_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
       "SELECT 1 FROM pg_database WHERE datname = '$db'" postgres | grep -q 1; then
    "${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db" >&2
  fi
  echo "postgresql://postgres@127.0.0.1:$port/$db"
}
# A subshell keeps `set -e` away from a shell that sources this file.
if _polybius_pg_url="$( _pg_main "$@" )" && [ -n "$_polybius_pg_url" ]; then
  export POLYBIUS_TEST_PG="$_polybius_pg_url"
  echo "export POLYBIUS_TEST_PG=$POLYBIUS_TEST_PG"
else
  echo "postgres.sh: could not start PostgreSQL (see messages above)" >&2
  (return 0 2>/dev/null) && return 1 || exit 1
fi
