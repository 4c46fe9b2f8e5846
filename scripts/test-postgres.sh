#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suites, run by CTest as the setup and cleanup fixtures of the
# PostgreSQL variants of the suites (tests/CMakeLists.txt).
#
#   scripts/test-postgres.sh start STATE_DIR   initdb + start on a free port in a new temporary directory; writes
#                                              STATE_DIR/url (an admin URL the tests create their databases through)
#                                              and STATE_DIR/data (where the cluster lives)
#   scripts/test-postgres.sh stop STATE_DIR    stops the server and removes the cluster and the state
#
# As root the server runs as the unprivileged `postgres` user that Debian's postgresql package creates (initdb refuses
# to run as root). The cluster trusts local connections and skips fsync: it holds test data only and is removed at
# the end. A cluster left behind by an interrupted run is stopped and removed by the next start.
set -euo pipefail

action=${1:-}
state=${2:-}
if [ -z "$action" ] || [ -z "$state" ]; then
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
fi

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ]; then bindir=$candidate; fi
done
if [ -z "$bindir" ]; then
  echo "$0: PostgreSQL is not installed (scripts/install-deps.sh test installs the postgresql package)" >&2
  exit 1
fi

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop() {
  if [ -f "$state/data" ]; then
    local data
    data=$(cat "$state/data")
    if [ -d "$data/cluster" ]; then
      as_server_user "$bindir/pg_ctl" -D "$data/cluster" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$data"
  fi
  rm -f "$state/url" "$state/data"
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case "$action" in
  stop)
    stop
    ;;
  start)
    mkdir -p "$state"
    stop
    data=$(mktemp -d /tmp/clause9-postgresql-XXXXXX)
    echo "$data" >"$state/data"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$data"; fi
    as_server_user "$bindir/initdb" -D "$data/cluster" -U clause9 -A trust -E UTF8 --no-locale >"$data/initdb.log" 2>&1 ||
      { cat "$data/initdb.log" >&2; exit 1; }
    for attempt in $(seq 1 20); do
      port=$((20000 + RANDOM % 40000))
      port_is_free "$port" || continue
      if as_server_user "$bindir/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 start \
          -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
              -c full_page_writes=off -c max_connections=200" >/dev/null; then
        echo "postgresql://clause9@127.0.0.1:$port/postgres" >"$state/url"
        echo "PostgreSQL for the tests at 127.0.0.1:$port ($data)"
        exit 0
      fi
    done
    echo "$0: the test PostgreSQL server did not start; its log:" >&2
    cat "$data/server.log" >&2 || true
    exit 1
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
