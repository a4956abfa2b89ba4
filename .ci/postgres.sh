#!/usr/bin/env bash
# Sourced by .ci/run before the tests: a throwaway PostgreSQL cluster for the store conformance
# suite and the many-workers test (issue 15). Installs Debian's `postgresql` if missing, runs the
# server as an unprivileged user (CI runs as root) from a temporary folder on a free loopback port,
# creates the test database and exports COPYDESK_TEST_POSTGRES_URL. `copydesk_postgres_stop` stops
# it and removes the folder; a trap on EXIT calls it.
#
# Usable by hand too:  source .ci/postgres.sh; swift test --filter StoreConformance; copydesk_postgres_stop

copydesk_postgres_start() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ] || ! [ -x "$bin/initdb" ]; then
        echo "postgresql is missing; installing it from Debian's packages" >&2
        export DEBIAN_FRONTEND=noninteractive
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
        else
            sudo -n apt-get update -qq && sudo -n apt-get install -y -qq postgresql >/dev/null
        fi
        bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    COPYDESK_PG_DIR="$(mktemp -d /tmp/copydesk-pg.XXXXXX)"
    local run=()
    if [ "$(id -u)" = 0 ]; then
        # initdb refuses to run as root: the cluster belongs to `nobody`.
        chown nobody "$COPYDESK_PG_DIR"
        chmod 700 "$COPYDESK_PG_DIR"
        run=(runuser -u nobody --)
    fi
    local port
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "${run[@]}" "$bin/initdb" -D "$COPYDESK_PG_DIR/data" -U copydesk --auth=trust -E UTF8 --no-locale >"$COPYDESK_PG_DIR/initdb.log" 2>&1 \
        || { cat "$COPYDESK_PG_DIR/initdb.log" >&2; return 1; }
    "${run[@]}" "$bin/pg_ctl" -D "$COPYDESK_PG_DIR/data" -l "$COPYDESK_PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $COPYDESK_PG_DIR -c max_connections=200 -c fsync=off -c shared_buffers=128MB" start >/dev/null \
        || { cat "$COPYDESK_PG_DIR/server.log" >&2; return 1; }
    COPYDESK_PG_BIN="$bin"
    COPYDESK_PG_PORT="$port"
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U copydesk copydesk_test
    export COPYDESK_TEST_POSTGRES_URL="postgres://copydesk@127.0.0.1:$port/copydesk_test"
    # For the restart test: how to stop and start this server.
    export COPYDESK_TEST_POSTGRES_CTL="${run[*]} $bin/pg_ctl -D $COPYDESK_PG_DIR/data -w -t 60"
    echo "PostgreSQL test server: $COPYDESK_TEST_POSTGRES_URL (data in $COPYDESK_PG_DIR)" >&2
}

copydesk_postgres_stop() {
    [ -n "${COPYDESK_PG_DIR:-}" ] || return 0
    if [ -d "$COPYDESK_PG_DIR/data" ]; then
        local run=()
        [ "$(id -u)" = 0 ] && run=(runuser -u nobody --)
        "${run[@]}" "$COPYDESK_PG_BIN/pg_ctl" -D "$COPYDESK_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$COPYDESK_PG_DIR"
    unset COPYDESK_PG_DIR COPYDESK_TEST_POSTGRES_URL COPYDESK_TEST_POSTGRES_CTL
}

copydesk_postgres_start
trap copydesk_postgres_stop EXIT
