"""Fixtures: one private, deployed devnet per test session; every test starts from the deploy snapshot."""

from __future__ import annotations

import json
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Callable

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from devnet.artifacts import load  # noqa: E402
from devnet.client import Contract, RpcClient, Wallet  # noqa: E402
from devnet.instance import DevnetInstance  # noqa: E402

_TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="session")
def devnet() -> Any:
    t = time.monotonic()
    with DevnetInstance() as dn:
        _TIMINGS.update(dn.timings)
        _TIMINGS["total_setup"] = time.monotonic() - t
        dn.state = {"snapshot": dn.deployment["snapshot_id"]}  # type: ignore[attr-defined]
        yield dn


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _TIMINGS:
        parts = ", ".join(f"{k} {v:.1f}s" for k, v in _TIMINGS.items())
        terminalreporter.write_line(f"devnet setup: {parts}")


@pytest.fixture(scope="session")
def dep(devnet: Any) -> dict[str, Any]:
    return devnet.deployment


@pytest.fixture(scope="session")
def rpc(devnet: Any) -> RpcClient:
    return RpcClient(devnet.url)


@pytest.fixture(autouse=True)
def clean_chain(request: Any) -> Any:
    """After each test that touched the devnet, revert to the deploy snapshot and re-arm it."""
    yield
    if "devnet" in request.fixturenames:
        dn = request.getfixturevalue("devnet")
        client = RpcClient(dn.url)
        assert client.request("evm_revert", dn.state["snapshot"]) is True
        dn.state["snapshot"] = client.request("evm_snapshot")
        client.close()


@pytest.fixture(scope="session")
def raw(devnet: Any) -> Callable[..., Any]:
    """raw(method, *params) -> the full JSON-RPC response object, over plain urllib (wire format)."""

    def call(method: str, *params: Any) -> Any:
        return post(devnet.url, {"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)})

    return call


def post(url: str, payload: Any) -> Any:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    req = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        text = resp.read()
    return json.loads(text) if text else None


@pytest.fixture(scope="session")
def contracts(dep: dict[str, Any]) -> dict[str, Contract]:
    """Handy Contract objects by name."""
    c = dep["contracts"]
    erc20 = load("aave_v3/MintableERC20").abi
    out = {s: Contract(t["address"], erc20, s) for s, t in dep["tokens"].items()}
    out["WETH"] = Contract(dep["tokens"]["WETH"]["address"], load("aave_v3/WETH9").abi, "WETH")
    router = load("sushi/UniswapV2Router02").abi
    out["router_a"] = Contract(dep["venues"]["uniswap_v2_a"]["router"], router, "router_a")
    out["router_b"] = Contract(dep["venues"]["uniswap_v2_b"]["router"], router, "router_b")
    out["quoter"] = Contract(dep["venues"]["uniswap_v3"]["quoter"], load("uniswap_v3/QuoterV2").abi, "quoter")
    out["v3_router"] = Contract(dep["venues"]["uniswap_v3"]["router"], load("uniswap_v3/SwapRouter").abi, "v3_router")
    out["pool"] = Contract(dep["aave_v3"]["pool"], load("aave_v3/PoolInstance").abi, "pool")
    out["oracle"] = Contract(dep["aave_v3"]["oracle"], load("aave_v3/AaveOracle").abi, "oracle")
    out["multicall"] = Contract(dep["multicall"], _multicall_abi(), "multicall")
    out["pair_abi"] = Contract(c["WETH"], load("sushi/UniswapV2Pair").abi, "pair-abi")
    return out


def _multicall_abi() -> list[dict[str, Any]]:
    from devnet.artifacts import DEVNET_DIR, compile_vyper

    return compile_vyper(DEVNET_DIR / "contracts" / "Multicall3.vy").abi


def wallet_for(rpc: RpcClient, dep: dict[str, Any], index: int) -> Wallet:
    """A Wallet for dev account `index` (fresh nonce tracking per test)."""
    return Wallet(rpc, dep["accounts"][index]["private_key"])
