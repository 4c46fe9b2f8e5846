# Shared by the bench/*/run.sh scripts: source it after setting CLAUSE9 (the binary).

# A TCP port nothing listens on now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits up to ten seconds for http://127.0.0.1:PORT/healthz to answer.
wait_healthy() {
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.1; done
  return 1
}

# Creates the demo at --scale 10 in the SQLite database DB with an admin account, and prints an API token for it.
demo_with_token() {
  "$CLAUSE9" --db "$1" demo --scale 10 >/dev/null
  printf 'benchmark password\n' | "$CLAUSE9" --db "$1" user add --email bench@example.org --name Bench --role admin \
    --password-stdin >/dev/null
  "$CLAUSE9" --db "$1" token create --user bench@example.org --name bench 2>/dev/null
}
