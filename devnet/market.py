"""The deterministic demo market and its CLI.

Seeding (`seed`, called by the deployer): a liquidity provider (a fixed extra key, funded with
anvil_setBalance) mints the test tokens and fills Uniswap V2 pools on two venues and Uniswap V3
pools (several fee tiers, concentrated positions over many ticks), supplies Aave, and five
borrowers (fixed extra keys) open positions at health factors 1.05, 1.2, 1.5, 3.0 and 1.3.

Planted opportunities (exact numbers in devnet/README.md):
  (a) cross-venue spread: WETH/USDC on venue B is priced 1% above every other WETH/USDC pool;
  (b) triangle: venue A's USDC/DAI pool gives 1.02 DAI per USDC, so WETH->USDC->DAI->WETH on
      venue A gains ~1.08% at the margin after three 0.3% fees.
Everything else is priced fairly at INITIAL_PRICES. `planted_opportunities` computes the optimal
sizes and profits from the seeded reserves (recorded in deployment.json under market).

CLI:
  python -m devnet.market move-price --asset WETH --price 1800   # swap the oracle feed
  python -m devnet.market status                                 # borrowers' HFs, pool prices
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from eth_hash.auto import keccak

from .artifacts import DEVNET_DIR, load, log
from .client import Contract, RpcClient, Wallet

if TYPE_CHECKING:
    from .deploy import Deployer

MAX_UINT = 2**256 - 1
_ERC20_ABI = [
    {"type": "function", "name": n, "stateMutability": "nonpayable", "inputs": [{"name": "a", "type": "address"}, {"name": "v", "type": "uint256"}],
     "outputs": [{"name": "", "type": "bool"}]} for n in ("approve", "mint", "transfer")
] + [{"type": "function", "name": "balanceOf", "stateMutability": "view", "inputs": [{"name": "a", "type": "address"}],
      "outputs": [{"name": "", "type": "uint256"}]}]
DEADLINE = 2**63
#: Fair USD prices (the Aave oracle starts here; fair pools are priced from these).
INITIAL_PRICES = {"WETH": 2000, "USDC": 1, "DAI": 1, "WBTC": 60000}

#: V2 pools: venue -> [(tokenA, amountA, tokenB, amountB)] in whole tokens.
V2_POOLS: dict[str, list[tuple[str, int, str, int]]] = {
    "uniswap_v2_a": [
        ("WETH", 20_000, "USDC", 40_000_000),     # fair: 2000 USDC/WETH
        ("WETH", 5_000, "DAI", 10_000_000),       # fair: 2000 DAI/WETH
        ("USDC", 10_000_000, "DAI", 10_200_000),  # TRIANGLE LEG: 1.02 DAI per USDC (DAI 2% cheap)
        ("WBTC", 50, "WETH", 1_500),              # fair: 30 WETH/WBTC
    ],
    "uniswap_v2_b": [
        ("WETH", 20_000, "USDC", 40_400_000),     # SPREAD: 2020 USDC/WETH, 1% above every other pool
        ("WETH", 500, "DAI", 1_000_000),          # fair
        ("WBTC", 20, "WETH", 600),                # fair
    ],
}

#: V3 pools: (tokenA, tokenB, fee, WETH-equivalent size per position unit). Fair prices.
V3_POOLS = [("WETH", "USDC", 500, 100), ("WETH", "USDC", 3000, 100), ("WETH", "DAI", 3000, 50), ("WBTC", "WETH", 3000, 50)]
#: Positions per V3 pool: (lower, upper) in tick-spacing multiples around the current tick
#: (None = full range), and the size multiplier. Several overlapping ranges plus one-sided
#: range orders above and below the price, so swaps cross many initialized ticks.
V3_POSITIONS: list[tuple[Optional[tuple[int, int]], int]] = [
    (None, 2), ((-80, 80), 2), ((-20, 20), 2), ((-5, 5), 1), ((1, 10), 1), ((-10, -1), 1),
]
TICK_SPACING = {100: 1, 500: 10, 3000: 60, 10000: 200}
MIN_TICK, MAX_TICK = -887272, 887272

#: Aave borrowers: (label, collateral, collateral amount, debt asset, target health factor).
BORROWERS = [
    ("borrower_hf_1_05", "WETH", 10, "USDC", Fraction(105, 100)),
    ("borrower_hf_1_2", "WETH", 10, "USDC", Fraction(12, 10)),
    ("borrower_hf_1_5", "WETH", 10, "USDC", Fraction(15, 10)),
    ("borrower_hf_3_0", "WETH", 10, "USDC", Fraction(3, 1)),
    ("borrower_wbtc_hf_1_3", "WBTC", 1, "DAI", Fraction(13, 10)),
]
#: Aave liquidity from the LP, whole tokens.
AAVE_SUPPLY = {"USDC": 2_000_000, "DAI": 2_000_000, "WETH": 500, "WBTC": 20}


def extra_key(label: str) -> str:
    """A fixed, public private key for a devnet role (LP, borrowers): keccak of a label."""
    return "0x" + keccak(f"defi-devnet/{label}".encode()).hex()


def units(amount: int | Fraction, decimals: int) -> int:
    return int(Fraction(amount) * 10**decimals)


def sqrt_price_x96(amount0: int, amount1: int) -> int:
    """sqrtPriceX96 for a raw price amount1/amount0."""
    return math.isqrt(amount1 * 2**192 // amount0)


def tick_at(amount0: int, amount1: int) -> int:
    return math.floor(math.log(amount1 / amount0) / math.log(1.0001))


class Seeder:
    """Fills the pools and opens the Aave positions; records everything into the deployment."""

    def __init__(self, d: "Deployer") -> None:
        self.d = d
        self.rpc = d.rpc
        self.tokens = {s: d.contracts[s] for s in ("WETH", "USDC", "DAI", "WBTC")}
        self.decimals = {s: t["decimals"] for s, t in d.record["tokens"].items()}
        self.lp = self.funded_wallet("liquidity_provider", 10_000_000 * 10**18)

    def funded_wallet(self, label: str, wei: int) -> Wallet:
        wallet = Wallet(self.rpc, extra_key(label))
        self.rpc.request("anvil_setBalance", wallet.address, hex(wei))
        self.d.record.setdefault("roles", {})[label] = {"address": wallet.address, "private_key": wallet.key}
        return wallet

    def raw(self, symbol: str, amount: int | Fraction) -> int:
        return units(amount, self.decimals[symbol])

    def give(self, wallet: Wallet, symbol: str, amount: int | Fraction) -> None:
        """Mint test tokens (or wrap ETH for WETH) to `wallet`."""
        raw = self.raw(symbol, amount)
        if symbol == "WETH":
            wallet.transact(self.tokens["WETH"], "deposit", value=raw, gas=100_000)
        else:
            wallet.transact(self.tokens[symbol], "mint(address,uint256)", wallet.address, raw, gas=200_000)

    def approve_all(self, wallet: Wallet, spenders: list[str], symbols: list[str]) -> None:
        for symbol in symbols:
            for spender in spenders:
                wallet.transact(self.tokens[symbol], "approve", spender, MAX_UINT, gas=100_000)

    # -------------------------------------------------------------- Uniswap V2

    def v2_pools(self) -> None:
        pair_abi = load("sushi/UniswapV2Pair").abi
        for venue, pools in V2_POOLS.items():
            info = self.d.record["venues"][venue]
            router = self.d.contracts[f"{venue}_router"]
            factory = self.d.contracts[f"{venue}_factory"]
            for a, amount_a, b, amount_b in pools:
                ta, tb = self.tokens[a], self.tokens[b]
                self.lp.transact(router, "addLiquidity", ta.address, tb.address, self.raw(a, amount_a), self.raw(b, amount_b),
                                 0, 0, self.lp.address, DEADLINE, gas=4_000_000)
                pair = Contract(factory.call(self.rpc, "getPair", ta.address, tb.address), pair_abi, "pair")
                expected = self.create2_pair(factory.address, ta.address, tb.address, info["init_code_hash"])
                assert pair.address == expected, f"{venue}: pair {pair.address} != CREATE2 {expected}"
                token0 = pair.call(self.rpc, "token0")
                r0, r1, _ = pair.call(self.rpc, "getReserves")
                s0, s1 = (a, b) if token0 == ta.address else (b, a)
                self.d.record["pools"][f"{venue}:{a}/{b}"] = {
                    "venue": venue, "kind": "uniswap_v2", "address": pair.address, "fee_bps": info["fee_bps"],
                    "token0": s0, "token1": s1, "reserve0": str(r0), "reserve1": str(r1),
                    "price": f"{amount_b / amount_a:.6g} {b} per {a}",
                }

    @staticmethod
    def create2_pair(factory: str, token_a: str, token_b: str, init_hash: str) -> str:
        from eth_utils import to_checksum_address

        t0, t1 = sorted([token_a.lower(), token_b.lower()])
        salt = keccak(bytes.fromhex(t0[2:]) + bytes.fromhex(t1[2:]))
        digest = keccak(b"\xff" + bytes.fromhex(factory[2:]) + salt + bytes.fromhex(init_hash[2:]))
        return to_checksum_address(digest[12:])

    # -------------------------------------------------------------- Uniswap V3

    def v3_pools(self) -> None:
        npm = self.d.contracts["uniswap_v3_position_manager"]
        factory = self.d.contracts["uniswap_v3_factory"]
        pool_abi = load("uniswap_v3/UniswapV3Pool").abi
        for a, b, fee, size in V3_POOLS:
            ta, tb = self.tokens[a], self.tokens[b]
            (s0, t0), (s1, t1) = sorted([(a, ta), (b, tb)], key=lambda x: int(x[1].address, 16))
            # fair raw price: token1 raw units per token0 raw unit
            unit0, unit1 = self.raw(s0, 1), self.raw(s1, 1)
            price_num = INITIAL_PRICES[s0] * unit1
            price_den = INITIAL_PRICES[s1] * unit0
            sqrt_p = sqrt_price_x96(price_den, price_num)
            self.lp.transact(npm, "createAndInitializePoolIfNecessary", t0.address, t1.address, fee, sqrt_p, gas=6_000_000)
            pool = Contract(factory.call(self.rpc, "getPool", t0.address, t1.address, fee), pool_abi, "v3pool")
            spacing = TICK_SPACING[fee]
            current = tick_at(price_den, price_num)
            base = (current // spacing) * spacing
            weth_usd = INITIAL_PRICES["WETH"]
            positions = []
            for rng, mult in V3_POSITIONS:
                if rng is None:
                    lower, upper = (MIN_TICK // spacing + 1) * spacing, (MAX_TICK // spacing) * spacing
                else:
                    lower, upper = base + rng[0] * spacing, base + rng[1] * spacing
                usd = size * mult * weth_usd
                amount0 = self.raw(s0, Fraction(usd, INITIAL_PRICES[s0]))
                amount1 = self.raw(s1, Fraction(usd, INITIAL_PRICES[s1]))
                receipt = self.lp.transact(npm, "mint", (t0.address, t1.address, fee, lower, upper, amount0, amount1, 0, 0,
                                                         self.lp.address, DEADLINE), gas=1_500_000)
                positions.append({"tick_lower": lower, "tick_upper": upper})
                assert receipt["status"] == "0x1"
            slot0 = pool.call(self.rpc, "slot0")
            liquidity = pool.call(self.rpc, "liquidity")
            self.d.record["pools"][f"uniswap_v3:{a}/{b}/{fee}"] = {
                "venue": "uniswap_v3", "kind": "uniswap_v3", "address": pool.address, "fee": fee, "tick_spacing": spacing,
                "token0": s0, "token1": s1, "sqrt_price_x96": str(slot0[0]), "tick": slot0[1], "liquidity": str(liquidity),
                "positions": positions,
                "price": f"{INITIAL_PRICES[a] / INITIAL_PRICES[b]:.6g} {b} per {a}",
            }

    # -------------------------------------------------------------- Aave

    def aave(self) -> None:
        pool = self.d.contracts["aave_pool"]
        for symbol, amount in AAVE_SUPPLY.items():
            self.lp.transact(pool, "supply", self.tokens[symbol].address, self.raw(symbol, amount), self.lp.address, 0, gas=1_000_000)
        risk = {s: r["liquidation_threshold_bps"] for s, r in self.d.record["aave_v3"]["reserves"].items()}
        borrowers = []
        for label, coll, coll_amount, debt, hf in BORROWERS:
            wallet = self.funded_wallet(label, 100 * 10**18)
            self.give(wallet, coll, coll_amount)
            wallet.transact(self.tokens[coll], "approve", pool.address, MAX_UINT, gas=100_000)
            wallet.transact(pool, "supply", self.tokens[coll].address, self.raw(coll, coll_amount), wallet.address, 0, gas=1_000_000)
            coll_usd = Fraction(coll_amount * INITIAL_PRICES[coll])
            debt_usd = coll_usd * Fraction(risk[coll], 10_000) / hf
            debt_amount = self.raw(debt, debt_usd / INITIAL_PRICES[debt])
            wallet.transact(pool, "borrow", self.tokens[debt].address, debt_amount, 2, 0, wallet.address, gas=1_000_000)
            data = pool.call(self.rpc, "getUserAccountData", wallet.address)
            liq_price = Fraction(debt_amount, 10 ** self.decimals[debt]) * INITIAL_PRICES[debt] / (
                coll_amount * Fraction(risk[coll], 10_000))
            borrowers.append({
                "label": label, "address": wallet.address, "private_key": wallet.key,
                "collateral": coll, "collateral_amount": str(self.raw(coll, coll_amount)),
                "debt": debt, "debt_amount": str(debt_amount),
                "health_factor": str(data[5]), "target_health_factor": float(hf),
                "liquidatable_below_price_usd": float(round(liq_price, 2)),
            })
        self.d.record["aave_v3"]["borrowers"] = borrowers

    def run(self) -> None:
        self.give(self.lp, "WETH", 100_000)
        self.give(self.lp, "USDC", 200_000_000)
        self.give(self.lp, "DAI", 50_000_000)
        self.give(self.lp, "WBTC", 500)
        spenders = [self.d.contracts["uniswap_v2_a_router"].address, self.d.contracts["uniswap_v2_b_router"].address,
                    self.d.contracts["uniswap_v3_position_manager"].address, self.d.contracts["aave_pool"].address]
        self.approve_all(self.lp, spenders, list(self.tokens))
        self.v2_pools()
        self.v3_pools()
        self.aave()
        self.d.record["market"] = {"initial_prices_usd": INITIAL_PRICES,
                                   "opportunities": planted_opportunities(self.d.record["pools"])}


def v2_out(amount_in: int, reserve_in: int, reserve_out: int, fee_bps: int = 30) -> int:
    """UniswapV2Library.getAmountOut."""
    with_fee = amount_in * (10_000 - fee_bps)
    return with_fee * reserve_out // (reserve_in * 10_000 + with_fee)


def best_input(profit: Any, hi: int) -> tuple[int, int]:
    """Maximise a unimodal integer function on [0, hi] (ternary search); returns (input, profit)."""
    lo = 0
    while hi - lo > 2:
        m1, m2 = lo + (hi - lo) // 3, hi - (hi - lo) // 3
        if profit(m1) < profit(m2):
            lo = m1
        else:
            hi = m2
    best = max(range(lo, hi + 1), key=profit)
    return best, profit(best)


def planted_opportunities(pools: dict[str, Any]) -> dict[str, Any]:
    """The planted opportunities at the seeded state, with optimal sizes from the exact V2 math."""

    def reserves(key: str, token_in: str) -> tuple[int, int]:
        p = pools[key]
        r0, r1 = int(p["reserve0"]), int(p["reserve1"])
        return (r0, r1) if p["token0"] == token_in else (r1, r0)

    a_in, a_out = reserves("uniswap_v2_a:WETH/USDC", "USDC")   # buy WETH with USDC on A
    b_in, b_out = reserves("uniswap_v2_b:WETH/USDC", "WETH")   # sell WETH for USDC on B

    def spread_profit(x: int) -> int:
        return v2_out(v2_out(x, a_in, a_out), b_in, b_out) - x

    x, p = best_input(spread_profit, 10**6 * 10**6)
    legs = [reserves("uniswap_v2_a:WETH/USDC", "WETH"), reserves("uniswap_v2_a:USDC/DAI", "USDC"),
            reserves("uniswap_v2_a:WETH/DAI", "DAI")]

    def triangle_profit(x: int) -> int:
        amount = x
        for r_in, r_out in legs:
            amount = v2_out(amount, r_in, r_out)
        return amount - x

    tx, tp = best_input(triangle_profit, 1_000 * 10**18)
    return {
        "cross_venue_spread": {
            "pair": "WETH/USDC", "cheap_pool": "uniswap_v2_a:WETH/USDC (2000 USDC/WETH)",
            "rich_pool": "uniswap_v2_b:WETH/USDC (2020 USDC/WETH)", "mid_price_spread_bps": 100,
            "path": "USDC -> WETH on uniswap_v2_a, WETH -> USDC on uniswap_v2_b",
            "optimal_usdc_in": str(x), "max_profit_usdc": str(p),
        },
        "triangle": {
            "path": ["WETH", "USDC", "DAI", "WETH"], "venue": "uniswap_v2_a",
            "mispriced_pool": "uniswap_v2_a:USDC/DAI (1.02 DAI per USDC)", "gross_edge_bps": 200,
            "optimal_weth_in": str(tx), "max_profit_weth": str(tp),
        },
    }


def seed(d: "Deployer") -> None:
    """Seed the demo market on a freshly deployed devnet."""
    Seeder(d).run()


# ------------------------------------------------------------------------------ CLI


def load_deployment(path: Optional[Path]) -> dict[str, Any]:
    file = path or DEVNET_DIR / "run" / "deployment.json"
    if not file.exists():
        raise SystemExit(f"devnet: no deployment at {file}; start the devnet with devnet/up.sh")
    return json.loads(file.read_text())


def health_factors(rpc: RpcClient, dep: dict[str, Any]) -> list[tuple[str, str, float]]:
    pool = Contract(dep["aave_v3"]["pool"], load("aave_v3/PoolInstance").abi)
    out = []
    for b in dep["aave_v3"].get("borrowers", []):
        hf = pool.call(rpc, "getUserAccountData", b["address"])[5]
        out.append((b["label"], b["address"], hf / 1e18))
    return out


def move_price(rpc: RpcClient, dep: dict[str, Any], asset: str, price: float) -> str:
    """Point the Aave oracle's `asset` source at a new MockAggregator answering `price` USD."""
    aave = dep["aave_v3"]
    if asset not in aave["price_feeds"]:
        raise SystemExit(f"devnet: unknown asset {asset}; known: {', '.join(aave['price_feeds'])}")
    admin = aave["pool_admin"]
    key = next(a["private_key"] for a in dep["accounts"] if a["address"] == admin)
    wallet = Wallet(rpc, key)
    feed = wallet.deploy(load("aave_v3/MockAggregator"), int(round(price * 10**8)), gas=1_000_000)
    oracle = Contract(aave["oracle"], load("aave_v3/AaveOracle").abi)
    wallet.transact(oracle, "setAssetSources", [dep["tokens"][asset]["address"]], [feed.address], gas=500_000)
    assert oracle.call(rpc, "getAssetPrice", dep["tokens"][asset]["address"]) == int(round(price * 10**8))
    move_maker_price(rpc, dep, asset, price)
    return feed.address


# --- makerliq: the dss stand-ins' feed follows move-price for WETH ---
def move_maker_price(rpc: RpcClient, dep: dict[str, Any], asset: str, price: float) -> None:
    """Poke the Maker stand-in pip (ETH-A over WETH) to `price` USD and spotter.poke, when it is deployed."""
    m = dep.get("maker")
    if not m or asset != "WETH":
        return
    from .maker_standins import deploy_key_wallet_price

    deploy_key_wallet_price(rpc, dep, m, int(round(price * 10**8)) * 10**10)


def _send_batch(rpc: RpcClient, raws: list[str]) -> list[str]:
    """Send signed raw transactions as one JSON-RPC batch (automine: one block each, in order); tx hashes."""
    body = [{"jsonrpc": "2.0", "id": i, "method": "eth_sendRawTransaction", "params": [r]} for i, r in enumerate(raws)]
    replies = sorted(rpc._post(json.dumps(body).encode()), key=lambda r: r["id"])
    bad = [r["error"] for r in replies if "error" in r]
    if bad:
        raise SystemExit(f"devnet: seeding transaction refused: {bad[0]}")
    hashes = [r["result"] for r in replies]
    body = [{"jsonrpc": "2.0", "id": i, "method": "eth_getTransactionReceipt", "params": [h]} for i, h in enumerate(hashes)]
    receipts = sorted(rpc._post(json.dumps(body).encode()), key=lambda r: r["id"])
    failed = [h for h, r in zip(hashes, receipts) if (r.get("result") or {}).get("status") != "0x1"]
    if failed:
        raise SystemExit(f"devnet: {len(failed)} seeding transactions failed, first {failed[0]}")
    return hashes


def _signed(wallet: Wallet, contract: Contract, name: str, *args: Any, gas: int) -> str:
    """Sign a call from `wallet` at its local nonce (no send); advances the nonce."""
    if wallet.nonce is None:
        wallet.nonce = int(wallet.rpc.request("eth_getTransactionCount", wallet.address, "pending"), 16)
    tx = {"type": 2, "chainId": wallet.chain_id, "nonce": wallet.nonce, "gas": gas,
          "maxPriorityFeePerGas": Wallet.PRIORITY_FEE, "maxFeePerGas": 50 * 10**9, "value": 0,
          "data": contract.calldata(name, *args), "to": contract.address}
    wallet.nonce += 1
    return "0x" + bytes(wallet.account.sign_transaction(tx).raw_transaction).hex()


def bulk_hf(i: int) -> Fraction:
    """Target health factor of bulk borrower i: 1.04 .. 3.00 spread (borrowing stops at the 80% LTV, HF 1.031) deterministically over the index."""
    return Fraction(104, 100) + Fraction((i * 7919) % 1000, 1000) * Fraction(196, 100)


def seed_borrowers(rpc: RpcClient, dep: dict[str, Any], count: int, batch: int = 50) -> dict[str, Any]:
    """Open `count` extra Aave positions (1 WETH collateral, USDC debt at health factors 1.04-3.00).

    A funder (fixed extra key) wraps the WETH once and supplies it on behalf of each borrower (Aave
    enables it as collateral for them); each borrower (fixed extra key `bulk_borrower_<i>`, gas
    money via anvil_setBalance) then borrows USDC itself. Transactions go out in JSON-RPC batches
    of `batch`, so 1,000 positions are ~2,000 transactions. Idempotent per index only in the sense
    that the keys are fixed: run it once per chain.
    """
    aave = dep["aave_v3"]
    pool = Contract(aave["pool"], load("aave_v3/PoolInstance").abi)
    weth = Contract(dep["tokens"]["WETH"]["address"], _ERC20_ABI)
    usdc = Contract(dep["tokens"]["USDC"]["address"], _ERC20_ABI)
    funder = Wallet(rpc, extra_key("bulk_funder"))
    rpc.request("anvil_setBalance", funder.address, hex(10**9 * 10**18))
    funder.send(weth.address, b"", value=count * 10**18, gas=100_000)  # WETH9 fallback = deposit
    funder.transact(weth, "approve", pool.address, MAX_UINT, gas=100_000)
    # Extra USDC liquidity so the borrows do not drain the reserve.
    funder.transact(usdc, "mint", funder.address, 2_000 * count * 10**6, gas=200_000)
    funder.transact(usdc, "approve", pool.address, MAX_UINT, gas=100_000)
    funder.transact(pool, "supply", usdc.address, 2_000 * count * 10**6, funder.address, 0, gas=1_000_000)
    threshold = Fraction(aave["reserves"]["WETH"]["liquidation_threshold_bps"], 10_000)
    borrowers = []
    for start in range(0, count, batch):
        idx = range(start, min(count, start + batch))
        wallets = [Wallet(rpc, extra_key(f"bulk_borrower_{i}")) for i in idx]
        body = [{"jsonrpc": "2.0", "id": k, "method": "anvil_setBalance", "params": [w.address, hex(10**18)]}
                for k, w in enumerate(wallets)]
        rpc._post(json.dumps(body).encode())
        _send_batch(rpc, [_signed(funder, pool, "supply", weth.address, 10**18, w.address, 0, gas=1_000_000)
                          for w in wallets])
        raws = []
        for i, w in zip(idx, wallets):
            hf = bulk_hf(i)
            debt = int(Fraction(INITIAL_PRICES["WETH"]) * threshold / hf * 10**6)
            w.nonce = 0
            raws.append(_signed(w, pool, "borrow", usdc.address, debt, 2, 0, w.address, gas=1_000_000))
            borrowers.append({"index": i, "address": w.address, "target_health_factor": float(hf), "debt_usdc": str(debt)})
        _send_batch(rpc, raws)
        log(f"seeded {min(count, start + batch)}/{count} borrowers")
    return {"count": count, "borrowers": borrowers}


def main(argv: Optional[list[str]] = None) -> int:
    from .artifacts import ensure_artifacts

    parser = argparse.ArgumentParser(prog="python -m devnet.market", description="inspect and move the devnet demo market")
    parser.add_argument("--deployment", type=Path, help="deployment.json (default devnet/run/deployment.json)")
    parser.add_argument("--rpc-url", help="default: the deployment's rpc_url")
    sub = parser.add_subparsers(dest="command", required=True)
    mp = sub.add_parser("move-price", help="replace an asset's Aave oracle feed")
    mp.add_argument("--asset", required=True, help="WETH, USDC, DAI or WBTC")
    mp.add_argument("--price", required=True, type=float, help="new USD price")
    sub.add_parser("status", help="print oracle prices and borrowers' health factors")
    sb = sub.add_parser("seed-borrowers", help="open N extra Aave positions (1 WETH / USDC debt, HF 1.04-3.00)")
    sb.add_argument("--count", type=int, default=1000)
    sb.add_argument("--out", type=Path, help="write the borrowers (address, target HF) as JSON here")
    sub.add_parser("maker-bark", help="bark every unsafe Maker stand-in vault (dog.bark, deployer as keeper)")
    at = sub.add_parser("advance-time", help="move the chain clock forward and mine a block (auction prices decay)")
    at.add_argument("--seconds", required=True, type=int)
    args = parser.parse_args(argv)
    ensure_artifacts()
    dep = load_deployment(args.deployment)
    rpc = RpcClient(args.rpc_url or dep["rpc_url"])
    if args.command == "seed-borrowers":
        result = seed_borrowers(rpc, dep, args.count)
        if args.out:
            args.out.write_text(json.dumps(result, indent=1) + "\n")
        return 0
    if args.command == "advance-time":
        rpc.request("evm_increaseTime", args.seconds)
        rpc.request("evm_mine")
        block = rpc.request("eth_getBlockByNumber", "latest", False)
        print(f"block {int(block['number'], 16)} at timestamp {int(block['timestamp'], 16)}")
        return 0
    if args.command == "maker-bark":  # makerliq
        from .maker_standins import bark_unsafe

        for owner, auction in bark_unsafe(rpc, dep):
            print(f"barked {owner} auction {auction}")
        return 0
    if args.command == "move-price":
        feed = move_price(rpc, dep, args.asset, args.price)
        log(f"{args.asset} oracle price set to {args.price} USD (feed {feed})")
    oracle = Contract(dep["aave_v3"]["oracle"], load("aave_v3/AaveOracle").abi)
    for symbol, token in dep["tokens"].items():
        print(f"price {symbol:5} {oracle.call(rpc, 'getAssetPrice', token['address']) / 1e8:>12.2f} USD")
    for label, address, hf in health_factors(rpc, dep):
        flag = "LIQUIDATABLE" if hf < 1 else ""
        print(f"{label:22} {address} HF {hf:8.4f} {flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
