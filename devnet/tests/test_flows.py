"""Real-contract flows on the seeded devnet: V2 and V3 swaps match their quotes, the planted
opportunities pay, and Aave supply/borrow/price drop/liquidation/flash loan work."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

from devnet.artifacts import REPO_ROOT, load
from devnet.client import Contract
from devnet.market import health_factors
from devnet.tests.conftest import wallet_for

MAX = 2**256 - 1
DEADLINE = 2**63


def balance(rpc: Any, token: Contract, who: str) -> int:
    return token.call(rpc, "balanceOf", who)


def test_deployment_file_and_config(devnet: Any, dep: dict[str, Any]) -> None:
    for key in ("chain_id", "rpc_url", "block_number", "contracts", "tokens", "venues", "pools", "aave_v3",
                "multicall", "accounts", "snapshot_id", "roles", "market"):
        assert key in dep, key
    assert dep["chain_id"] == 31337 and dep["rpc_url"] == devnet.url
    assert {t: v["decimals"] for t, v in dep["tokens"].items()} == {"WETH": 18, "USDC": 6, "DAI": 18, "WBTC": 8}
    a, b = dep["venues"]["uniswap_v2_a"], dep["venues"]["uniswap_v2_b"]
    assert a["factory"] != b["factory"] and a["router"] != b["router"] and a["fee_bps"] == b["fee_bps"] == 30
    assert dep["aave_v3"]["flash_loan_premium_bps"] == 5 and len(dep["aave_v3"]["borrowers"]) == 5
    yaml = (devnet.out_dir / "defi.yaml").read_text()
    assert f'rpc_urls: ["{devnet.url}"]' in yaml and "uniswap_v2_b: {kind: uniswap_v2" in yaml
    assert f'multicall: "{dep["multicall"]}"' in yaml and 'version: "3.2"' in yaml
    for address in re.findall(r'"(0x[0-9a-fA-F]{40})"', yaml):
        assert address != address.lower(), "addresses are EIP-55 checksummed"
    json.dumps(dep)  # serialisable


def test_v2_swap_equals_router_quote_on_both_venues(rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    w = wallet_for(rpc, dep, 2)
    usdc, weth = contracts["USDC"], contracts["WETH"]
    w.transact(usdc, "mint(address,uint256)", w.address, 100_000 * 10**6, gas=200_000)
    for name in ("router_a", "router_b"):
        router = contracts[name]
        w.transact(usdc, "approve", router.address, MAX, gas=100_000)
        amount_in = 5_000 * 10**6
        quote = router.call(rpc, "getAmountsOut", amount_in, [usdc.address, weth.address])
        before = balance(rpc, weth, w.address)
        w.transact(router, "swapExactTokensForTokens", amount_in, quote[-1], [usdc.address, weth.address],
                   w.address, DEADLINE, gas=300_000)
        assert balance(rpc, weth, w.address) - before == quote[-1]
    # ETH in through the router as well
    router = contracts["router_a"]
    quote = router.call(rpc, "getAmountsOut", 10**18, [weth.address, usdc.address])
    before = balance(rpc, usdc, w.address)
    w.transact(router, "swapExactETHForTokens", 0, [weth.address, usdc.address], w.address, DEADLINE, value=10**18, gas=300_000)
    assert balance(rpc, usdc, w.address) - before == quote[-1]


def test_planted_cross_venue_spread_pays(rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    usdc, weth = contracts["USDC"], contracts["WETH"]
    a, b = contracts["router_a"], contracts["router_b"]
    one = 10**18
    sell_a = a.call(rpc, "getAmountsOut", one, [weth.address, usdc.address])[-1]
    sell_b = b.call(rpc, "getAmountsOut", one, [weth.address, usdc.address])[-1]
    assert 85 <= (sell_b - sell_a) * 10_000 // sell_a <= 100  # mid prices 100 bps apart; B is shallower
    # round trip at the recorded optimal size: USDC -> WETH on A -> USDC on B, executed
    opp = dep["market"]["opportunities"]["cross_venue_spread"]
    start = int(opp["optimal_usdc_in"])
    w = wallet_for(rpc, dep, 3)
    w.transact(usdc, "mint(address,uint256)", w.address, start, gas=200_000)
    for r in (a, b):
        w.transact(usdc, "approve", r.address, MAX, gas=100_000)
        w.transact(weth, "approve", r.address, MAX, gas=100_000)
    got_weth = a.call(rpc, "getAmountsOut", start, [usdc.address, weth.address])[-1]
    w.transact(a, "swapExactTokensForTokens", start, 0, [usdc.address, weth.address], w.address, DEADLINE, gas=300_000)
    w.transact(b, "swapExactTokensForTokens", got_weth, 0, [weth.address, usdc.address], w.address, DEADLINE, gas=300_000)
    profit = balance(rpc, usdc, w.address) - start
    assert profit == int(opp["max_profit_usdc"]) and profit > 50 * 10**6, profit


def test_planted_triangle_pays(rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    usdc, weth, dai = contracts["USDC"], contracts["WETH"], contracts["DAI"]
    a = contracts["router_a"]
    path = [weth.address, usdc.address, dai.address, weth.address]
    opp = dep["market"]["opportunities"]["triangle"]
    amount = int(opp["optimal_weth_in"])
    out = a.call(rpc, "getAmountsOut", amount, path)[-1]
    assert out - amount == int(opp["max_profit_weth"]) > 5 * 10**16  # > 0.05 WETH
    small = a.call(rpc, "getAmountsOut", 10**18, path)[-1]
    assert small > 10**18 * 1008 // 1000  # ~1.08% edge at the margin after three 0.3% fees
    w = wallet_for(rpc, dep, 4)
    w.transact(weth, "deposit", value=amount, gas=100_000)
    w.transact(weth, "approve", a.address, MAX, gas=100_000)
    w.transact(a, "swapExactTokensForTokens", amount, out, path, w.address, DEADLINE, gas=500_000)
    assert balance(rpc, weth, w.address) == out
    # the reverse direction loses
    assert a.call(rpc, "getAmountsOut", amount, list(reversed(path)))[-1] < amount


def test_v3_exact_input_equals_quoter(rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    weth, usdc = contracts["WETH"], contracts["USDC"]
    quoter, router = contracts["quoter"], contracts["v3_router"]
    w = wallet_for(rpc, dep, 5)
    w.transact(weth, "deposit", value=300 * 10**18, gas=100_000)
    w.transact(weth, "approve", router.address, MAX, gas=100_000)
    for fee, amount in ((500, 10**18), (3000, 3 * 10**18), (500, 250 * 10**18)):
        out, sqrt_after, crossed, gas_est = quoter.call(rpc, "quoteExactInputSingle", (weth.address, usdc.address, amount, fee, 0))
        before = balance(rpc, usdc, w.address)
        w.transact(router, "exactInputSingle", (weth.address, usdc.address, fee, w.address, DEADLINE, amount, out, 0), gas=1_500_000)
        assert balance(rpc, usdc, w.address) - before == out
        if amount == 250 * 10**18:
            assert crossed >= 2, "a large swap crosses several initialized ticks (concentrated positions)"
        assert out > 0 and gas_est > 0
    pool = dep["pools"]["uniswap_v3:WETH/USDC/500"]
    assert len(pool["positions"]) >= 6 and pool["tick_spacing"] == 10


def test_aave_supply_borrow(rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    pool, weth, usdc = contracts["pool"], contracts["WETH"], contracts["USDC"]
    w = wallet_for(rpc, dep, 6)
    w.transact(weth, "deposit", value=5 * 10**18, gas=100_000)
    w.transact(weth, "approve", pool.address, MAX, gas=100_000)
    w.transact(pool, "supply", weth.address, 5 * 10**18, w.address, 0, gas=1_000_000)
    w.transact(pool, "borrow", usdc.address, 2_000 * 10**6, 2, 0, w.address, gas=1_000_000)
    assert balance(rpc, usdc, w.address) == 2_000 * 10**6
    coll, debt, _avail, lt, ltv, hf = pool.call(rpc, "getUserAccountData", w.address)
    assert coll == 10_000 * 10**8 and 2_000 * 10**8 <= debt < 2_001 * 10**8
    assert lt == 8250 and ltv == 8000 and 4.12 < hf / 1e18 < 4.13


def test_seeded_borrowers_price_drop_and_liquidation(devnet: Any, rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    hfs = {label: hf for label, _, hf in health_factors(rpc, dep)}
    assert abs(hfs["borrower_hf_1_05"] - 1.05) < 1e-3 and abs(hfs["borrower_hf_1_2"] - 1.2) < 1e-3
    assert abs(hfs["borrower_hf_1_5"] - 1.5) < 1e-3 and abs(hfs["borrower_hf_3_0"] - 3.0) < 1e-3
    # the CLI swaps the WETH feed to 1800 USD
    proc = subprocess.run([sys.executable, "-m", "devnet.market", "--deployment", str(devnet.deployment_path),
                           "move-price", "--asset", "WETH", "--price", "1800"],
                          cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert "borrower_hf_1_05" in proc.stdout and "LIQUIDATABLE" in proc.stdout
    assert contracts["oracle"].call(rpc, "getAssetPrice", contracts["WETH"].address) == 1800 * 10**8
    hfs = {label: hf for label, _, hf in health_factors(rpc, dep)}
    assert hfs["borrower_hf_1_05"] < 0.95 and hfs["borrower_hf_1_2"] > 1 and hfs["borrower_wbtc_hf_1_3"] > 1.29
    # liquidate it: 100% close factor below HF 0.95
    victim = next(b for b in dep["aave_v3"]["borrowers"] if b["label"] == "borrower_hf_1_05")
    pool, weth, usdc = contracts["pool"], contracts["WETH"], contracts["USDC"]
    liq = wallet_for(rpc, dep, 8)
    liq.transact(usdc, "mint(address,uint256)", liq.address, 50_000 * 10**6, gas=200_000)
    liq.transact(usdc, "approve", pool.address, MAX, gas=100_000)
    rc = liq.transact(pool, "liquidationCall", weth.address, usdc.address, victim["address"], MAX, False, gas=2_000_000)
    topic = pool.topic("LiquidationCall")
    event = next(log for log in rc["logs"] if log["topics"][0] == topic)
    debt_covered = int(event["data"][2:66], 16)
    seized = int(event["data"][66:130], 16)
    assert balance(rpc, weth, liq.address) == seized
    # seized = debt / price * 1.05 bonus
    expected = debt_covered * 10**12 * 105 // (1800 * 100)
    assert abs(seized - expected) <= expected // 10**6
    coll, debt, *_ = pool.call(rpc, "getUserAccountData", victim["address"])
    assert debt == 0 and coll > 0
    # at 1600 the HF 1.2 borrower becomes liquidatable too
    from devnet.market import move_price

    move_price(rpc, dep, "WETH", 1600)
    hfs = {label: hf for label, _, hf in health_factors(rpc, dep)}
    assert hfs["borrower_hf_1_2"] < 1 < hfs["borrower_hf_1_5"]


def test_aave_flash_loan_simple_premium_5_bps(rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    pool, usdc = contracts["pool"], contracts["USDC"]
    w = wallet_for(rpc, dep, 9)
    receiver = w.deploy(load("aave_v3/MockFlashLoanSimpleReceiver"), dep["aave_v3"]["addresses_provider"], gas=2_000_000)
    amount = 100_000 * 10**6
    rc = w.transact(pool, "flashLoanSimple", receiver.address, usdc.address, amount, b"", 0, gas=2_000_000)
    topic = pool.topic("FlashLoan")
    event = next(log for log in rc["logs"] if log["topics"][0] == topic)
    premium = int(event["data"][2 + 64 * 3 : 2 + 64 * 4], 16)
    assert premium == amount * 5 // 10_000 == 50 * 10**6
    assert int(event["data"][2 + 64 : 2 + 128], 16) == amount
