#!/usr/bin/env bash
# Sourced by .ci/run before the tests: a throwaway PostgreSQL cluster for the store conformance
# suite and the many-workers test (issue 15). Installs Debian's `postgresql` if missing, runs the
# server as an unprivileged user (CI runs as root) from a temporary folder on a free loopback port,
# creates the test database and exports COPYDESK_TEST_POSTGRES_URL. `copydesk_postgres_stop` stops
# it and removes the folder; a trap on EXIT calls it.
#
# Usable by hand too:  source .ci/postgres.sh; swift test --filter StoreConformance; copydesk_postgres_stop

# One cluster in $COPYDESK_PG_DIR/NAME on a free loopback port, with the database copydesk_test;
# prints the port.
copydesk_postgres_cluster() {
    local name="$1" port run=()
    [ "$(id -u)" = 0 ] && run=(runuser -u nobody --)
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "${run[@]}" "$COPYDESK_PG_BIN/initdb" -D "$COPYDESK_PG_DIR/$name" -U copydesk --auth=trust -E UTF8 --no-locale >"$COPYDESK_PG_DIR/$name-initdb.log" 2>&1 \
        || { cat "$COPYDESK_PG_DIR/$name-initdb.log" >&2; return 1; }
    "${run[@]}" "$COPYDESK_PG_BIN/pg_ctl" -D "$COPYDESK_PG_DIR/$name" -l "$COPYDESK_PG_DIR/$name.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $COPYDESK_PG_DIR -c max_connections=200 -c fsync=off -c shared_buffers=128MB" start >/dev/null \
        || { cat "$COPYDESK_PG_DIR/$name.log" >&2; return 1; }
    "$COPYDESK_PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U copydesk copydesk_test >&2 || return 1
    echo "$port"
}

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
    COPYDESK_PG_BIN="$bin"
    local port
    port="$(copydesk_postgres_cluster main)" || return 1
    COPYDESK_PG_PORT="$port"
    export COPYDESK_TEST_POSTGRES_URL="postgres://copydesk@127.0.0.1:$port/copydesk_test"
    # A second server for the restart test (SharedArchiveDeskTests), which stops and starts it
    # while the other tests use the first: how to restart it, and its URL. The log keeps the
    # server's output off the caller's pipes.
    port="$(copydesk_postgres_cluster restart)" || return 1
    export COPYDESK_TEST_POSTGRES_RESTART_URL="postgres://copydesk@127.0.0.1:$port/copydesk_test"
    export COPYDESK_TEST_POSTGRES_CTL="${run[*]} $bin/pg_ctl -D $COPYDESK_PG_DIR/restart -l $COPYDESK_PG_DIR/restart.log -w -t 60"
    echo "PostgreSQL test server: $COPYDESK_TEST_POSTGRES_URL (data in $COPYDESK_PG_DIR)" >&2
}

copydesk_postgres_stop() {
    [ -n "${COPYDESK_PG_DIR:-}" ] || return 0
    local run=() name
    [ "$(id -u)" = 0 ] && run=(runuser -u nobody --)
    for name in main restart; do
        if [ -d "$COPYDESK_PG_DIR/$name" ]; then
            "${run[@]}" "$COPYDESK_PG_BIN/pg_ctl" -D "$COPYDESK_PG_DIR/$name" -m fast -w stop >/dev/null 2>&1 || true
        fi
    done
    rm -rf "$COPYDESK_PG_DIR"
    unset COPYDESK_PG_DIR COPYDESK_TEST_POSTGRES_URL COPYDESK_TEST_POSTGRES_RESTART_URL COPYDESK_TEST_POSTGRES_CTL
}

copydesk_postgres_start
trap copydesk_postgres_stop EXIT
