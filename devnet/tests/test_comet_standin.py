"""The Comet stand-in (devnet/standins/comet) against hand-computed Comet.sol rules, and the CometLiquidator
strategy end to end (flash USDC -> absorb -> buyCollateral -> sell on venue A -> profit to the owner).

These check our port against the rules as written in compound-finance/comet Comet.sol; there is no real Comet
bytecode here to compare with.
"""

from __future__ import annotations

from typing import Any

import pytest
from eth_abi import encode
from eth_hash.auto import keccak

from devnet import comet as cm
from devnet.artifacts import compile_vyper
from devnet.client import Contract, RpcClient, RpcFailure, TxFailed
from devnet.market import move_price
from devnet.tests.contracts_lib import AAVE_SIMPLE, HOP_T, MAX, V2, aave_premium, artifact, hop, plan, reserves, v2_out
from devnet.tests.conftest import wallet_for

FACTOR = 10**18
COMET_LIQ_ID = keccak(b"CometLiquidator")


def sel(sig: str) -> str:
    return "0x" + keccak(sig.encode())[:4].hex()


@pytest.fixture()
def comet(dep: dict[str, Any]) -> Contract:
    return Contract(dep["compound_v3"]["comet"], compile_vyper(cm.STANDIN_DIR / "CometStandIn.vy").abi, "comet")


def borrower(dep: dict[str, Any], label: str) -> dict[str, Any]:
    return next(b for b in dep["compound_v3"]["borrowers"] if b["label"] == label)


def indices(rpc: RpcClient, comet: Contract) -> tuple[int, int]:
    t = comet.call(rpc, "totalsBasic")
    return t[0], t[1]


def test_deployment_record_and_asset_infos(rpc: RpcClient, dep: dict[str, Any], comet: Contract) -> None:
    c = dep["compound_v3"]
    assert c["standin"] is True
    assert comet.call(rpc, "baseToken") == dep["tokens"]["USDC"]["address"]
    assert comet.call(rpc, "baseScale") == 10**6 and comet.call(rpc, "numAssets") == 2
    info = comet.call(rpc, "getAssetInfoByAddress", dep["tokens"]["WETH"]["address"])
    assert list(info) == [0, dep["tokens"]["WETH"]["address"], c["price_feeds"]["WETH"], 10**18,
                          825 * 10**15, 895 * 10**15, 95 * 10**16, 100_000 * 10**18]
    assert list(comet.call(rpc, "getAssetInfo", 1))[1] == dep["tokens"]["WBTC"]["address"]
    assert comet.call(rpc, "getPrice", c["price_feeds"]["WETH"]) == 2000 * 10**8
    # getAssetInfo past numAssets reverts BadAsset()
    with pytest.raises(RpcFailure) as e:
        rpc.request("eth_call", {"to": comet.address, "data": "0x" + comet.calldata("getAssetInfo", 2).hex()}, "latest")
    assert sel("BadAsset()")[2:] in str(e.value.__dict__)


def test_liquidatable_follows_the_aave_oracle_and_hand_computed_threshold(
        rpc: RpcClient, dep: dict[str, Any], comet: Contract) -> None:
    """isLiquidatable: -debt*basePrice/baseScale + mulFactor(coll*price/scale, liquidateCF) < 0, with the
    borrow index as stored; move-price (the Aave oracle) moves Comet's feed too."""
    b = borrower(dep, "comet_borrower_hf_1_05")
    assert comet.call(rpc, "isLiquidatable", b["address"]) is False
    assert comet.call(rpc, "isBorrowCollateralized", b["address"]) is True
    for price in (1790, 1787):
        move_price(rpc, dep, "WETH", price)
        principal = comet.call(rpc, "userBasic", b["address"])[0]
        _, bi = indices(rpc, comet)
        debt = -principal * bi // 10**15
        liquidity = -(debt * 10**8 // 10**6) + (10 * 10**18 * price * 10**8 // 10**18) * 895 * 10**15 // FACTOR
        assert comet.call(rpc, "isLiquidatable", b["address"]) is (liquidity < 0)
    assert comet.call(rpc, "isLiquidatable", b["address"]) is True  # threshold ~1787.7
    assert comet.call(rpc, "isLiquidatable", borrower(dep, "comet_borrower_hf_1_3")["address"]) is False


def test_borrow_rules_and_rounding(rpc: RpcClient, dep: dict[str, Any], comet: Contract, contracts: Any) -> None:
    """Withdrawing base borrows (principal rounds the debt up), BorrowTooSmall, NotCollateralized."""
    w = wallet_for(rpc, dep, 7)
    weth, usdc = contracts["WETH"], contracts["USDC"]
    w.transact(weth, "deposit", value=10**18, gas=100_000)
    w.transact(weth, "approve", comet.address, MAX, gas=100_000)
    w.transact(comet, "supply", weth.address, 10**18, gas=500_000)
    assert comet.call(rpc, "userBasic", w.address)[3] == 1  # assetsIn bit 0
    with pytest.raises(TxFailed):
        w.transact(comet, "withdraw", usdc.address, 50 * 10**6, gas=800_000)  # < baseBorrowMin 100 USDC
    with pytest.raises(TxFailed):
        w.transact(comet, "withdraw", usdc.address, 1651 * 10**6, gas=800_000)  # > 2000 * 0.825
    w.transact(comet, "withdraw", usdc.address, 1000 * 10**6, gas=800_000)
    _, bi = indices(rpc, comet)
    principal = comet.call(rpc, "userBasic", w.address)[0]
    assert principal == -((1000 * 10**6 * 10**15 + bi - 1) // bi)
    assert comet.call(rpc, "borrowBalanceOf", w.address) >= 1000 * 10**6
    # repay everything with uint256.max: principal back to 0 exactly
    w.transact(usdc, "mint(address,uint256)", w.address, 2000 * 10**6, gas=200_000)
    w.transact(usdc, "approve", comet.address, MAX, gas=100_000)
    w.transact(comet, "supply", usdc.address, MAX, gas=500_000)
    assert comet.call(rpc, "userBasic", w.address)[0] == 0


def test_absorb_and_buy_collateral_hand_computed(rpc: RpcClient, dep: dict[str, Any], comet: Contract, contracts: Any) -> None:
    """absorb seizes all collateral, credits mulFactor(value, 0.95) and floors at 0; reserves pay the rest;
    buyCollateral sells at the store-front discount 0.6 * (1 - 0.95) = 3%."""
    b = borrower(dep, "comet_borrower_hf_1_05")
    weth, usdc = contracts["WETH"], contracts["USDC"]
    w = wallet_for(rpc, dep, 8)
    absorb = comet.calldata("absorb", w.address, [b["address"]])
    assert sel("NotLiquidatable()")[2:] in str(pytest.raises(RpcFailure, rpc.request, "eth_call",
                                                                {"from": w.address, "to": comet.address,
                                                                 "data": "0x" + absorb.hex()}, "latest").value.__dict__)
    move_price(rpc, dep, "WETH", 1700)
    reserves_before = comet.call(rpc, "getReserves")
    receipt = w.transact(comet, "absorb", w.address, [b["address"]], gas=1_000_000)
    assert comet.call(rpc, "userBasic", b["address"])[3] == 0  # assetsIn reset
    assert comet.call(rpc, "collateralBalanceOf", b["address"], weth.address) == 0
    value = 10 * 10**18 * 1700 * 10**8 // 10**18                    # mulPrice, 8-dec USD
    delta_balance = value * 95 * 10**16 // FACTOR * 10**6 // 10**8  # divPrice(mulFactor(value, LF))
    logs = {l["topics"][0]: l for l in receipt["logs"]}
    coll_log = logs["0x" + keccak(b"AbsorbCollateral(address,address,address,uint256,uint256)").hex()]
    assert int(coll_log["data"][2:66], 16) == 10 * 10**18 and int(coll_log["data"][66:], 16) == value
    debt_log = logs["0x" + keccak(b"AbsorbDebt(address,address,uint256,uint256)").hex()]
    paid = int(debt_log["data"][2:66], 16)
    # 16,150 USD of credit exceeds the ~16,000 USDC debt: new balance = old + delta > 0, so paid == delta
    assert paid == delta_balance and int(debt_log["data"][66:], 16) == paid * 10**8 // 10**6
    principal_after = comet.call(rpc, "userBasic", b["address"])[0]
    assert principal_after > 0
    assert comet.call(rpc, "balanceOf", b["address"]) == principal_after * indices(rpc, comet)[0] // 10**15
    assert comet.call(rpc, "getCollateralReserves", weth.address) == 10 * 10**18
    assert comet.call(rpc, "getReserves") < reserves_before
    # quoteCollateral: basePrice * baseAmount * scale / (price * (1 - 0.03)) / baseScale
    q = comet.call(rpc, "quoteCollateral", weth.address, 1000 * 10**6)
    discounted = 1700 * 10**8 * (FACTOR - 6 * 10**17 * 5 * 10**16 // FACTOR) // FACTOR
    assert q == 10**8 * 1000 * 10**6 * 10**18 // discounted // 10**6
    w.transact(usdc, "mint(address,uint256)", w.address, 100_000 * 10**6, gas=200_000)
    w.transact(usdc, "approve", comet.address, MAX, gas=100_000)
    with pytest.raises(TxFailed):  # TooMuchSlippage
        w.transact(comet, "buyCollateral", weth.address, q + 1, 1000 * 10**6, w.address, gas=500_000)
    with pytest.raises(TxFailed):  # InsufficientReserves: more than the 10 WETH absorbed
        w.transact(comet, "buyCollateral", weth.address, 0, 20_000 * 10**6, w.address, gas=500_000)
    before = weth.call(rpc, "balanceOf", w.address)
    w.transact(comet, "buyCollateral", weth.address, q, 1000 * 10**6, w.address, gas=500_000)
    assert weth.call(rpc, "balanceOf", w.address) - before == q
    assert comet.call(rpc, "getCollateralReserves", weth.address) == 10 * 10**18 - q


def test_comet_liquidator_flash_absorb_buy_sell(rpc: RpcClient, dep: dict[str, Any], comet: Contract, contracts: Any) -> None:
    """The executor's CometLiquidator: flash USDC from Aave, absorb, buy all absorbed WETH, sell it on venue A;
    the owner's USDC gain equals the hand-computed proceeds minus the loan and premium."""
    ex = dep["executor"]
    assert ex["strategies"]["CometLiquidator"]["id"] == "0x" + COMET_LIQ_ID.hex()
    executor = Contract(ex["address"], artifact("FlashLoans").abi, "FlashLoans")
    strategy = ex["strategies"]["CometLiquidator"]["address"]
    owner = wallet_for(rpc, dep, 0)
    weth, usdc = contracts["WETH"], contracts["USDC"]
    b = borrower(dep, "comet_borrower_hf_1_05")
    move_price(rpc, dep, "WETH", 1750)
    assert comet.call(rpc, "isLiquidatable", b["address"]) is True
    collateral = 10 * 10**18
    # size: the largest base amount whose quote fits the 10 WETH that absorb moves to reserves
    lo, hi = 0, 10**14
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if comet.call(rpc, "quoteCollateral", weth.address, mid) <= collateral:
            lo = mid
        else:
            hi = mid
    base_amount = lo
    bought = comet.call(rpc, "quoteCollateral", weth.address, base_amount)
    pair = Contract(dep["pools"]["uniswap_v2_a:WETH/USDC"]["address"], [
        {"type": "function", "name": "getReserves", "stateMutability": "view", "inputs": [],
         "outputs": [{"name": "", "type": "uint112"}, {"name": "", "type": "uint112"}, {"name": "", "type": "uint32"}]}])
    r_in, r_out = reserves(rpc, pair, weth.address, usdc.address)
    proceeds = v2_out(bought, r_in, r_out)
    data = encode(["address", "address", "uint256", "uint256", "address[]", HOP_T + "[]"],
                  [comet.address, weth.address, bought, base_amount, [b["address"]],
                   [hop(V2, pair.address, weth.address, usdc.address)]])
    aave = dep["aave_v3"]["pool"]
    params = plan(AAVE_SIMPLE, aave, usdc.address, base_amount, usdc.address, 1, data)
    before = usdc.call(rpc, "balanceOf", owner.address)
    owner.transact(executor, "executeStrategy", COMET_LIQ_ID, params, gas=3_000_000)
    gain = usdc.call(rpc, "balanceOf", owner.address) - before
    assert gain == proceeds - base_amount - aave_premium(base_amount)
    assert gain > 0
    assert comet.call(rpc, "isLiquidatable", b["address"]) is False
    assert comet.call(rpc, "getCollateralReserves", weth.address) == collateral - bought
    for token in (weth, usdc):
        for holder in (executor.address, strategy):
            assert token.call(rpc, "balanceOf", holder) == 0
        assert token.call(rpc, "allowance", strategy, comet.address) == 0
    # nothing left to absorb: a second run reverts (NotLiquidatable) and is not mined as a gain
    with pytest.raises(TxFailed):
        owner.transact(executor, "executeStrategy", COMET_LIQ_ID, params, gas=3_000_000)


def test_comet_liquidator_rejects_direct_calls_and_wrong_plans(rpc: RpcClient, dep: dict[str, Any], comet: Contract,
                                                                contracts: Any) -> None:
    """Only the executor may call execute; the V3 callback only pays a pool being called; a loan asset other than
    the Comet's base is refused before anything moves."""
    from devnet.tests.contracts_lib import revert_reason, test_artifact

    strategy = Contract(dep["executor"]["strategies"]["CometLiquidator"]["address"], artifact("CometLiquidator").abi)
    attacker = wallet_for(rpc, dep, 7)
    poker = attacker.deploy(test_artifact("Poker"), gas=1_000_000)
    usdc, weth = contracts["USDC"].address, contracts["WETH"].address
    calls = {
        "ST: not executor": strategy.calldata("execute", usdc, 10**9, b""),
        "SW: unexpected V3 callback": strategy.function("uniswapV3SwapCallback", 3).encode([10**9, -(10**9), b""]),
    }
    for expected, data in calls.items():
        assert expected in revert_reason(rpc, attacker.address, strategy.address, data)
        assert expected in revert_reason(rpc, attacker.address, poker.address, poker.calldata("poke", strategy.address, data))
    # A plan flash-borrowing WETH for a USDC-base Comet: refused by the strategy inside the executor's run.
    executor = Contract(dep["executor"]["address"], artifact("FlashLoans").abi)
    pair = dep["pools"]["uniswap_v2_a:WETH/USDC"]["address"]
    data = encode(["address", "address", "uint256", "uint256", "address[]", HOP_T + "[]"],
                  [comet.address, weth, 0, 10**18, [], [hop(V2, pair, usdc, weth)]])
    params = plan(AAVE_SIMPLE, dep["aave_v3"]["pool"], weth, 10**18, weth, 1, data)
    owner = wallet_for(rpc, dep, 0)
    reason = revert_reason(rpc, owner.address, executor.address, executor.calldata("executeStrategy", COMET_LIQ_ID, params))
    assert "CL: loan asset must be the Comet's base" in reason
