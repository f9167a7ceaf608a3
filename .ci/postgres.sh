#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the store tests and print its URL as the last line of stdout.
#
# Usage:  export SPINSCOPE_TEST_PG_URL=$(bash .ci/postgres.sh | tail -1)
# Run as root on a fresh Debian machine (installs the `postgresql` package once), or as any user where the
# PostgreSQL server binaries are already installed. Running it again reuses the cluster it started before.
# Settings (environment): SPINSCOPE_PG_DIR (cluster folder, default /tmp/spinscope-pg),
# SPINSCOPE_PG_PORT (first port to try, default 54329), SPINSCOPE_PG_DB (database, default spinscope_test).
# Stop it with:  pg_ctl -D "$SPINSCOPE_PG_DIR/data" stop   (as the postgres user when run as root).
set -euo pipefail

PG_DIR="${SPINSCOPE_PG_DIR:-/tmp/spinscope-pg}"
FIRST_PORT="${SPINSCOPE_PG_PORT:-54329}"
DB="${SPINSCOPE_PG_DB:-spinscope_test}"
DATA="$PG_DIR/data"
SOCK="$PG_DIR/sock"

log() { echo "postgres.sh: $*" >&2; }
die() { echo "postgres.sh: ERROR: $*" >&2; exit 1; }

find_bindir() {
    # The newest installed server version wins.
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; fi
}

BIN=$(find_bindir)
if [[ -z "$BIN" ]]; then
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL server binaries not found and not root: install the 'postgresql' package"
    command -v apt-get >/dev/null || die "PostgreSQL server binaries not found and apt-get is missing"
    log "installing PostgreSQL from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2 || die "apt-get update failed"
    apt-get install -y --no-install-recommends postgresql >&2 || die "apt-get install postgresql failed"
    BIN=$(find_bindir)
    [[ -n "$BIN" ]] || die "postgresql installed but no /usr/lib/postgresql/*/bin/initdb found"
fi

# The server refuses to run as root: as root, run it as the `postgres` user that the Debian package creates.
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (the postgresql package creates it)"
    as_pg() { runuser -u postgres -- "$@"; }
    OWNER=postgres
else
    as_pg() { "$@"; }
    OWNER=$(id -un)
fi

mkdir -p "$PG_DIR" "$SOCK"
chown "$OWNER" "$PG_DIR" "$SOCK"
chmod 700 "$PG_DIR"

port_is_free() {
    python3 - "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

pick_port() {
    local p
    for p in $(seq "$FIRST_PORT" $((FIRST_PORT + 100))); do
        if port_is_free "$p"; then echo "$p"; return 0; fi
    done
    return 1
}

if [[ ! -f "$DATA/PG_VERSION" ]]; then
    log "creating cluster in $DATA"
    rm -rf "$DATA"
    # Trust auth is fine: the server listens on loopback and a socket folder only the owner can enter.
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2 \
        || die "initdb failed in $DATA"
fi

if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    PORT=$(cat "$PG_DIR/port" 2>/dev/null || true)
    [[ -n "$PORT" ]] || die "a server runs in $DATA but $PG_DIR/port is missing; stop it and run again"
    log "reusing running cluster on port $PORT"
else
    PORT=$(pick_port) || die "no free TCP port in $FIRST_PORT..$((FIRST_PORT + 100))"
    # A throwaway test cluster: durability settings off to spare the CI machine's disk and cores.
    OPTS="-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    OPTS="$OPTS -c full_page_writes=off -c max_connections=50"
    log "starting cluster on port $PORT"
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$PG_DIR/server.log" -w -t 60 -o "$OPTS" start </dev/null >&2 \
        || { tail -20 "$PG_DIR/server.log" >&2 || true; die "pg_ctl start failed; log: $PG_DIR/server.log"; }
    echo "$PORT" > "$PG_DIR/port"
fi

psql_pg() { as_pg "$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_pg -tAc "SELECT 1" >/dev/null 2>&1 || die "server on port $PORT does not answer"
if [[ -z "$(psql_pg -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]]; then
    psql_pg -c "CREATE DATABASE \"$DB\" ENCODING 'UTF8'" >&2 || die "could not create database $DB"
fi

echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
