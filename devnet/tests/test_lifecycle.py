"""The HTTP deploy path (`python -m devnet.deploy --rpc-url`) on a second, empty private devnet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from devnet.deploy import deploy_all
from devnet.instance import DevnetInstance


def test_deploy_over_http_is_deterministic(dep: dict[str, Any], tmp_path: Path) -> None:
    with DevnetInstance(deploy=False) as empty:
        assert empty.deployment == {}
        record = deploy_all(empty.url, tmp_path, seed_market=False)
    written = json.loads((tmp_path / "deployment.json").read_text())
    assert written["rpc_url"] == record["rpc_url"] != dep["rpc_url"]
    assert written["snapshot_id"] == "0x0" and (tmp_path / "defi.yaml").exists()
    # same deployer, same nonces: the protocol addresses equal those of the seeded session devnet
    for name, address in written["contracts"].items():
        assert dep["contracts"][name] == address, name
    assert written["venues"] == dep["venues"]
    assert written["tokens"]["WETH"]["address"] == "0x5FbDB2315678afecb367f032d93F642f64180aa3"
    assert "market" not in written and written["pools"] == {}
