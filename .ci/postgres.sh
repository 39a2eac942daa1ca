#!/usr/bin/env bash
# Sourced by .ci/run: a throw-away PostgreSQL cluster for the experience library's store tests (real server, no mock).
# Installs Debian's postgresql if missing, runs initdb + pg_ctl as the postgres user in a temporary directory on
# 127.0.0.1:${OPTAGENT_TEST_PG_PORT:-55410}, exports OPTAGENT_TEST_POSTGRES (a JDBC URL) and stops the cluster on exit.
set -euo pipefail
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1; then
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql > /dev/null
fi
PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
PG_PORT="${OPTAGENT_TEST_PG_PORT:-55410}"
PG_DIR="$(mktemp -d /tmp/optagent-pg.XXXXXX)"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$PG_DIR"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 > "$PG_DIR/initdb.log"
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR" start > /dev/null
stop_test_postgres() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop > /dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap stop_test_postgres EXIT
export OPTAGENT_TEST_POSTGRES="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres"
echo "test PostgreSQL at $OPTAGENT_TEST_POSTGRES ($PG_DIR)" >&2
