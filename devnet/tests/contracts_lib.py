"""Helpers for the contracts tests: artifacts, plan encoding (contracts/README.md "The plan"), V2 math."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eth_abi import encode
from eth_hash.auto import keccak

from devnet.artifacts import REPO_ROOT, Artifact, compile_vyper
from devnet.client import Contract, RpcClient, Wallet

BUILD = REPO_ROOT / "contracts" / "build"
TEST_CONTRACTS = Path(__file__).resolve().parent / "contracts"
MAX = 2**256 - 1
DEADLINE = 2**63

FLASH_T = "(uint8,address,address,uint256,uint256)"
HOP_T = "(uint8,address,address,address,uint256,uint256,uint256)"
NONE, AAVE_SIMPLE, AAVE, UNIV3, UNIV2, BALANCER, ERC3156 = range(7)
V2, V3, CURVE, CURVE_U256, BAL = 1, 2, 3, 4, 5
TOKEN1 = 1 << 255
ARB_ID = keccak(b"Arbitrage")
LIQ_ID = keccak(b"Liquidator")


def artifact(name: str) -> Artifact:
    raw = json.loads((BUILD / f"{name}.json").read_text())
    return Artifact(name, raw["abi"], raw["bytecode"])


def test_artifact(name: str) -> Artifact:
    return compile_vyper(TEST_CONTRACTS / f"{name}.vy")


test_artifact.__test__ = False  # type: ignore[attr-defined]


def hop(kind: int, pool: str, token_in: str, token_out: str, amount_in: int = 0, min_out: int = 0, extra: int = 0) -> tuple:
    return (kind, pool, token_in, token_out, amount_in, min_out, extra)


def arb_data(hops: list[tuple]) -> bytes:
    return encode([HOP_T + "[]"], [hops])


def liq_data(pool: str, collateral: str, user: str, debt_to_cover: int, hops: list[tuple]) -> bytes:
    return encode(["address", "address", "address", "uint256", HOP_T + "[]"], [pool, collateral, user, debt_to_cover, hops])


def plan(kind: int, lender: str, asset: str, amount: int, profit_token: str, min_profit: int, data: bytes, extra: int = 0) -> bytes:
    return encode([FLASH_T, "address", "uint256", "bytes"], [(kind, lender, asset, amount, extra), profit_token, min_profit, data])


def v2_out(amount_in: int, r_in: int, r_out: int, fee_bps: int = 30) -> int:
    x = amount_in * (10000 - fee_bps)
    return x * r_out // (r_in * 10000 + x)


def v2_in(amount_out: int, r_in: int, r_out: int, fee_bps: int = 30) -> int:
    return r_in * amount_out * 10000 // ((r_out - amount_out) * (10000 - fee_bps)) + 1


def aave_premium(amount: int, bps: int = 5) -> int:
    return (amount * bps + 5000) // 10000  # PercentageMath.percentMul (half-up)


def is_token0(a: str, b: str) -> bool:
    return int(a, 16) < int(b, 16)


def reserves(rpc: RpcClient, pair: Contract, token_in: str, token_out: str) -> tuple[int, int]:
    r0, r1, _ = pair.call(rpc, "getReserves")
    return (r0, r1) if is_token0(token_in, token_out) else (r1, r0)


def revert_reason(rpc: RpcClient, sender: str, to: str, data: bytes) -> str:
    """eth_call and return the revert message ('' if it succeeded)."""
    from devnet.client import RpcFailure

    try:
        rpc.request("eth_call", {"from": sender, "to": to, "data": "0x" + data.hex(), "gas": hex(5_000_000)}, "latest")
    except RpcFailure as exc:
        return exc.message
    return ""


class Env:
    """Contracts of the deployed executor and strategies, plus protocol handles, for one test."""

    def __init__(self, rpc: RpcClient, dep: dict[str, Any], contracts: dict[str, Contract]) -> None:
        from devnet.artifacts import load
        from devnet.tests.conftest import wallet_for

        self.rpc, self.dep, self.c = rpc, dep, contracts
        ex = dep["executor"]
        self.executor = Contract(ex["address"], artifact("FlashLoans").abi, "FlashLoans")
        self.arb = Contract(ex["strategies"]["Arbitrage"]["address"], artifact("Arbitrage").abi, "Arbitrage")
        self.liq = Contract(ex["strategies"]["Liquidator"]["address"], artifact("Liquidator").abi, "Liquidator")
        self.owner = wallet_for(rpc, dep, 0)
        self.tok = {s: t["address"] for s, t in dep["tokens"].items()}
        pair_abi = load("sushi/UniswapV2Pair").abi
        self.pair = {k: Contract(v["address"], pair_abi, k) for k, v in dep["pools"].items() if v["kind"] == "uniswap_v2"}
        self.pool = {k: v["address"] for k, v in dep["pools"].items()}
        self.aave = dep["aave_v3"]["pool"]

    def bal(self, symbol: str, who: str) -> int:
        return self.c[symbol].call(self.rpc, "balanceOf", who)

    def prime_owner(self, symbol: str) -> None:
        """Give the owner 1 base unit of `symbol` so the profit transfer is a steady-state
        (nonzero -> nonzero) balance write, as for the router EOAs it is compared with."""
        if symbol == "WETH":
            self.owner.transact(self.c["WETH"], "deposit", value=1, gas=100_000)
        else:
            self.owner.transact(self.c[symbol], "mint(address,uint256)", self.owner.address, 1, gas=200_000)

    def execute(self, strategy_id: bytes, params: bytes, gas: int = 3_000_000) -> dict[str, Any]:
        return self.owner.transact(self.executor, "executeStrategy", strategy_id, params, gas=gas)

    def assert_clean(self, spenders: list[str]) -> None:
        """No token balance in the executor or the strategies, and no allowance to any spender."""
        holders = [self.executor.address, self.arb.address, self.liq.address]
        for symbol in ("WETH", "USDC", "DAI", "WBTC"):
            for h in holders:
                assert self.bal(symbol, h) == 0, (symbol, h)
                for s in spenders:
                    assert self.c[symbol].call(self.rpc, "allowance", h, s) == 0, (symbol, h, s)
