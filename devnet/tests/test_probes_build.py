"""contracts/probes/build/*.json and the generated Swift constant are what contracts/probes/build.sh produces today."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from devnet.artifacts import REPO_ROOT


def test_committed_probe_artifacts_match_a_fresh_build(tmp_path: Path) -> None:
    committed = REPO_ROOT / "contracts" / "probes" / "build"
    swift = tmp_path / "TokenProbeBytecode.swift"
    subprocess.run([str(REPO_ROOT / "contracts" / "probes" / "build.sh"), str(tmp_path), str(swift)],
                   check=True, capture_output=True, timeout=300)
    assert sorted(p.name for p in committed.glob("*.json")) == ["TokenProbe.json"]
    new, old = json.loads((tmp_path / "TokenProbe.json").read_text()), json.loads((committed / "TokenProbe.json").read_text())
    assert old["vyper_version"].startswith("0.4.3")
    assert new == old, "contracts/probes/build/TokenProbe.json is stale: run contracts/probes/build.sh and commit"
    generated = REPO_ROOT / "Sources" / "Validation" / "TokenProbe" / "TokenProbeBytecode.swift"
    assert swift.read_bytes() == generated.read_bytes(), "TokenProbeBytecode.swift is stale: run contracts/probes/build.sh"
