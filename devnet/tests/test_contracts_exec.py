"""The executor (contracts/strategies/FlashLoans) on the seeded devnet against the real Uniswap V2/V3
and Aave V3.2 bytecode: flash-loan and flash-swap arbitrage, a triangle, V2->V3, an Aave liquidation,
profit exactly as predicted with integer math, minProfit reverts, nothing left behind, and the gas
of each route next to the same trade through the protocols' routers from an EOA."""

from __future__ import annotations

import json
from typing import Any

import pytest

from devnet.artifacts import CACHE_DIR, load
from devnet.client import Contract, TxFailed
from devnet.market import move_price
from devnet.tests.conftest import wallet_for
from devnet.tests.contracts_lib import (AAVE, AAVE_SIMPLE, ARB_ID, BAL, BALANCER, CURVE, CURVE_U256, DEADLINE, ERC3156, LIQ_ID, MAX, NONE,
                                        TOKEN1, UNIV2, UNIV3, V2, V3, Env, aave_premium, arb_data, hop, is_token0,
                                        liq_data, plan, reserves, revert_reason, test_artifact, v2_in, v2_out)

GAS: dict[str, int] = {}


@pytest.fixture()
def env(rpc: Any, dep: dict[str, Any], contracts: Any) -> Env:
    return Env(rpc, dep, contracts)


def record_gas(key: str, value: int) -> None:
    GAS[key] = value
    path = CACHE_DIR / "contracts-gas.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    old = json.loads(path.read_text()) if path.exists() else {}
    old.update(GAS)
    path.write_text(json.dumps(old, indent=1) + "\n")


def spread_route(env: Env) -> tuple[int, list[tuple], int, int]:
    """USDC -> WETH on venue A, WETH -> USDC on venue B (chained: A pays straight into B)."""
    usdc, weth = env.tok["USDC"], env.tok["WETH"]
    amount = int(env.dep["market"]["opportunities"]["cross_venue_spread"]["optimal_usdc_in"])
    a, b = env.pair["uniswap_v2_a:WETH/USDC"], env.pair["uniswap_v2_b:WETH/USDC"]
    ri, ro = reserves(env.rpc, a, usdc, weth)
    out1 = v2_out(amount, ri, ro)
    ri, ro = reserves(env.rpc, b, weth, usdc)
    out2 = v2_out(out1, ri, ro)
    hops = [hop(V2, a.address, usdc, weth, min_out=out1), hop(V2, b.address, weth, usdc, min_out=out2)]
    return amount, hops, out1, out2


def test_aave_flash_loan_spread_pays_predicted_profit(env: Env) -> None:
    amount, hops, _, out2 = spread_route(env)
    usdc = env.tok["USDC"]
    predicted = out2 - amount - aave_premium(amount)
    assert predicted > 50 * 10**6  # 78.17 USDC gross minus the 5 bps premium
    env.prime_owner("USDC")
    before = env.bal("USDC", env.owner.address)
    params = plan(AAVE_SIMPLE, env.aave, usdc, amount, usdc, predicted, arb_data(hops))
    receipt = env.execute(ARB_ID, params)
    assert env.bal("USDC", env.owner.address) - before == predicted
    env.assert_clean([env.aave] + [p.address for p in env.pair.values()])
    record_gas("aave_flash_2hop_v2", int(receipt["gasUsed"], 16))


def test_min_profit_reverts_and_changes_nothing(env: Env) -> None:
    amount, hops, _, out2 = spread_route(env)
    usdc = env.tok["USDC"]
    predicted = out2 - amount - aave_premium(amount)
    params = plan(AAVE_SIMPLE, env.aave, usdc, amount, usdc, predicted + 1, arb_data(hops))
    data = env.executor.calldata("executeStrategy", ARB_ID, params)
    assert "FL: profit below minimum" in revert_reason(env.rpc, env.owner.address, env.executor.address, data)
    # a losing direction (sell on A, buy on B) reverts too, even with minProfit 0
    weth = env.tok["WETH"]
    bad = [hop(V2, env.pair["uniswap_v2_b:WETH/USDC"].address, usdc, weth), hop(V2, env.pair["uniswap_v2_a:WETH/USDC"].address, weth, usdc)]
    data = env.executor.calldata("executeStrategy", ARB_ID, plan(AAVE_SIMPLE, env.aave, usdc, amount, usdc, 0, arb_data(bad)))
    assert revert_reason(env.rpc, env.owner.address, env.executor.address, data) != ""
    # a per-hop minOut above the real output reverts with the hop's reason
    hops[0] = hop(*hops[0][:5], hops[0][5] + 1)
    data = env.executor.calldata("executeStrategy", ARB_ID, plan(AAVE_SIMPLE, env.aave, usdc, amount, usdc, 0, arb_data(hops)))
    assert "SW: min out" in revert_reason(env.rpc, env.owner.address, env.executor.address, data)
    with pytest.raises(TxFailed, match="profit below minimum"):
        env.execute(ARB_ID, plan(AAVE_SIMPLE, env.aave, usdc, amount, usdc, predicted + 1, arb_data(spread_route(env)[1])))


def test_v2_flash_swap_arbitrage_and_router_gas(env: Env, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    """Borrow WETH from venue A's pair, sell it on venue B, repay A in USDC (getAmountIn)."""
    usdc, weth = env.tok["USDC"], env.tok["WETH"]
    a, b = env.pair["uniswap_v2_a:WETH/USDC"], env.pair["uniswap_v2_b:WETH/USDC"]
    amount_usdc = int(dep["market"]["opportunities"]["cross_venue_spread"]["optimal_usdc_in"])
    ri, ro = reserves(rpc, a, usdc, weth)
    weth_out = v2_out(amount_usdc, ri, ro)
    repay = v2_in(weth_out, ri, ro)
    rb_in, rb_out = reserves(rpc, b, weth, usdc)
    sold = v2_out(weth_out, rb_in, rb_out)
    predicted = sold - repay
    extra = int(usdc, 16) | (30 << 160) | (0 if is_token0(weth, usdc) else TOKEN1)
    params = plan(UNIV2, a.address, weth, weth_out, usdc, predicted, arb_data([hop(V2, b.address, weth, usdc, min_out=sold)]), extra)
    env.prime_owner("USDC")
    before = env.bal("USDC", env.owner.address)
    receipt = env.execute(ARB_ID, params)
    assert env.bal("USDC", env.owner.address) - before == predicted > 0
    env.assert_clean([a.address, b.address])
    record_gas("v2_flash_swap_2hop", int(receipt["gasUsed"], 16))

    # the same two legs through Router02 from an EOA (approvals done beforehand, not counted)
    w = wallet_for(rpc, dep, 3)
    w.transact(contracts["USDC"], "mint(address,uint256)", w.address, amount_usdc, gas=200_000)
    w.transact(contracts["USDC"], "approve", contracts["router_a"].address, MAX, gas=100_000)
    w.transact(contracts["WETH"], "approve", contracts["router_b"].address, MAX, gas=100_000)
    r1 = w.transact(contracts["router_a"], "swapExactTokensForTokens", amount_usdc, 0, [usdc, weth], w.address, DEADLINE, gas=300_000)
    got = env.bal("WETH", w.address)
    r2 = w.transact(contracts["router_b"], "swapExactTokensForTokens", got, 0, [weth, usdc], w.address, DEADLINE, gas=300_000)
    record_gas("router_v2_2swaps", int(r1["gasUsed"], 16) + int(r2["gasUsed"], 16))


def test_triangle_with_v3_flash(env: Env, rpc: Any) -> None:
    """Flash WETH from the V3 WETH/USDC 0.05% pool; WETH -> USDC -> DAI -> WETH on venue A."""
    weth, usdc, dai = env.tok["WETH"], env.tok["USDC"], env.tok["DAI"]
    amount = int(env.dep["market"]["opportunities"]["triangle"]["optimal_weth_in"])
    legs = [("uniswap_v2_a:WETH/USDC", weth, usdc), ("uniswap_v2_a:USDC/DAI", usdc, dai), ("uniswap_v2_a:WETH/DAI", dai, weth)]
    x, hops = amount, []
    for key, t_in, t_out in legs:
        ri, ro = reserves(rpc, env.pair[key], t_in, t_out)
        x = v2_out(x, ri, ro)
        hops.append(hop(V2, env.pair[key].address, t_in, t_out, min_out=x))
    fee = -(-amount * 500 // 10**6)
    predicted = x - amount - fee
    pool = env.pool["uniswap_v3:WETH/USDC/500"]
    extra = 0 if is_token0(weth, usdc) else TOKEN1
    env.prime_owner("WETH")
    before = env.bal("WETH", env.owner.address)
    receipt = env.execute(ARB_ID, plan(UNIV3, pool, weth, amount, weth, predicted, arb_data(hops), extra))
    assert env.bal("WETH", env.owner.address) - before == predicted > 0
    env.assert_clean([pool] + [p.address for p in env.pair.values()])
    record_gas("v3_flash_triangle_v2", int(receipt["gasUsed"], 16))


def test_v2_to_v3_with_aave_flash_loan_and_router_gas(env: Env, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    """Aave flashLoan (multi-asset entry) WETH; sell on venue B (2020), buy back on V3 0.05% (2000)."""
    weth, usdc = env.tok["WETH"], env.tok["USDC"]
    amount = 40 * 10**18
    b = env.pair["uniswap_v2_b:WETH/USDC"]
    ri, ro = reserves(rpc, b, weth, usdc)
    usdc_out = v2_out(amount, ri, ro)
    pool = env.pool["uniswap_v3:WETH/USDC/500"]
    quote = contracts["quoter"].call(rpc, "quoteExactInputSingle", (usdc, weth, usdc_out, 500, 0))[0]
    predicted = quote - amount - aave_premium(amount)
    hops = [hop(V2, b.address, weth, usdc, min_out=usdc_out), hop(V3, pool, usdc, weth, min_out=quote)]
    env.prime_owner("WETH")
    before = env.bal("WETH", env.owner.address)
    receipt = env.execute(ARB_ID, plan(AAVE, env.aave, weth, amount, weth, predicted, arb_data(hops)))
    assert env.bal("WETH", env.owner.address) - before == predicted > 0
    env.assert_clean([env.aave, pool, b.address])
    record_gas("aave_flash_v2_v3", int(receipt["gasUsed"], 16))

    w = wallet_for(rpc, dep, 4)
    w.transact(contracts["WETH"], "deposit", value=amount, gas=100_000)
    w.transact(contracts["WETH"], "approve", contracts["router_b"].address, MAX, gas=100_000)
    w.transact(contracts["USDC"], "approve", contracts["v3_router"].address, MAX, gas=100_000)
    r1 = w.transact(contracts["router_b"], "swapExactTokensForTokens", amount, 0, [weth, usdc], w.address, DEADLINE, gas=300_000)
    got = env.bal("USDC", w.address)
    r2 = w.transact(contracts["v3_router"], "exactInputSingle", (usdc, weth, 500, w.address, DEADLINE, got, 0, 0), gas=500_000)
    record_gas("router_v2_plus_v3", int(r1["gasUsed"], 16) + int(r2["gasUsed"], 16))


def test_aave_liquidation_with_flash_loan_and_eoa_gas(env: Env, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    """WETH oracle 2000 -> 1800: flash USDC, liquidationCall(max), sell the WETH on venue A, repay, profit."""
    move_price(rpc, dep, "WETH", 1800)
    weth, usdc = env.tok["WETH"], env.tok["USDC"]
    borrower = next(b for b in dep["aave_v3"]["borrowers"] if b["label"] == "borrower_hf_1_05")
    debt_token = Contract(dep["aave_v3"]["reserves"]["USDC"]["variable_debt_token"], contracts["USDC"].abi)
    debt = debt_token.call(rpc, "balanceOf", borrower["address"])
    amount = debt + debt // 1000  # headroom for interest accrued until the tx lands; the rest comes back
    pair = env.pair["uniswap_v2_a:WETH/USDC"]
    data = liq_data(env.aave, weth, borrower["address"], MAX, [hop(V2, pair.address, weth, usdc)])
    params = plan(AAVE_SIMPLE, env.aave, usdc, amount, usdc, 1, data)
    env.prime_owner("USDC")
    snap = rpc.request("evm_snapshot")
    simulated = env.executor.function("executeStrategy", 2).decode(bytes.fromhex(rpc.request(
        "eth_call", {"from": env.owner.address, "to": env.executor.address,
                     "data": "0x" + env.executor.calldata("executeStrategy", LIQ_ID, params).hex()}, "latest")[2:]))
    before = env.bal("USDC", env.owner.address)
    receipt = env.execute(LIQ_ID, params)
    profit = env.bal("USDC", env.owner.address) - before
    # collateral seized = debt * 2000/1800... exactly: debt(USD) / 1800 * 1.05 WETH, sold at ~2000 on venue A
    assert profit > 1000 * 10**6 and abs(profit - simulated) <= simulated // 10**5
    assert debt_token.call(rpc, "balanceOf", borrower["address"]) == 0
    env.assert_clean([env.aave, pair.address])
    record_gas("aave_flash_liquidation_v2", int(receipt["gasUsed"], 16))

    # the same liquidation + sale from an EOA holding the USDC: liquidationCall, then Router02
    assert rpc.request("evm_revert", snap) is True
    w = wallet_for(rpc, dep, 5)
    w.transact(contracts["USDC"], "mint(address,uint256)", w.address, amount, gas=200_000)
    w.transact(contracts["USDC"], "approve", env.aave, MAX, gas=100_000)
    w.transact(contracts["WETH"], "approve", contracts["router_a"].address, MAX, gas=100_000)
    r1 = w.transact(contracts["pool"], "liquidationCall", weth, usdc, borrower["address"], MAX, False, gas=1_500_000)
    seized = env.bal("WETH", w.address)
    r2 = w.transact(contracts["router_a"], "swapExactTokensForTokens", seized, 0, [weth, usdc], w.address, DEADLINE, gas=300_000)
    record_gas("eoa_liquidation_plus_router", int(r1["gasUsed"], 16) + int(r2["gasUsed"], 16))


def test_own_funds_erc3156_and_balancer_sources(env: Env, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    """The remaining flash sources on test lenders (no ERC-3156 lender or Balancer Vault on the devnet)."""
    usdc = env.tok["USDC"]
    amount, hops, _, out2 = spread_route(env)
    deployer = wallet_for(rpc, dep, 6)
    lender = deployer.deploy(test_artifact("MockLender"), gas=3_000_000)
    vault = deployer.deploy(test_artifact("MockVault"), gas=3_000_000)
    for who in (lender.address, vault.address, env.executor.address):
        deployer.transact(contracts["USDC"], "mint(address,uint256)", who, amount, gas=200_000)
    env.prime_owner("USDC")
    # each source runs from the same pre-trade state (the first run closes the spread)
    snap = rpc.request("evm_snapshot")
    # ERC-3156: fee 9 bps, pulled by the lender
    p = out2 - amount - amount * 9 // 10000
    before = env.bal("USDC", env.owner.address)
    env.execute(ARB_ID, plan(ERC3156, lender.address, usdc, amount, usdc, p, arb_data(hops)))
    assert env.bal("USDC", env.owner.address) - before == p
    assert contracts["USDC"].call(rpc, "allowance", env.executor.address, lender.address) == 0
    assert env.bal("USDC", env.executor.address) == amount  # its own USDC untouched
    assert rpc.request("evm_revert", snap) is True
    env.owner.nonce = None
    snap = rpc.request("evm_snapshot")
    # Balancer-shaped vault: no fee, pushed back
    env.execute(ARB_ID, plan(BALANCER, vault.address, usdc, amount, usdc, out2 - amount, arb_data(hops)))
    assert env.bal("USDC", env.owner.address) - before == out2 - amount
    assert rpc.request("evm_revert", snap) is True
    env.owner.nonce = None
    # own funds (kind NONE): the executor's pre-existing USDC is used and stays (only the gain goes to the owner)
    receipt = env.execute(ARB_ID, plan(NONE, "0x" + "00" * 20, usdc, amount, usdc, out2 - amount, arb_data(hops)))
    record_gas("own_funds_2hop_v2", int(receipt["gasUsed"], 16))
    assert env.bal("USDC", env.owner.address) - before == out2 - amount
    assert env.bal("USDC", env.executor.address) == amount


def test_curve_and_balancer_hops_on_test_venues(env: Env, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    """No Curve pool or Balancer Vault on the devnet: fixed-rate test venues with their ABIs.
    Aave flash USDC -> (Curve exchange) DAI -> (Balancer Vault.swap) USDC -> repay; approvals reset."""
    usdc, dai = env.tok["USDC"], env.tok["DAI"]
    w = wallet_for(rpc, dep, 6)
    # curve: 1 USDC -> 1.01 DAI; balancer: 1 DAI -> 1 USDC
    curve = w.deploy(test_artifact("MockVenue"), usdc, dai, 101 * 10**12, 100, 1, 10**12, gas=3_000_000)
    vault = w.deploy(test_artifact("MockVenue"), usdc, dai, 1, 1, 1, 10**12, gas=3_000_000)
    w.transact(contracts["DAI"], "mint(address,uint256)", curve.address, 10**24, gas=200_000)
    w.transact(contracts["USDC"], "mint(address,uint256)", vault.address, 10**12, gas=200_000)
    amount = 10_000 * 10**6
    dai_out = amount * 101 * 10**12 // 100
    usdc_out = dai_out // 10**12
    predicted = usdc_out - amount - aave_premium(amount)
    pool_id = int(vault.address, 16) << 96
    for curve_kind in (CURVE, CURVE_U256):
        if curve_kind == CURVE_U256:  # only the int128 shape is implemented by the test venue: expect a revert
            hops = [hop(CURVE_U256, curve.address, usdc, dai, extra=0 | 1 << 8), hop(BAL, vault.address, dai, usdc, extra=pool_id)]
            data = env.executor.calldata("executeStrategy", ARB_ID, plan(AAVE_SIMPLE, env.aave, usdc, amount, usdc, 0, arb_data(hops)))
            assert revert_reason(rpc, env.owner.address, env.executor.address, data) != ""
            continue
        hops = [hop(CURVE, curve.address, usdc, dai, min_out=dai_out, extra=0 | 1 << 8),
                hop(BAL, vault.address, dai, usdc, min_out=usdc_out, extra=pool_id)]
        before = env.bal("USDC", env.owner.address)
        env.execute(ARB_ID, plan(AAVE_SIMPLE, env.aave, usdc, amount, usdc, predicted, arb_data(hops)))
        assert env.bal("USDC", env.owner.address) - before == predicted
    env.assert_clean([env.aave, curve.address, vault.address])
