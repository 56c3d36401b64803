"""The dss stand-ins (devnet/standins/maker) on hand-computed cases: bark (full and partial), take with the chost
trim, no-partial-purchase, the leftover collateral returned, redo with its incentive. These check our port against
dss's written rules (src/dog.sol, src/clip.sol, src/abaci.sol), NOT against real dss bytecode (none runs here)."""

from __future__ import annotations

from typing import Any

import pytest
from eth_abi import decode

from devnet.client import TxFailed
from devnet.maker_standins import ETH_A, PARAMS, RAD, RAY, WAD, b32, deploy_maker, set_price
from devnet.tests.conftest import wallet_for

P = PARAMS
VOW = "0x000000000000000000000000000000000000dEaD"


def now(rpc: Any) -> int:
    return int(rpc.request("eth_getBlockByNumber", "latest", False)["timestamp"], 16)


def at(rpc: Any, ts: int) -> None:
    """The next block is mined at `ts` exactly."""
    rpc.request("evm_setNextBlockTimestamp", ts)


@pytest.fixture
def env(rpc: Any, dep: dict[str, Any]) -> Any:
    gov = wallet_for(rpc, dep, 0)
    m = deploy_maker(gov, dep["tokens"]["WETH"]["address"], 2000 * WAD, vow=VOW)
    # a vault: 10 ETH, 13,000 DAI (collateral ratio 153.8% at $2000)
    gov.transact(m["vat"], "slip", ETH_A, gov.address, 10 * WAD)
    gov.transact(m["vat"], "frob", ETH_A, gov.address, gov.address, gov.address, 10 * WAD, 13_000 * WAD)
    return gov, m


def test_frob_rules_and_spot(env: Any, rpc: Any) -> None:
    gov, m = env
    vat = m["vat"]
    assert list(vat.call(rpc, "ilks", ETH_A)) == [13_000 * WAD, RAY, 2000 * 10**27 * RAY // P["mat"], P["line"], P["dust"]]
    assert vat.call(rpc, "dai", gov.address) == 13_000 * RAD
    with pytest.raises(TxFailed, match="Vat/not-safe"):
        gov.transact(vat, "frob", ETH_A, gov.address, gov.address, gov.address, 0, 1_000 * WAD)
    with pytest.raises(TxFailed, match="Vat/dust"):
        gov.transact(vat, "frob", ETH_A, gov.address, gov.address, gov.address, 0, -(9_000 * WAD))


def test_bark_full_then_take_with_chost_trim_then_rest(env: Any, rpc: Any, dep: dict[str, Any]) -> None:
    gov, m = env
    vat, dog, clip = m["vat"], m["dog"], m["clipper"]
    keeper, taker = wallet_for(rpc, dep, 2), wallet_for(rpc, dep, 3)
    with pytest.raises(TxFailed, match="Dog/not-unsafe"):
        keeper.transact(dog, "bark", ETH_A, gov.address, keeper.address)
    set_price(gov, m, 1800 * WAD)  # 18,000 / 13,000 = 138% < 145%
    r = keeper.transact(dog, "bark", ETH_A, gov.address, keeper.address, gas=1_000_000)
    tic = int(rpc.request("eth_getBlockByNumber", r["blockNumber"], False)["timestamp"], 16)
    tab = 13_000 * WAD * RAY * P["chop"] // WAD          # 14,690 DAI in rad
    top = 1800 * WAD * 10**9 * P["buf"] // RAY           # 2,160 ray
    coin = P["tip"] + tab * P["chip"] // WAD             # 300 + 14.69 DAI
    assert list(clip.call(rpc, "sales", 1)) == [0, tab, 10 * WAD, gov.address, tic, top]
    assert vat.call(rpc, "dai", keeper.address) == coin
    assert list(vat.call(rpc, "urns", ETH_A, gov.address)) == [0, 0]
    assert vat.call(rpc, "gem", ETH_A, clip.address) == 10 * WAD
    assert dog.call(rpc, "Dirt") == tab and dog.call(rpc, "ilks", ETH_A)[3] == tab
    kick = [lg for lg in r["logs"] if lg["topics"][0] == "0x" + clip.topic("Kick").removeprefix("0x")]
    assert len(kick) == 1 and decode(["uint256"] * 4, bytes.fromhex(kick[0]["data"][2:])) == (top, tab, 10 * WAD, coin)
    bark = [lg for lg in r["logs"] if lg["topics"][0] == "0x" + dog.topic("Bark").removeprefix("0x")]
    assert len(bark) == 1

    # 1,800 s into a 7,200 s linear decrease: price = top * 0.75 = 1,620 ray
    gov.transact(vat, "suck", VOW, taker.address, 20_000 * RAD)
    taker.transact(vat, "hope", clip.address)
    at(rpc, tic + 1800)
    price = top * ((7200 - 1800) * RAY // 7200) // RAY
    assert price == 1620 * RAY
    chost = P["dust"] * P["chop"] // WAD                 # 5,650 DAI
    assert clip.call(rpc, "chost") == chost
    at(rpc, tic + 1799)  # a failed take is mined too: try it one second earlier, one wei under that price
    with pytest.raises(TxFailed, match="Clipper/too-expensive"):
        taker.transact(clip, "take", 1, 6 * WAD, top * ((7200 - 1799) * RAY // 7200) // RAY - 1, taker.address, b"",
                       gas=1_000_000)
    at(rpc, tic + 1800)
    # 6 ETH would leave 14,690 - 9,720 = 4,970 < chost: trimmed to leave exactly chost
    taker.transact(clip, "take", 1, 6 * WAD, price, taker.address, b"", gas=1_000_000)
    owe = tab - chost
    slc = owe // price
    assert vat.call(rpc, "gem", ETH_A, taker.address) == slc
    assert vat.call(rpc, "dai", taker.address) == 20_000 * RAD - owe
    assert vat.call(rpc, "dai", VOW) == owe
    assert list(clip.call(rpc, "sales", 1)[1:3]) == [chost, 10 * WAD - slc]
    assert dog.call(rpc, "Dirt") == tab - owe

    # now tab == chost: any partial purchase reverts; buying all of it covers the tab and returns the rest
    at(rpc, tic + 1899)
    with pytest.raises(TxFailed, match="Clipper/no-partial-purchase"):
        taker.transact(clip, "take", 1, WAD, 10**40, taker.address, b"", gas=1_000_000)
    at(rpc, tic + 1900)
    taker.transact(clip, "take", 1, 10 * WAD, 10**40, taker.address, b"", gas=1_000_000)
    price2 = top * ((7200 - 1900) * RAY // 7200) // RAY
    slc2 = chost // price2
    lot = 10 * WAD - slc
    assert vat.call(rpc, "gem", ETH_A, taker.address) == slc + slc2
    assert vat.call(rpc, "gem", ETH_A, gov.address) == lot - slc2  # leftover back to the vault owner
    assert list(clip.call(rpc, "list")) == [] and clip.call(rpc, "count") == 0
    assert dog.call(rpc, "Dirt") == 0


def test_partial_bark_and_redo_incentive(env: Any, rpc: Any, dep: dict[str, Any]) -> None:
    gov, m = env
    vat, dog, clip = m["vat"], m["dog"], m["clipper"]
    keeper = wallet_for(rpc, dep, 2)
    gov.transact(dog, "file_ilk", ETH_A, b32("hole"), 8_000 * RAD)  # room for 8,000 DAI of tab
    set_price(gov, m, 1800 * WAD)
    r = keeper.transact(dog, "bark", ETH_A, gov.address, keeper.address, gas=1_000_000)
    tic = int(rpc.request("eth_getBlockByNumber", r["blockNumber"], False)["timestamp"], 16)
    dart = 8_000 * RAD * WAD // RAY // P["chop"]           # 7,079.6 DAI of art
    assert (13_000 * WAD - dart) * RAY >= P["dust"]        # remainder not dusty: partial branch
    dink = 10 * WAD * dart // (13_000 * WAD)
    tab = dart * RAY * P["chop"] // WAD
    assert list(vat.call(rpc, "urns", ETH_A, gov.address)) == [10 * WAD - dink, 13_000 * WAD - dart]
    assert list(clip.call(rpc, "sales", 1)[1:3]) == [tab, dink]
    # rounding leaves a sliver of room (hole - dirt > 0), so dss refuses the dusty partial auction instead
    with pytest.raises(TxFailed, match="Dog/dusty-auction-from-partial-liquidation"):
        keeper.transact(dog, "bark", ETH_A, gov.address, keeper.address, gas=1_000_000)

    with pytest.raises(TxFailed, match="Clipper/cannot-reset"):
        keeper.transact(clip, "redo", 1, keeper.address, gas=1_000_000)
    at(rpc, tic + P["tail"] + 1)
    rpc.request("evm_mine")
    assert clip.call(rpc, "getStatus", 1)[0] is True
    before = vat.call(rpc, "dai", keeper.address)
    set_price(gov, m, 1500 * WAD)
    r = keeper.transact(clip, "redo", 1, keeper.address, gas=1_000_000)
    t2 = int(rpc.request("eth_getBlockByNumber", r["blockNumber"], False)["timestamp"], 16)
    top = 1500 * WAD * 10**9 * P["buf"] // RAY
    assert list(clip.call(rpc, "sales", 1)[4:]) == [t2, top]
    assert vat.call(rpc, "dai", keeper.address) - before == P["tip"] + tab * P["chip"] // WAD
    assert list(clip.call(rpc, "getStatus", 1)) == [False, top, dink, tab]


def test_deployed_ilk_move_price_and_maker_bark(rpc: Any, dep: dict[str, Any]) -> None:
    from devnet.maker_standins import artifact, bark_unsafe
    from devnet.market import move_price
    from devnet.client import Contract

    m = dep["maker"]
    assert m["standin"] is True
    vat = Contract(m["vat"], artifact("Vat").abi)
    for v in m["vaults"]:
        assert list(vat.call(rpc, "urns", ETH_A, v["owner"])) == [int(v["ink"]), int(v["art"])]
    assert bark_unsafe(rpc, dep) == []  # all safe at the deploy price
    price = int(m["feed_price_wad"]) * 9 // 10 // WAD  # a 10% drop: the 150% and 158% vaults fall under 145%
    move_price(rpc, dep, "WETH", price)
    assert vat.call(rpc, "ilks", ETH_A)[2] == price * WAD * 10**9 * RAY // P["mat"]
    barked = bark_unsafe(rpc, dep)
    assert [o for o, _ in barked] == [v["owner"] for v in m["vaults"] if v["ratio_pct"] < 161]
    assert [i for _, i in barked] == [1, 2]


def test_keeper_flow_dai_join_take_gem_exit(rpc: Any, dep: dict[str, Any]) -> None:
    """What MakerLiquidator will do, step by step from an EOA: DAI → DaiJoin.join(owe rounded up to a wad) →
    vat.hope(clipper) → take → GemJoin.exit(slice) as WETH → DaiJoin.exit the leftover whole DAI."""
    from devnet.client import Contract, Wallet
    from devnet.maker_standins import artifact, bark_unsafe
    from devnet.market import _ERC20_ABI, move_price

    m = dep["maker"]
    vat, clip = Contract(m["vat"], artifact("Vat").abi), Contract(m["clipper"], artifact("Clipper").abi)
    dai_join, gem_join = Contract(m["dai_join"], artifact("DaiJoin").abi), Contract(m["gem_join"], artifact("GemJoin").abi)
    dai = Contract(dep["tokens"]["DAI"]["address"], _ERC20_ABI)
    weth = Contract(dep["tokens"]["WETH"]["address"], _ERC20_ABI)
    move_price(rpc, dep, "WETH", int(m["feed_price_wad"]) * 9 // 10 // WAD)
    bark_unsafe(rpc, dep)
    tic, top = clip.call(rpc, "sales", 1)[4:]
    tab, lot = clip.call(rpc, "sales", 1)[1:3]
    k = Wallet(rpc, "0x" + "42" * 32)
    rpc.request("anvil_setBalance", k.address, hex(10 * WAD))
    k.transact(dai, "mint", k.address, 100_000 * WAD, gas=200_000)
    price = top * ((7200 - 3600) * RAY // 7200) // RAY
    slc = min(lot, tab // price)
    owe = tab if slc * price > tab else slc * price
    if slc * price > tab:
        slc = owe // price
    wad_in = -(-owe // RAY)  # owe rounded up to whole DAI wei
    k.transact(dai, "approve", dai_join.address, wad_in, gas=100_000)
    k.transact(dai_join, "join", k.address, wad_in, gas=200_000)
    k.transact(vat, "hope", clip.address, gas=100_000)
    at(rpc, tic + 3600)  # half of tau: price = top / 2
    k.transact(clip, "take", 1, lot, price, k.address, b"", gas=1_000_000)
    assert vat.call(rpc, "gem", ETH_A, k.address) == slc
    k.transact(gem_join, "exit", k.address, slc, gas=200_000)
    assert weth.call(rpc, "balanceOf", k.address) == slc
    left = vat.call(rpc, "dai", k.address)
    assert left == wad_in * RAY - owe and left < RAY  # less than one DAI wei of dust stays in the vat
    assert dai.call(rpc, "balanceOf", k.address) == 100_000 * WAD - wad_in
    assert list(clip.call(rpc, "list")) == [2]


def test_maker_liquidator_strategy_takes_and_sells_through_the_executor(rpc: Any, dep: dict[str, Any], contracts: Any) -> None:
    """contracts/strategies/MakerLiquidator via the executor: Aave flash DAI = owe rounded up, take the whole lot at
    half of tau, sell the WETH on venue A; the owner's DAI gain equals the V2 output minus the loan and its premium."""
    from eth_abi import encode
    from eth_hash.auto import keccak

    from devnet.client import Contract
    from devnet.maker_standins import artifact, bark_unsafe
    from devnet.market import move_price
    from devnet.tests.contracts_lib import AAVE_SIMPLE, HOP_T, V2, Env, aave_premium, hop, plan, reserves, v2_out

    env = Env(rpc, dep, contracts)
    m = dep["maker"]
    clip, vat = Contract(m["clipper"], artifact("Clipper").abi), Contract(m["vat"], artifact("Vat").abi)
    move_price(rpc, dep, "WETH", int(m["feed_price_wad"]) * 9 // 10 // WAD)
    bark_unsafe(rpc, dep)
    tic, top = clip.call(rpc, "sales", 1)[4:]
    tab, lot = clip.call(rpc, "sales", 1)[1:3]
    price = top * ((7200 - 3600) * RAY // 7200) // RAY
    assert lot * price < tab  # the whole lot, no tab cap
    owe = lot * price
    amount = -(-owe // RAY)
    weth, daitok = env.tok["WETH"], env.tok["DAI"]
    pair = env.pair["uniswap_v2_a:WETH/DAI"]
    ri, ro = reserves(rpc, pair, weth, daitok)
    out = v2_out(lot, ri, ro)
    data = encode(["address", "address", "address", "uint256", "uint256", "uint256", HOP_T + "[]"],
                  [m["clipper"], m["dai_join"], m["gem_join"], 1, lot, price, [hop(V2, pair.address, weth, daitok)]])
    params = plan(AAVE_SIMPLE, env.aave, daitok, amount, daitok, 1, data)
    env.prime_owner("DAI")
    before = env.bal("DAI", env.owner.address)
    at(rpc, tic + 3600)
    env.execute(keccak(b"MakerLiquidator"), params)
    assert env.bal("DAI", env.owner.address) - before == out - amount - aave_premium(amount)
    assert list(clip.call(rpc, "list")) == [2]
    strat = dep["executor"]["strategies"]["MakerLiquidator"]["address"]
    assert vat.call(rpc, "dai", strat) < RAY and vat.call(rpc, "gem", ETH_A, strat) == 0
    assert env.bal("WETH", strat) == 0 and env.bal("DAI", strat) == 0 and env.bal("DAI", env.executor.address) == 0


def test_market_advance_time_moves_the_clock_and_mines(devnet: Any, rpc: Any, capsys: Any) -> None:
    """`python -m devnet.market advance-time` (the demo lets Maker auction prices decay with it)."""
    from devnet.market import main

    before = rpc.request("eth_getBlockByNumber", "latest", False)
    assert main(["--deployment", str(devnet.deployment_path), "--rpc-url", devnet.url,
                 "advance-time", "--seconds", "2400"]) == 0
    after = rpc.request("eth_getBlockByNumber", "latest", False)
    assert int(after["number"], 16) == int(before["number"], 16) + 1
    assert int(after["timestamp"], 16) >= int(before["timestamp"], 16) + 2400
    assert f"block {int(after['number'], 16)} at timestamp" in capsys.readouterr().out
