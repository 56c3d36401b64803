#!/usr/bin/env bash
# Start the devnet in the background, deploy the protocols and the demo market, snapshot.
# stdout: two lines, the RPC URL and the deployment.json path. Progress goes to stderr.
# Env: DEVNET_PORT (default: a free port), DEVNET_NO_CACHE=1 (deploy from scratch). Idempotent: if it is already running, it only
# prints the two lines again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_venv.sh"
RUN="${DEVNET_RUN_DIR:-$DEVNET_DIR/run}"
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
# The server deploys and seeds into its own chain before it serves (loading the cached state in
# devnet/.cache/state when the devnet code is unchanged), writes run/deployment.json + defi.yaml,
# takes the snapshot, and only then prints its URL.
echo "devnet: starting (a first deploy takes ~30-60 s; later starts load the cached state)" >&2
cache_flag=""
[ "${DEVNET_NO_CACHE:-0}" = "1" ] && cache_flag="--no-cache"
nohup "$DEVNET_PY" -m devnet.server --port "${DEVNET_PORT:-0}" --deploy --out "$RUN" $cache_flag \
  >"$RUN/server.out" 2>"$RUN/server.log" </dev/null &
pid=$!
echo "$pid" > "$RUN/devnet.pid"
cleanup_on_error() {
  echo "devnet: start failed; stopping pid $pid (log: $RUN/server.log)" >&2
  kill "$pid" 2>/dev/null || true
  rm -f "$RUN/devnet.pid"
}
trap cleanup_on_error ERR

url=""
for _ in $(seq 1 3000); do
  url="$(head -n1 "$RUN/server.out" 2>/dev/null || true)"
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$RUN/server.log" >&2; false; }
  sleep 0.1
done
[ -n "$url" ] || { echo "devnet: server did not report its URL" >&2; false; }
"$DEVNET_PY" -m devnet.instance wait "$url"
[ -f "$RUN/deployment.json" ] || { echo "devnet: no deployment.json written" >&2; false; }
t_up=$(date +%s.%N)
echo "$url" > "$RUN/url"
trap - ERR
cat "$RUN/server.log" >&2
awk -v a="$start" -v b="$t_venv" -v c="$t_art" -v d="$t_up" 'BEGIN {
  printf "devnet: up in %.1fs (venv %.1fs, artifacts %.1fs, server + deploy %.1fs)\n", d-a, b-a, c-b, d-c }' >&2
echo "$url"
echo "$RUN/deployment.json"
