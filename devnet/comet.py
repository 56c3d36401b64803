"""Compound III (Comet) on the devnet: our Vyper stand-in (no Comet bytecode is obtainable here), a USDC-base
market with WETH and WBTC collateral, prices from Chainlink-style feeds over the Aave oracle (so
`devnet.market move-price` moves Comet's prices too), and a few seeded borrowers at varied health.

Called from `devnet.deploy.build` as its last phase (after the demo market, so no earlier address moves).
The record goes to deployment.json under `compound_v3` (with `"standin": true`) and `defi.yaml` gets
`protocols.compound_v3: {comet, deployment_block}`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .artifacts import DEVNET_DIR, log
from . import artifacts as art
from .client import Contract, RpcClient, Wallet

if TYPE_CHECKING:
    from .deploy import Deployer

STANDIN_DIR = DEVNET_DIR / "standins" / "comet"
MAX_UINT = 2**256 - 1

#: Market settings, close to mainnet cUSDCv3 (factors 1e18).
TARGET_RESERVES = 5_000_000 * 10**6          # far above the reserves here, so absorbed collateral is for sale
BASE_BORROW_MIN = 100 * 10**6
STORE_FRONT_PRICE_FACTOR = 6 * 10**17        # 0.6
#: [kink, slopeLow, slopeHigh, base] per year, 1e18.
SUPPLY_RATES = [9 * 10**17, 59 * 10**15, 29 * 10**17, 0]
BORROW_RATES = [9 * 10**17, 61 * 10**15, 32 * 10**17, 15 * 10**15]
#: symbol -> (borrowCF, liquidateCF, liquidationFactor, supply cap in whole tokens)
COLLATERAL = {
    "WETH": (825 * 10**15, 895 * 10**15, 95 * 10**16, 100_000),
    "WBTC": (70 * 10**16, 77 * 10**16, 95 * 10**16, 10_000),
}
#: USDC the LP supplies (the borrowable liquidity).
LP_SUPPLY_USDC = 2_000_000
#: Reserves seeded by a plain transfer (at low utilization the supply side earns more than borrowers pay).
SEED_RESERVES_USDC = 50_000
#: Seeded borrowers: (label, collateral, amount in whole tokens, USDC debt in whole tokens).
#: At the initial prices (WETH 2000, WBTC 60000) all are collateralized; liquidatable below:
#: hf_1_05 ~1787.7 (WETH), hf_1_3 ~1452.7, hf_2_0 ~1005.6, wbtc ~51,948 (WBTC).
BORROWERS = [
    ("comet_borrower_hf_1_05", "WETH", 10, 16_000),
    ("comet_borrower_hf_1_3", "WETH", 10, 13_000),
    ("comet_borrower_hf_2_0", "WETH", 10, 9_000),
    ("comet_borrower_wbtc", "WBTC", 1, 40_000),
]


def deploy_comet(d: "Deployer", seed_borrowers: bool = True) -> None:
    """Deploy the feeds and the stand-in, supply LP liquidity and open the seeded positions."""
    from .market import extra_key

    rpc: RpcClient = d.rpc
    oracle = d.record["aave_v3"]["oracle"]
    tokens = d.record["tokens"]
    feed_art = art.compile_vyper(STANDIN_DIR / "OracleFeed.vy")
    feeds = {}
    for symbol in ("USDC", *COLLATERAL):
        feeds[symbol] = d.add(f"comet_feed_{symbol}", d.wallet.deploy(feed_art, oracle, tokens[symbol]["address"],
                                                                       gas=1_000_000))
    assets = []
    for symbol, (bcf, lcf, lf, cap) in COLLATERAL.items():
        dec = tokens[symbol]["decimals"]
        assets.append((tokens[symbol]["address"], feeds[symbol].address, dec, bcf, lcf, lf, cap * 10**dec))
    comet_art = art.compile_vyper(STANDIN_DIR / "CometStandIn.vy")
    comet = d.add("comet", d.wallet.deploy(comet_art, tokens["USDC"]["address"], feeds["USDC"].address,
                                           BASE_BORROW_MIN, TARGET_RESERVES, STORE_FRONT_PRICE_FACTOR,
                                           SUPPLY_RATES, BORROW_RATES, assets, gas=8_000_000))
    receipt_block = int(rpc.request("eth_blockNumber"), 16)
    assert comet.call(rpc, "numAssets") == len(COLLATERAL)
    record: dict[str, Any] = {
        "standin": True,
        "source": "devnet/standins/comet/CometStandIn.vy",
        "comet": comet.address,
        "deployment_block": receipt_block,
        "base_token": tokens["USDC"]["address"],
        "price_feeds": {s: f.address for s, f in feeds.items()},
        "target_reserves": str(TARGET_RESERVES),
        "store_front_price_factor": str(STORE_FRONT_PRICE_FACTOR),
        "base_borrow_min": str(BASE_BORROW_MIN),
        "collateral": {s: {"asset": tokens[s]["address"], "borrow_collateral_factor": str(c[0]),
                           "liquidate_collateral_factor": str(c[1]), "liquidation_factor": str(c[2]),
                           "supply_cap": str(c[3] * 10 ** tokens[s]["decimals"])} for s, c in COLLATERAL.items()},
        "borrowers": [],
    }
    d.record["compound_v3"] = record
    if not seed_borrowers:
        return
    usdc = d.contracts["USDC"]
    lp = Wallet(rpc, extra_key("comet_liquidity_provider"))
    rpc.request("anvil_setBalance", lp.address, hex(1000 * 10**18))
    d.record.setdefault("roles", {})["comet_liquidity_provider"] = {"address": lp.address, "private_key": lp.key}
    lp.transact(usdc, "mint(address,uint256)", lp.address, LP_SUPPLY_USDC * 10**6, gas=200_000)
    lp.transact(usdc, "approve", comet.address, MAX_UINT, gas=100_000)
    lp.transact(comet, "supply", usdc.address, LP_SUPPLY_USDC * 10**6, gas=500_000)
    # Protocol reserves as governance seeds them (a plain transfer): positive, below targetReserves.
    lp.transact(usdc, "mint(address,uint256)", comet.address, SEED_RESERVES_USDC * 10**6, gas=200_000)
    for label, symbol, amount, debt in BORROWERS:
        w = Wallet(rpc, extra_key(label))
        rpc.request("anvil_setBalance", w.address, hex(100 * 10**18))
        token = d.contracts[symbol]
        raw = amount * 10 ** tokens[symbol]["decimals"]
        if symbol == "WETH":
            w.transact(token, "deposit", value=raw, gas=100_000)
        else:
            w.transact(token, "mint(address,uint256)", w.address, raw, gas=200_000)
        w.transact(token, "approve", comet.address, MAX_UINT, gas=100_000)
        w.transact(comet, "supply", token.address, raw, gas=500_000)
        w.transact(comet, "withdraw", usdc.address, debt * 10**6, gas=800_000)
        bcf, lcf, lf, cap = COLLATERAL[symbol]
        from .market import INITIAL_PRICES
        liq_price = Fraction(debt) / (amount * Fraction(lcf, 10**18))
        record["borrowers"].append({
            "label": label, "address": w.address, "private_key": w.key, "collateral": symbol,
            "collateral_amount": str(raw), "debt": "USDC", "debt_amount": str(debt * 10**6),
            "borrow_balance": str(comet.call(rpc, "borrowBalanceOf", w.address)),
            "liquidatable_below_price_usd": float(round(liq_price, 2)),
            "initial_price_usd": INITIAL_PRICES[symbol],
        })
    log(f"Comet stand-in at {comet.address}: {len(BORROWERS)} borrowers, "
        f"reserves {comet.call(rpc, 'getReserves')}")


def comet_sources() -> list:
    """The stand-in sources (part of the devnet state-cache key)."""
    return sorted(STANDIN_DIR.glob("*.vy"))


def yaml_lines(record: dict[str, Any]) -> list[str]:
    """The `protocols.compound_v3` line of the generated defi.yaml (indented under `protocols:`)."""
    c = record.get("compound_v3")
    if not c:
        return []
    return [f'    compound_v3: {{comet: "{c["comet"]}", deployment_block: {c["deployment_block"]}}}']


def liquidatable(rpc: RpcClient, record: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(label, address, isLiquidatable) of the seeded Comet borrowers."""
    c = record.get("compound_v3")
    if not c:
        return []
    comet = Contract(c["comet"], art.compile_vyper(STANDIN_DIR / "CometStandIn.vy").abi)
    return [(b["label"], b["address"], bool(comet.call(rpc, "isLiquidatable", b["address"]))) for b in c["borrowers"]]
