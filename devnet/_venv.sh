# Sourced by up.sh and test.sh: create/reuse the devnet venv at the repo root (.venv-devnet).
# Fast when nothing changed: a stamp holds the sha256 of devnet/requirements.txt.
DEVNET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEVNET_ROOT="$(dirname "$DEVNET_DIR")"
DEVNET_VENV="${DEVNET_VENV:-$DEVNET_ROOT/.venv-devnet}"
DEVNET_PY="$DEVNET_VENV/bin/python"

devnet_ensure_venv() {
  local want have stamp="$DEVNET_VENV/.devnet-requirements.sha256"
  want="$(sha256sum "$DEVNET_DIR/requirements.txt" | cut -d' ' -f1)"
  have="$(cat "$stamp" 2>/dev/null || true)"
  if [ -x "$DEVNET_PY" ] && [ "$want" = "$have" ]; then
    return 0
  fi
  echo "devnet: installing $DEVNET_DIR/requirements.txt into $DEVNET_VENV" >&2
  [ -x "$DEVNET_PY" ] || python3 -m venv "$DEVNET_VENV" >&2
  "$DEVNET_PY" -m pip install --disable-pip-version-check --quiet -r "$DEVNET_DIR/requirements.txt" >&2
  echo "$want" > "$stamp"
}
