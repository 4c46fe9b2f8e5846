#!/usr/bin/env bash
# HTTP benchmarks of `clause9 serve` beside nginx serving the same response bytes as static files, both measured
# with wrk in one run on this machine (bench/http/README.md has figures and the targets).
#   bench/http/run.sh [BUILD_DIR]      default build. Each figure is the median of ROUNDS (default 3) wrk runs that
#                                      alternate with nginx's, for each wrk thread count in THREADS (default "1 2":
#                                      one wrk thread, then two). DURATION=10s CONNECTIONS=64 change the wrk runs,
#                                      WORKERS=N, IO_THREADS=N the server's handler and connection threads (default:
#                                      its own defaults)
set -euo pipefail

BUILD=${1:-build}
CLAUSE9=$(realpath "$BUILD/src/clause9")
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-1 2}
ROUNDS=${ROUNDS:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib.sh"

missing=()
for tool in wrk:wrk nginx:nginx curl:curl python3:python3; do
  command -v "${tool%%:*}" >/dev/null || [ -x "/usr/sbin/${tool%%:*}" ] || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
# 1,000 idle and 200 slow connections plus the benchmark's own need more descriptors than the usual 1024.
ulimit -n 8192

WORK=$(mktemp -d /tmp/clause9-bench-http.XXXXXX)
# nginx's workers run as an unprivileged user: they must be able to read the files it serves (mktemp makes 0700).
chmod 755 "$WORK"
SERVER_PID=""; NGINX_PID=""; HOLDER_PID=""; COLD_PID=""
cleanup() {
  for pid in $HOLDER_PID $COLD_PID $SERVER_PID $NGINX_PID; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT


echo "== demo database at --scale 10"
DB="$WORK/bench.db"
TOKEN=$(demo_with_token "$DB")

PORT=$(free_port)
"$CLAUSE9" --db "$DB" serve --quiet --listen "127.0.0.1:$PORT" ${WORKERS:+--workers "$WORKERS"} \
  ${IO_THREADS:+--io-threads "$IO_THREADS"} \
  >"$WORK/serve.out" 2>"$WORK/serve.log" &
SERVER_PID=$!
wait_healthy "$PORT"

LIST="/api/v1/actions?status=open&limit=50"
mkdir -p "$WORK/www"
curl -sf "http://127.0.0.1:$PORT/healthz" >"$WORK/www/healthz"
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$LIST" >"$WORK/www/actions.json"
echo "   /healthz is $(stat -c %s "$WORK/www/healthz") bytes, the action list $(stat -c %s "$WORK/www/actions.json") bytes"

NGINX_PORT=$(free_port)
cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx.error.log;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  fastcgi_temp_path $WORK/nginx-fastcgi;
  uwsgi_temp_path $WORK/nginx-uwsgi;
  scgi_temp_path $WORK/nginx-scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    default_type application/json;
  }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" &
NGINX_PID=$!
wait_healthy "$NGINX_PORT"

# "Requests/sec" and the 99th percentile latency (ms) of one wrk run with $1 threads.
run_wrk() {
  local threads=$1 output
  shift
  output=$(wrk -t"$threads" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  # Figures of error answers would compare nothing; wrk counts them as non-2xx.
  if grep -q "Non-2xx" <<<"$output"; then
    echo "run.sh: $* answered errors: $(grep Non-2xx <<<"$output")" >&2
    exit 1
  fi
  local rps p99
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$output")
  p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; print v}' <<<"$output")
  echo "$rps $p99"
}
rss_mib() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$SERVER_PID/status"; }
peak_mib() { awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$SERVER_PID/status"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# compare THREADS NGINX_PATH CLAUSE9_PATH [wrk options]: ROUNDS runs of each, alternating so that a noisy moment of
# a shared machine falls on both; prints "clause9_rps clause9_p99 nginx_rps nginx_p99", each the median.
compare() {
  local threads=$1 nginx_path=$2 path=$3
  shift 3
  local ours=() theirs=() our_p99=() their_p99=() rps p99
  for _ in $(seq "$ROUNDS"); do
    read -r rps p99 <<<"$(run_wrk "$threads" "http://127.0.0.1:$NGINX_PORT$nginx_path")"
    [ -n "$rps" ] || exit 1
    theirs+=("$rps"); their_p99+=("$p99")
    read -r rps p99 <<<"$(run_wrk "$threads" "$@" "http://127.0.0.1:$PORT$path")"
    [ -n "$rps" ] || exit 1
    ours+=("$rps"); our_p99+=("$p99")
  done
  echo "$(printf '%s\n' "${ours[@]}" | median) $(printf '%s\n' "${our_p99[@]}" | median)" \
       "$(printf '%s\n' "${theirs[@]}" | median) $(printf '%s\n' "${their_p99[@]}" | median)"
}

for threads in $THREADS; do
  echo "== wrk -t$threads -c$CONNECTIONS -d$DURATION, median of $ROUNDS rounds alternating with nginx, on $(nproc) cores," \
       "load average $(cut -d' ' -f1 /proc/loadavg), server workers ${WORKERS:-default}"
  read -r health_rps health_p99 nginx_health_rps nginx_health_p99 <<<"$(compare "$threads" /healthz /healthz)"
  [ -n "$nginx_health_rps" ] || { echo "run.sh: a wrk run failed" >&2; exit 1; }
  echo "   GET /healthz            clause9 $health_rps req/s (p99 $health_p99 ms), nginx $nginx_health_rps req/s (p99 $nginx_health_p99 ms): $(ratio "$health_rps" "$nginx_health_rps")x (target >= 0.8x)"
  read -r list_rps list_p99 nginx_list_rps nginx_list_p99 <<<"$(compare "$threads" /actions.json "$LIST" -H "Authorization: Bearer $TOKEN")"
  [ -n "$nginx_list_rps" ] || { echo "run.sh: a wrk run failed" >&2; exit 1; }
  echo "   GET $LIST  clause9 $list_rps req/s (p99 $list_p99 ms), nginx $nginx_list_rps req/s: $(ratio "$list_rps" "$nginx_list_rps")x (target >= 0.5x, p99 < 20 ms)"
done
echo "   server RSS $(rss_mib) MiB now, $(peak_mib) MiB at most (target < 64 MiB)"

# The same list from a second server that renders every page (--list-cache 0): what a request costs when the
# data changed since the page was last rendered, or when the pages asked for exceed the cache.
COLD_PORT=$(free_port)
"$CLAUSE9" --db "$DB" serve --quiet --list-cache 0 --listen "127.0.0.1:$COLD_PORT" ${WORKERS:+--workers "$WORKERS"} \
  ${IO_THREADS:+--io-threads "$IO_THREADS"} >"$WORK/serve-cold.out" 2>"$WORK/serve-cold.log" &
COLD_PID=$!
wait_healthy "$COLD_PORT"
figures=$(run_wrk "${THREADS%% *}" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$COLD_PORT$LIST") && read -r cold_rps cold_p99 <<<"$figures"
kill "$COLD_PID"; wait "$COLD_PID" 2>/dev/null || true; COLD_PID=""
echo "   the same list rendered for every request (--list-cache 0): $cold_rps req/s (p99 $cold_p99 ms), $(ratio "$cold_rps" "$nginx_list_rps")x nginx"

echo "== 1,000 idle and 200 slowloris connections held open"
python3 "$HERE/hold_connections.py" "$PORT" 1000 200 40 >"$WORK/holder.log" &
HOLDER_PID=$!
sleep 15
worst=0
for _ in $(seq 20); do
  ms=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$LIST" |
       awk '{printf "%.1f", $1 * 1000}')
  worst=$(awk -v a="$worst" -v b="$ms" 'BEGIN {print (b > a) ? b : a}')
  sleep 0.5
done
echo "   $(tail -1 "$WORK/holder.log")"
echo "   slowest of 20 list requests meanwhile: $worst ms (target < 100 ms); server RSS $(rss_mib) MiB, at most $(peak_mib) MiB (target < 128 MiB)"
kill "$HOLDER_PID" 2>/dev/null || true
HOLDER_PID=""
