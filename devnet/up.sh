#!/usr/bin/env bash
# Start the devnet in the background, deploy the protocols and the demo market, snapshot.
# stdout: two lines, the RPC URL and the deployment.json path. Progress goes to stderr.
# Env: DEVNET_PORT (default: a free port). Idempotent: if it is already running, it only
# prints the two lines again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_venv.sh"
RUN="$DEVNET_DIR/run"
mkdir -p "$RUN"
start=$(date +%s.%N)

if [ -f "$RUN/devnet.pid" ] && kill -0 "$(cat "$RUN/devnet.pid")" 2>/dev/null && [ -f "$RUN/deployment.json" ]; then
  echo "devnet: already running (pid $(cat "$RUN/devnet.pid")); devnet/down.sh stops it" >&2
  cat "$RUN/url"; echo "$RUN/deployment.json"
  exit 0
fi
rm -f "$RUN/devnet.pid" "$RUN/url" "$RUN/deployment.json" "$RUN/defi.yaml"

devnet_ensure_venv
t_venv=$(date +%s.%N)
(cd "$DEVNET_ROOT" && "$DEVNET_PY" -m devnet.artifacts >/dev/null)
t_art=$(date +%s.%N)

cd "$DEVNET_ROOT"
nohup "$DEVNET_PY" -m devnet.server --port "${DEVNET_PORT:-0}" >"$RUN/server.out" 2>"$RUN/server.log" </dev/null &
pid=$!
echo "$pid" > "$RUN/devnet.pid"
cleanup_on_error() {
  echo "devnet: start failed; stopping pid $pid (log: $RUN/server.log)" >&2
  kill "$pid" 2>/dev/null || true
  rm -f "$RUN/devnet.pid"
}
trap cleanup_on_error ERR

url=""
for _ in $(seq 1 300); do
  url="$(head -n1 "$RUN/server.out" 2>/dev/null || true)"
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$RUN/server.log" >&2; false; }
  sleep 0.1
done
[ -n "$url" ] || { echo "devnet: server did not report its URL" >&2; false; }
"$DEVNET_PY" -m devnet.instance wait "$url"
t_up=$(date +%s.%N)
echo "$url" > "$RUN/url"

"$DEVNET_PY" -m devnet.deploy --rpc-url "$url" --out "$RUN" >/dev/null
t_deploy=$(date +%s.%N)
trap - ERR
awk -v a="$start" -v b="$t_venv" -v c="$t_art" -v d="$t_up" -v e="$t_deploy" 'BEGIN {
  printf "devnet: up in %.1fs (venv %.1fs, artifacts %.1fs, server %.1fs, deploy+market %.1fs)\n", e-a, b-a, c-b, d-c, e-d }' >&2
echo "$url"
echo "$RUN/deployment.json"
