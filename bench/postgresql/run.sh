#!/usr/bin/env bash
# SQLite and PostgreSQL side by side, in one run on this machine:
#   - the agenda build (bench_agenda --postgresql);
#   - GET /api/v1/actions?status=open&limit=50 through `clause9 serve` on the demo at --scale 10, with wrk, from
#     the list cache and with every page rendered (--list-cache 0);
#   - write throughput: 8 concurrent API clients creating action items, with wrk.
# A throwaway PostgreSQL server is started for it (scripts/test-postgres.sh) and removed at the end.
#   bench/postgresql/run.sh [BUILD_DIR]      DURATION=10s changes the wrk runs
set -euo pipefail

BUILD=${1:-build}
CLAUSE9=$(realpath "$BUILD/src/clause9")
AGENDA_BENCH=$(realpath "$BUILD/bench/agenda/bench_agenda")
DURATION=${DURATION:-10s}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/bench/lib.sh"

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (apt-get install $tool)" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/clause9-bench-postgresql.XXXXXX)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  "$ROOT/scripts/test-postgres.sh" stop "$WORK/postgresql" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$ROOT/scripts/test-postgres.sh" start "$WORK/postgresql" >/dev/null
ADMIN=$(cat "$WORK/postgresql/url")
SERVER_URL=${ADMIN%/postgres}
# The test cluster skips fsync; a fair comparison with SQLite's synchronous=FULL commits needs it back on.
psql -q "$ADMIN" -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
  -c "SELECT pg_reload_conf()" >/dev/null

echo "clause9 SQLite and PostgreSQL: $(uname -n), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo
echo "== agenda build"
"$AGENDA_BENCH" --postgresql "$ADMIN"


echo
echo "== demo at --scale 10, copied to PostgreSQL"
DB="$WORK/bench.db"
TOKEN=$(demo_with_token "$DB")
psql -q "$ADMIN" -c "CREATE DATABASE bench"
"$CLAUSE9" copy --from "$DB" --to "$SERVER_URL/bench" --quiet

cat >"$WORK/create.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"title": "load %d", "owner": 1, "due": "2031-01-01"}', counter)
  return wrk.format("POST", "/api/v1/actions", nil, body)
end
LUA

figures() { # wrk output -> "N req/s, p50 X, p99 Y"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
       /Non-2xx/ {bad=$NF} END {printf "%8.0f req/s   p50 %-9s p99 %-9s%s\n", rps, p50, p99, bad ? "  non-2xx: " bad : ""}'
}

for engine in sqlite postgresql; do
  url=$DB; [ "$engine" = postgresql ] && url="$SERVER_URL/bench"
  port=$(free_port)
  auth=(-H "Authorization: Bearer $TOKEN")
  echo
  echo "-- $engine"
  # The list with every page rendered (--list-cache 0): the engines' own cost, as right after a write. Before
  # the write test, so both list runs read the same rows.
  "$CLAUSE9" --db "$url" serve --quiet --list-cache 0 --listen "127.0.0.1:$port" >"$WORK/serve-$engine.out" \
    2>"$WORK/serve-$engine.log" &
  SERVER_PID=$!
  wait_healthy "$port"
  printf '   %-72s' 'GET actions?status=open&limit=50, 16 connections, every page rendered:'
  wrk -t2 -c16 -d"$DURATION" --latency "${auth[@]}" "http://127.0.0.1:$port/api/v1/actions?status=open&limit=50" | figures
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

  "$CLAUSE9" --db "$url" serve --quiet --listen "127.0.0.1:$port" >>"$WORK/serve-$engine.out" \
    2>>"$WORK/serve-$engine.log" &
  SERVER_PID=$!
  wait_healthy "$port"
  printf '   %-72s' 'the same from the list cache:'
  wrk -t2 -c16 -d"$DURATION" --latency "${auth[@]}" "http://127.0.0.1:$port/api/v1/actions?status=open&limit=50" | figures
  printf '   %-72s' 'POST actions, 8 concurrent clients:'
  wrk -t2 -c8 -d"$DURATION" --latency "${auth[@]}" -H "Content-Type: application/json" -s "$WORK/create.lua" \
    "http://127.0.0.1:$port" | figures
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  verify=$("$CLAUSE9" --db "$url" audit verify 2>&1) || { echo "   audit verify FAILED: $verify"; exit 1; }
  echo "   $verify" | cut -c1-60
done
