"""Fast unit tests that need no running devnet: artifacts pick-up, linking, revert decoding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devnet.artifacts import Artifact, project_artifacts
from devnet.chain import revert_error
from devnet.formatting import ParamError, parse_qty, parse_slot


def test_project_artifacts_picked_up_or_skipped(tmp_path: Path) -> None:
    assert project_artifacts(tmp_path) == []  # no contracts/build: skipped gracefully
    build = tmp_path / "contracts" / "build"
    build.mkdir(parents=True)
    (build / "Good.json").write_text(json.dumps({"abi": [{"type": "function", "name": "f", "inputs": [], "outputs": []}],
                                                 "bytecode": "0x6000"}))
    (build / "Foundry.json").write_text(json.dumps({"abi": [{"type": "fallback"}], "bytecode": {"object": "0x6001"}}))
    (build / "Broken.json").write_text("{nope")
    (build / "Interface.json").write_text(json.dumps({"abi": [{"type": "fallback"}], "bytecode": "0x"}))
    found = {a.name: a.bytecode for a in project_artifacts(tmp_path)}
    assert found == {"Foundry": "0x6001", "Good": "0x6000"}


def test_library_linking() -> None:
    placeholder = "__$" + "ab" * 17 + "$__"
    art = Artifact("X", [], "0x60" + placeholder + "00", {"src/L.sol": {"L": [{"start": 1, "length": 20}]}})
    assert art.linked({"L": "0x" + "11" * 20}) == bytes.fromhex("60" + "11" * 20 + "00")
    with pytest.raises(KeyError):
        art.linked({})


def test_revert_messages() -> None:
    err = revert_error(bytes.fromhex("08c379a0" + "20".rjust(64, "0") + "03".rjust(64, "0") + "616263".ljust(64, "0")))
    assert err.code == 3 and err.message == "execution reverted: abc" and err.data.startswith("0x08c379a0")
    err = revert_error(bytes.fromhex("4e487b71" + "12".rjust(64, "0")))
    assert err.message == "execution reverted: division or modulo by zero (0x12)"
    err = revert_error(bytes.fromhex("deadbeef"))
    assert err.message == "execution reverted" and err.data == "0xdeadbeef"


def test_param_parsing() -> None:
    assert parse_qty("0x10") == 16 and parse_slot("0x" + "00" * 31 + "01") == 1
    for bad in ("10", "0x", "0xzz", -1, True, None):
        with pytest.raises(ParamError):
            parse_qty(bad)
