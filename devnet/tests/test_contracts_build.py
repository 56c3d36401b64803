"""contracts/build/*.json are exactly what contracts/build.sh produces from the sources today."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from devnet.artifacts import REPO_ROOT

KEYS = {"contractName", "abi", "bytecode", "deployedBytecode", "vyper_version", "source_sha256"}


def test_committed_artifacts_match_a_fresh_build(tmp_path: Path) -> None:
    committed = REPO_ROOT / "contracts" / "build"
    subprocess.run([str(REPO_ROOT / "contracts" / "build.sh"), str(tmp_path)], check=True, capture_output=True, timeout=300)
    fresh = sorted(p.name for p in tmp_path.glob("*.json"))
    assert fresh == sorted(p.name for p in committed.glob("*.json")) == ["Arbitrage.json", "CometLiquidator.json", "FlashLoans.json", "Liquidator.json", "MakerLiquidator.json", "Multicall.json"]
    for name in fresh:
        new, old = json.loads((tmp_path / name).read_text()), json.loads((committed / name).read_text())
        assert set(old) == KEYS and old["vyper_version"].startswith("0.4.3")
        assert new == old, f"contracts/build/{name} is stale: run contracts/build.sh and commit"
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes()
