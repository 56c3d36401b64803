"""Uniswap V2 / V3 quotes from degenbot 0.2.4, an independent Python implementation published on PyPI.

Runs only under .venv-degenbot (degenbot pins web3 6 and scipy < 1.15, which conflict with .venv); generate.py
re-runs itself with that interpreter for this module.

What of degenbot is exercised: its pool classes' pricing methods, fed the generated states directly.
- V2: `LiquidityPool.calculate_tokens_out_from_tokens_in` and `calculate_tokens_in_from_tokens_out` (its
  UniswapV2Library getAmountOut / getAmountIn), with the fee as a `Fraction` (fee_bps / 10000), both directions.
- V3: `V3LiquidityPool.simulate_exact_input_swap` / `simulate_exact_output_swap` (its port of UniswapV3Pool.swap:
  the step loop over TickBitmap.nextInitializedTickWithinOneWord, TickMath, SwapMath.computeSwapStep,
  LiquidityMath.addDelta), which return amount0/amount1 and the final sqrtPrice, tick and liquidity; and, for
  swaps without a price limit, `calculate_tokens_out_from_tokens_in` / `calculate_tokens_in_from_tokens_out`
  (its QuoterV2-like helpers). The tick bitmap is built with degenbot's own `TickBitmap.flipTick`.
degenbot's pool constructors read slot0, tokens, factory and tick words over web3 and cannot run without a node,
so the pools are made with `__new__` and given exactly the attributes those pricing methods read (tokens, fee,
tick spacing, a complete bitmap, the state) - the shortcut degenbot's own tests take (their MockErc20Token,
MockLiquidityPool and MockV3LiquidityPool subclasses have an empty __init__ and get these attributes assigned). Nothing else of degenbot's constructor (RPC reads, address checks, logging) is exercised.
"""
from fractions import Fraction

from degenbot.erc20_token import Erc20Token
from degenbot.exceptions import DegenbotError
from degenbot.uniswap.v2_dataclasses import UniswapV2PoolState
from degenbot.uniswap.v2_liquidity_pool import LiquidityPool
from degenbot.uniswap.v3_dataclasses import UniswapV3BitmapAtWord, UniswapV3LiquidityAtTick, UniswapV3PoolState
from degenbot.uniswap.v3_libraries import TickBitmap, TickMath
from degenbot.uniswap.v3_liquidity_pool import V3LiquidityPool

MIN_TICK, MAX_TICK = TickMath.MIN_TICK, TickMath.MAX_TICK
MIN_SQRT, MAX_SQRT = TickMath.MIN_SQRT_RATIO, TickMath.MAX_SQRT_RATIO
POOL = "0x000000000000000000000000000000000000dE61"
SPACING = {100: 1, 500: 10, 3000: 60, 10000: 200}


def token(address, symbol):
    """An Erc20Token without its constructor's RPC reads (name/symbol/decimals)."""
    t = Erc20Token.__new__(Erc20Token)
    t.address, t.symbol, t.name, t.decimals = address, symbol, symbol, 18
    return t


TOKEN0 = token("0x1000000000000000000000000000000000000000", "T0")
TOKEN1 = token("0x2000000000000000000000000000000000000000", "T1")


def v2_pool(fee_bps, reserve0, reserve1):
    """A degenbot V2 LiquidityPool holding (reserve0, reserve1) with fee fee_bps / 10000 on both tokens."""
    p = LiquidityPool.__new__(LiquidityPool)
    p.address, p.name = POOL, "T0-T1 (V2)"
    p.token0, p.token1, p.tokens = TOKEN0, TOKEN1, (TOKEN0, TOKEN1)
    p.fee_token0 = p.fee_token1 = Fraction(fee_bps, 10000)
    p.state = UniswapV2PoolState(pool=POOL, reserves_token0=reserve0, reserves_token1=reserve1)
    return p


def v3_pool(fee, spacing, sqrt_price, tick, liquidity, nets):
    """A degenbot V3LiquidityPool with a complete tick bitmap (built by its TickBitmap.flipTick) and tick data."""
    bitmap, data = {}, {}
    for t, net in nets.items():
        word, _ = TickBitmap.position(t // spacing)
        bitmap.setdefault(word, UniswapV3BitmapAtWord())
        TickBitmap.flipTick(bitmap, t, spacing)
        data[t] = UniswapV3LiquidityAtTick(liquidityNet=net, liquidityGross=abs(net))
    p = V3LiquidityPool.__new__(V3LiquidityPool)
    p.address, p.name = POOL, "T0-T1 (V3)"
    p.token0, p.token1, p.tokens = TOKEN0, TOKEN1, (TOKEN0, TOKEN1)
    p._fee, p._tick_spacing = fee, spacing
    p._sparse_bitmap = False  # the bitmap is complete: missing words are empty, never fetched
    p.state = UniswapV3PoolState(pool=POOL, liquidity=liquidity, sqrt_price_x96=sqrt_price, tick=tick,
                                 tick_bitmap=bitmap, tick_data=data)
    return p


def _log_uniform(rng, lo, hi):
    """An integer in [lo, hi] whose bit length is uniform, so every magnitude is covered."""
    bits = rng.randrange(lo.bit_length(), hi.bit_length() + 1)
    return max(lo, min(hi, rng.randrange(1 << (bits - 1), 1 << bits) if bits > 0 else 0))


# ---------------------------------------------------------------- V2
def _v2_cases(rng, n):
    cap = (1 << 112) - 1
    out = []
    for i in range(n):
        r0, r1 = _log_uniform(rng, 1, cap), _log_uniform(rng, 1, cap)
        if i % 10 == 0:
            r0, r1 = rng.choice([(cap, cap), (1, cap), (cap, 1), (1, 1), (cap, 2), (1000, 1000)])
        fee = rng.choice([30, 30, 30, 25, 20, 5, 1, 100, 0, 9999])
        z = rng.random() < 0.5
        rin, rout = (r0, r1) if z else (r1, r0)
        pool = v2_pool(fee, r0, r1)
        tin, tout = (TOKEN0, TOKEN1) if z else (TOKEN1, TOKEN0)
        # exact in: 1 wei up to several times the input reserve (a whole-pool drain is still a valid quote)
        a_in = _log_uniform(rng, 1, max(1, rin * rng.choice([1, 1, 4, 1000])))
        # exact out: 1 wei up to the whole output reserve (reserve itself and beyond must revert)
        a_out = rng.choices([_log_uniform(rng, 1, rout), max(1, rout - 1), rout, rout + rng.randrange(1, 9)],
                            weights=[85, 5, 5, 5])[0]
        c = {"reserve0": str(r0), "reserve1": str(r1), "fee_bps": fee, "zero_for_one": z,
             "amount_in": str(a_in), "amount_out": str(a_out)}
        c["out_given_in"] = str(pool.calculate_tokens_out_from_tokens_in(tin, a_in))
        try:
            c["in_given_out"] = str(pool.calculate_tokens_in_from_tokens_out(a_out, tout))
        except DegenbotError as e:  # LiquidityPoolError: amount out >= reserve out
            c["in_given_out"] = "revert"
            c["in_given_out_error"] = type(e).__name__
        out.append(c)
    return out


# ---------------------------------------------------------------- V3
def _pool_state(rng):
    fee = rng.choice([100, 500, 3000, 10000])
    spacing = SPACING[fee]
    lo_t, hi_t = -(MAX_TICK // spacing) * spacing, (MAX_TICK // spacing) * spacing
    center = rng.choice([0, rng.randrange(-100000, 100000), rng.randrange(-800000, 800000)])
    nets = {}
    positions = []
    # Positions (lower, upper, L) as mint would make them, so liquidityNet is consistent and in-range liquidity
    # never goes negative; many narrow ones near the price so swaps cross many initialized ticks.
    for _ in range(rng.randrange(0, 60)):
        width = spacing * rng.choice([1, 1, 2, 3, 5, 10, 50, 500])
        a = ((center + rng.randrange(-40, 41) * spacing * rng.choice([1, 1, 2, 10])) // spacing) * spacing
        b = a + width * rng.randrange(1, 6)
        a, b = max(lo_t, a), min(hi_t, b)
        if a >= b:
            continue
        L = rng.choice([rng.randrange(10**15, 10**22), rng.randrange(1, 10**6), _log_uniform(rng, 1, 1 << 100)])
        positions.append((a, b, L))
    if rng.random() < 0.7:  # a full-range position
        positions.append((lo_t, hi_t, rng.choice([rng.randrange(10**12, 10**20), rng.randrange(1, 1000)])))
    for a, b, L in positions:
        nets[a] = nets.get(a, 0) + L
        nets[b] = nets.get(b, 0) - L
    nets = {t: v for t, v in nets.items() if v != 0}
    start = max(MIN_TICK, min(MAX_TICK - 1, center + rng.randrange(-5 * spacing, 5 * spacing + 1)))
    if rng.random() < 0.25:  # exactly on a tick boundary (an initialized one when there is one)
        sqrt_price = TickMath.getSqrtRatioAtTick(rng.choice(sorted(nets)) if nets else start)
    else:
        sqrt_price = TickMath.getSqrtRatioAtTick(start) + rng.choice([0, 1, rng.randrange(1 << 40)])
    sqrt_price = max(MIN_SQRT, min(MAX_SQRT - 1, sqrt_price))
    tick = TickMath.getTickAtSqrtRatio(sqrt_price)
    liquidity = sum(L for a, b, L in positions if a <= tick < b)
    return fee, spacing, sqrt_price, tick, liquidity, nets


def _v3_cases(rng, n, pools):
    out = []
    while len(out) < n:
        fee, spacing, sqrt_price, tick, liquidity, nets = _pool_state(rng)
        pool_json = {"sqrtPriceX96": str(sqrt_price), "tick": tick, "liquidity": str(liquidity), "fee": fee,
                     "tickSpacing": spacing, "ticks": [[t, str(v)] for t, v in sorted(nets.items())]}
        pools.append(pool_json)
        for _ in range(4):
            pool = v3_pool(fee, spacing, sqrt_price, tick, liquidity, nets)
            z = rng.random() < 0.5
            exact_in = rng.random() < 0.55
            mag = rng.choice([1, rng.randrange(1, 10**6), _log_uniform(rng, 1, 1 << 90), rng.randrange(10**15, 10**24),
                              _log_uniform(rng, 1, 1 << 200)])
            kind = rng.randrange(5)
            if kind <= 1:
                limit = None  # the quoter's default: MIN_SQRT_RATIO + 1 / MAX_SQRT_RATIO - 1
            elif kind == 2:
                t = tick + (-1 if z else 1) * rng.randrange(1, 40) * spacing
                limit = TickMath.getSqrtRatioAtTick(max(MIN_TICK, min(MAX_TICK, t)))
            elif kind == 3:
                limit = max(0, sqrt_price + (-1 if z else 1) * rng.randrange(1, 1 << rng.randrange(1, 80)))
            else:  # anything, including limits on the wrong side (the pool reverts SPL)
                limit = rng.randrange(MIN_SQRT - 2, MAX_SQRT + 2)
            c = {"pool": len(pools) - 1, "zero_for_one": z, "exact_in": exact_in, "amount": str(mag),
                 "limit": str(limit if limit is not None else (MIN_SQRT + 1 if z else MAX_SQRT - 1)),
                 "default_limit": limit is None}
            tin, tout = (TOKEN0, TOKEN1) if z else (TOKEN1, TOKEN0)
            try:
                if exact_in:
                    r = pool.simulate_exact_input_swap(tin, mag, sqrt_price_limit_x96=limit)
                else:
                    r = pool.simulate_exact_output_swap(tout, mag, sqrt_price_limit_x96=limit)
                f = r.final_state
                c["result"] = {"amount0": str(r.amount0_delta), "amount1": str(r.amount1_delta),
                               "sqrtPriceX96": str(f.sqrt_price_x96), "tick": f.tick, "liquidity": str(f.liquidity)}
            except DegenbotError as e:
                c["result"] = {"revert": str(e), "error": type(e).__name__}
            # Swaps driven to the far end of a spacing-1/10 pool walk thousands of empty bitmap words: keep one in
            # five of those (still ~30), so the Swift debug-build test stays quick.
            moved = abs(c["result"].get("tick", tick) - tick) // (256 * spacing)
            if moved > 500 and rng.random() < 0.8:
                continue
            if limit is None:
                pool = v3_pool(fee, spacing, sqrt_price, tick, liquidity, nets)
                try:
                    q = (pool.calculate_tokens_out_from_tokens_in(tin, mag) if exact_in
                         else pool.calculate_tokens_in_from_tokens_out(tout, mag))
                    c["quote"] = str(q)
                except DegenbotError as e:  # reverts, or (exact out) InsufficientAmountOutError on a partial fill
                    c["quote"] = "revert"
                    c["quote_error"] = type(e).__name__
            out.append(c)
    return out


def generate(rng):
    cases, pools = [], []
    for kind, items in [("v2", _v2_cases(rng, 4000)), ("v3", _v3_cases(rng, 4000, pools))]:
        for c in items:
            c["kind"] = kind
            cases.append(c)
    return {"description": "Uniswap V2 quotes and V3 swap simulations from degenbot 0.2.4 (PyPI)",
            "degenbot": "0.2.4", "pools": pools, "cases": cases}
