#!/usr/bin/env bash
# Run the devnet test suite. The tests start their own private devnet on a free port
# (devnet.instance.DevnetInstance), so this works whether or not up.sh is running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_venv.sh"
devnet_ensure_venv
cd "$DEVNET_ROOT"
"$DEVNET_PY" -m devnet.artifacts >/dev/null
exec "$DEVNET_PY" -m pytest -q -p no:cacheprovider devnet/tests "$@"
