"""Executor and strategy security: every callback refuses direct calls, fake pools/lenders and real
lenders started by someone else; misbehaving lenders are caught; only the owner administers."""

from __future__ import annotations

from typing import Any

import pytest
from eth_abi import encode
from eth_hash.auto import keccak

from devnet.client import Contract, TxFailed
from devnet.tests.conftest import wallet_for
from devnet.tests.contracts_lib import (ARB_ID, ERC3156, MAX, V2, Env, arb_data, hop, plan, reserves, revert_reason,
                                        test_artifact, v2_out)

ZERO = "0x" + "00" * 20


@pytest.fixture()
def env(rpc: Any, dep: dict[str, Any], contracts: Any) -> Env:
    return Env(rpc, dep, contracts)


def sel(signature: str) -> bytes:
    return keccak(signature.encode())[:4]


def callback_calls(env: Env, me: str) -> dict[str, tuple[str, bytes]]:
    """Crafted calls to every callback: (target, calldata), each claiming the attacker is entitled."""
    usdc, ex = env.tok["USDC"], env.executor.address
    amt = 10**12
    return {
        "executeOperation(simple)": (ex, sel("executeOperation(address,uint256,uint256,address,bytes)")
                                     + encode(["address", "uint256", "uint256", "address", "bytes"], [usdc, amt, 0, ex, b""])),
        "executeOperation(multi)": (ex, sel("executeOperation(address[],uint256[],uint256[],address,bytes)")
                                    + encode(["address[]", "uint256[]", "uint256[]", "address", "bytes"], [[usdc], [amt], [0], ex, b""])),
        "uniswapV2Call": (ex, sel("uniswapV2Call(address,uint256,uint256,bytes)") + encode(["address", "uint256", "uint256", "bytes"], [ex, amt, 0, b"x"])),
        "uniswapV3FlashCallback": (ex, sel("uniswapV3FlashCallback(uint256,uint256,bytes)") + encode(["uint256", "uint256", "bytes"], [0, 0, b""])),
        "receiveFlashLoan": (ex, sel("receiveFlashLoan(address[],uint256[],uint256[],bytes)")
                             + encode(["address[]", "uint256[]", "uint256[]", "bytes"], [[usdc], [amt], [0], b""])),
        "onFlashLoan": (ex, sel("onFlashLoan(address,address,uint256,uint256,bytes)")
                        + encode(["address", "address", "uint256", "uint256", "bytes"], [ex, usdc, amt, 0, b""])),
        "Arbitrage.uniswapV3SwapCallback": (env.arb.address, sel("uniswapV3SwapCallback(int256,int256,bytes)") + encode(["int256", "int256", "bytes"], [amt, -amt, b""])),
        "Liquidator.uniswapV3SwapCallback": (env.liq.address, sel("uniswapV3SwapCallback(int256,int256,bytes)") + encode(["int256", "int256", "bytes"], [amt, -amt, b""])),
        "Arbitrage.execute": (env.arb.address, env.arb.calldata("execute", usdc, amt, arb_data([hop(V2, env.pair["uniswap_v2_a:WETH/USDC"].address, usdc, env.tok["WETH"])]))),
        "Liquidator.execute": (env.liq.address, env.liq.calldata("execute", usdc, amt, b"")),
    }


def fund_targets(env: Env, deployer: Any, contracts: Any) -> None:
    """Give the executor and strategies tokens so a successful attack would have something to steal."""
    for who in (env.executor.address, env.arb.address, env.liq.address):
        deployer.transact(contracts["USDC"], "mint(address,uint256)", who, 10**12, gas=200_000)


def test_every_callback_rejects_direct_calls_and_fake_pools(env: Env, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    attacker = wallet_for(rpc, dep, 7)
    fund_targets(env, attacker, contracts)
    poker = attacker.deploy(test_artifact("Poker"), gas=1_000_000)
    for name, (target, data) in callback_calls(env, attacker.address).items():
        # from an EOA
        reason = revert_reason(rpc, attacker.address, target, data)
        assert reason.startswith("execution reverted: "), (name, reason)
        # from a contract posing as a pool / lender
        reason2 = revert_reason(rpc, attacker.address, poker.address, poker.calldata("poke", target, data))
        assert reason2.startswith("execution reverted: "), (name, reason2)
        expected = {"Arbitrage.execute": "ST: not executor", "Liquidator.execute": "ST: not executor"}.get(
            name, "SW: unexpected V3 callback" if "SwapCallback" in name else "FR: no flash in flight")
        assert expected in reason and expected in reason2, (name, reason, reason2)
        with pytest.raises(TxFailed, match=expected):
            attacker.send(poker.address, poker.calldata("poke", target, data), gas=1_000_000)
    assert env.bal("USDC", env.executor.address) == env.bal("USDC", env.arb.address) == 10**12


def test_real_lenders_started_by_an_attacker_are_refused(env: Env, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    """Genuine Aave and V2 pair calling back into the executor for a flash someone else started."""
    attacker = wallet_for(rpc, dep, 7)
    fund_targets(env, attacker, contracts)
    usdc, weth = env.tok["USDC"], env.tok["WETH"]
    data = contracts["pool"].calldata("flashLoanSimple", env.executor.address, usdc, 10**9, b"", 0)
    assert "FR: no flash in flight" in revert_reason(rpc, attacker.address, env.aave, data)
    data = contracts["pool"].calldata("flashLoan", env.executor.address, [usdc], [10**9], [0], attacker.address, b"", 0)
    assert "FR: no flash in flight" in revert_reason(rpc, attacker.address, env.aave, data)
    pair = env.pair["uniswap_v2_a:WETH/USDC"]
    out = (10**18, 0) if int(weth, 16) < int(usdc, 16) else (0, 10**18)
    data = pair.calldata("swap", out[0], out[1], env.executor.address, b"x")
    assert "FR: no flash in flight" in revert_reason(rpc, attacker.address, pair.address, data)


def test_misbehaving_lender_is_caught(env: Env, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    """A lender that calls back twice, never, with another amount or another initiator: all revert."""
    usdc, weth = env.tok["USDC"], env.tok["WETH"]
    owner = env.owner
    lender = owner.deploy(test_artifact("MockLender"), gas=3_000_000)
    owner.transact(contracts["USDC"], "mint(address,uint256)", lender.address, 10**12, gas=200_000)
    amount = 10_000 * 10**6
    a, b = env.pair["uniswap_v2_a:WETH/USDC"], env.pair["uniswap_v2_b:WETH/USDC"]
    hops = [hop(V2, a.address, usdc, weth), hop(V2, b.address, weth, usdc)]
    params = plan(ERC3156, lender.address, usdc, amount, usdc, 0, arb_data(hops))
    call = env.executor.calldata("executeStrategy", ARB_ID, params)
    assert revert_reason(rpc, owner.address, env.executor.address, call) == ""  # honest: fine
    for mode, reason in ((1, "FR: no flash in flight"), (2, "FR: callback did not run"),
                         (3, "FL: loan differs from plan"), (4, "FL: initiator is not the executor")):
        owner.transact(lender, "setMode", mode, gas=100_000)
        got = revert_reason(rpc, owner.address, env.executor.address, call)
        assert reason in got or (mode == 1 and "FR: callback already ran" in got), (mode, got)


def test_only_owner_administers(env: Env, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    stranger = wallet_for(rpc, dep, 8)
    ex, usdc = env.executor, env.tok["USDC"]
    stranger.transact(contracts["USDC"], "mint(address,uint256)", ex.address, 10**9, gas=200_000)
    params = plan(ERC3156, ZERO, usdc, 1, usdc, 0, b"")
    calls = [("executeStrategy", ARB_ID, params), ("registerStrategy", ARB_ID, env.arb.address), ("removeStrategy", ARB_ID),
             ("withdraw", usdc, stranger.address, 1), ("sweep", usdc), ("withdrawETH", stranger.address, 0),
             ("transferOwnership", stranger.address)]
    for name, *args in calls:
        assert "FL: not owner" in revert_reason(rpc, stranger.address, ex.address, ex.calldata(name, *args)), name
        with pytest.raises(TxFailed, match="FL: not owner"):
            stranger.transact(ex, name, *args, gas=500_000)
    for strat in (env.arb, env.liq):
        for name, *args in [("setExecutor", stranger.address), ("rescue", usdc, stranger.address, 1), ("transferOwnership", stranger.address)]:
            assert "ST: not owner" in revert_reason(rpc, stranger.address, strat.address, strat.calldata(name, *args)), name
    # the owner can: remove + re-register (events), sweep, withdraw
    owner = env.owner
    r = owner.transact(ex, "removeStrategy", ARB_ID, gas=200_000)
    assert r["logs"][0]["topics"][0] == ex.topic("StrategyRemoved")
    assert ex.call(rpc, "strategies", ARB_ID) == ZERO
    assert "FL: unknown strategy" in revert_reason(rpc, owner.address, ex.address, ex.calldata("executeStrategy", ARB_ID, params))
    r = owner.transact(ex, "registerStrategy", ARB_ID, env.arb.address, gas=200_000)
    assert r["logs"][0]["topics"][0] == ex.topic("StrategyRegistered")
    before = env.bal("USDC", owner.address)
    owner.transact(ex, "withdraw", usdc, owner.address, 10**8, gas=200_000)
    owner.transact(ex, "sweep", usdc, gas=200_000)
    assert env.bal("USDC", owner.address) - before == 10**9 and env.bal("USDC", ex.address) == 0
    owner.send(ex.address, b"", value=10**18, gas=100_000)
    owner.transact(ex, "withdrawETH", owner.address, 10**18, gas=100_000)
    assert int(rpc.request("eth_getBalance", ex.address, "latest"), 16) == 0
    # unknown selectors revert instead of silently succeeding
    assert "FL: unknown call" in revert_reason(rpc, owner.address, ex.address, sel("nope()"))


def test_deployment_wiring(env: Env, rpc: Any, dep: dict[str, Any], devnet: Any) -> None:
    ex = env.executor
    assert ex.call(rpc, "owner") == dep["deployer"] == dep["accounts"][0]["address"]
    for name, info in dep["executor"]["strategies"].items():
        strat = Contract(info["address"], env.arb.abi)
        assert ex.call(rpc, "strategies", bytes.fromhex(info["id"][2:])) == info["address"]
        assert info["id"] == "0x" + keccak(name.encode()).hex()
        assert strat.call(rpc, "executor") == ex.address and strat.call(rpc, "owner") == dep["deployer"]
    yaml = (devnet.out_dir / "defi.yaml").read_text()
    assert f'flash_loan: {{contract_address: "{ex.address}"' in yaml
    assert set(dep["project_contracts"]) == {"FlashLoans", "Arbitrage", "Liquidator", "MakerLiquidator", "Multicall", "CometLiquidator"}
