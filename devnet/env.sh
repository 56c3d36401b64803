# Source me after devnet/up.sh:  source devnet/env.sh
# Exports DEVNET_RPC_URL, DEVNET_DEPLOYMENT, DEVNET_CONFIG (the ready defi.yaml) and ETH_RPC_URL.
_devnet_run="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)/run"
if [ -f "$_devnet_run/url" ]; then
  export DEVNET_RPC_URL="$(cat "$_devnet_run/url")"
  export DEVNET_DEPLOYMENT="$_devnet_run/deployment.json"
  export DEVNET_CONFIG="$_devnet_run/defi.yaml"
  export ETH_RPC_URL="$DEVNET_RPC_URL"
else
  echo "devnet: not running; start it with devnet/up.sh" >&2
fi
unset _devnet_run
