#!/usr/bin/env bash
# Compile the deployable contracts with the repo venv's pinned Vyper and write one JSON per
# contract: {contractName, abi, bytecode, deployedBytecode, vyper_version, source_sha256}.
# Usage: contracts/build.sh [OUT_DIR]   (default contracts/build; the tests build into a temp dir
# and compare with the committed files). source_sha256 hashes every .vy/.vyi under contracts/
# (sorted "path NUL content NUL"), since modules and interfaces are compiled in.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
VYPER="${VYPER:-$ROOT/.venv/bin/vyper}"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
OUT="${1:-$HERE/build}"
EVM_VERSION=cancun   # transient storage (EIP-1153) is the newest feature the contracts need
CONTRACTS="core/Multicall strategies/FlashLoans strategies/Arbitrage strategies/Liquidator"
CONTRACTS="$CONTRACTS strategies/CometLiquidator"   # cometliq: Compound III absorb + buyCollateral
CONTRACTS="$CONTRACTS strategies/MakerLiquidator"   # makerliq: Maker Clipper takes

mkdir -p "$OUT"
SRC_HASH="$(cd "$HERE" && find core strategies interfaces -name '*.vy' -o -name '*.vyi' | LC_ALL=C sort | while read -r f; do printf '%s\0' "$f"; cat "$f"; printf '\0'; done | sha256sum | cut -d' ' -f1)"
VERSION="$("$VYPER" --version)"
build_one() {
  local c="$1" name out
  name="$(basename "$c")"
  out="$(cd "$HERE" && "$VYPER" --evm-version "$EVM_VERSION" -p . -f abi,bytecode,bytecode_runtime "$c.vy")"
  printf '%s\n' "$out" | "$PY" -c '
import json, sys
name, version, src_hash, path = sys.argv[1:5]
lines = [l for l in sys.stdin.read().splitlines() if l.strip()]
art = {"contractName": name, "abi": json.loads(lines[0]), "bytecode": lines[1].strip(),
       "deployedBytecode": lines[2].strip(), "vyper_version": version, "source_sha256": src_hash}
open(path, "w").write(json.dumps(art, indent=1) + "\n")
' "$name" "$VERSION" "$SRC_HASH" "$OUT/$name.json"
  echo "built $OUT/$name.json" >&2
}
pids=()
for c in $CONTRACTS; do build_one "$c" & pids+=($!); done   # independent compiles, in parallel
for p in "${pids[@]}"; do wait "$p"; done
