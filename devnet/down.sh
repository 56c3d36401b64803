#!/usr/bin/env bash
# Stop the devnet started by up.sh (by its recorded PID only).
set -euo pipefail
RUN="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/run"
if [ ! -f "$RUN/devnet.pid" ]; then
  echo "devnet: not running (no $RUN/devnet.pid)" >&2
  exit 0
fi
pid="$(cat "$RUN/devnet.pid")"
if kill -0 "$pid" 2>/dev/null && grep -q "devnet.server" "/proc/$pid/cmdline" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  echo "devnet: stopped pid $pid" >&2
else
  echo "devnet: pid $pid is not a running devnet server; cleaning up" >&2
fi
rm -f "$RUN/devnet.pid" "$RUN/url"
