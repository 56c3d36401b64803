"""Uniswap V2 / V3 reference results from Python's exact integers (an independent oracle for defi's Swift code).

This module is a reference written from the Solidity sources (degenbot 0.2.4, a published implementation, is the
second oracle: gen_degenbot.py, in its own venv): v2-periphery UniswapV2Library.sol; v3-core TickMath.sol,
SqrtPriceMath.sol, SwapMath.sol, LiquidityMath.sol, TickBitmap.sol and UniswapV3Pool.swap. Where it can, it uses a
different method than the Swift port: getTickAtSqrtRatio is a binary search on getSqrtRatioAtTick (the definition
"greatest tick whose ratio <= price") rather than the log2 bit-twiddling; the next-initialized-tick search scans the
sorted tick list instead of bitmap words.
"""

M256 = 1 << 256
MAX160 = (1 << 160) - 1
Q96 = 1 << 96
Q128 = 1 << 128
MIN_TICK, MAX_TICK = -887272, 887272
MIN_SQRT, MAX_SQRT = 4295128739, 1461446703485210103287273052203988822378723970342


class Revert(Exception):
    pass


# ---------------------------------------------------------------- V2 (UniswapV2Library, fee as (10000 - bps)/10000)
def v2_amount_out(a, rin, rout, fee):
    if a == 0 or rin == 0 or rout == 0:
        raise Revert("input")
    g = 10000 - fee
    return a * g * rout // (rin * 10000 + a * g)


def v2_amount_in(out, rin, rout, fee):
    if out == 0 or rin == 0 or rout == 0 or out >= rout:
        raise Revert("output")
    return rin * out * 10000 // ((rout - out) * (10000 - fee)) + 1


# ---------------------------------------------------------------- TickMath
_C = [0xfff97272373d413259a46990580e213a, 0xfff2e50f5f656932ef12357cf3c7fdcc, 0xffe5caca7e10e4e61c3624eaa0941cd0,
      0xffcb9843d60f6159c9db58835c926644, 0xff973b41fa98c081472e6896dfb254c0, 0xff2ea16466c96a3843ec78b326b52861,
      0xfe5dee046a99a2a811c461f1969c3053, 0xfcbe86c7900a88aedcffc83b479aa3a4, 0xf987a7253ac413176f2b074cf7815e54,
      0xf3392b0822b70005940c7a398e4b70f3, 0xe7159475a2c29b7443b29c7fa6e889d9, 0xd097f3bdfd2022b8845ad8f792aa5825,
      0xa9f746462d870fdf8a65dc1f90e061e5, 0x70d869a156d2a1b890bb3df62baf32f7, 0x31be135f97d08fd981231505542fcfa6,
      0x9aa508b5b7a84e1c677de54f3e99bc9, 0x5d6af8dedb81196699c329225ee604, 0x2216e584f5fa1ea926041bedfe98,
      0x48a170391f7dc42444e8fa2]


def sqrt_at_tick(t):
    a = abs(t)
    if a > MAX_TICK:
        raise Revert("T")
    r = 0xfffcb933bd6fad37aa2d162d1a594001 if a & 1 else 1 << 128
    for i, c in enumerate(_C):
        if a & (2 << i):
            r = (r * c) >> 128
    if t > 0:
        r = (M256 - 1) // r
    return (r >> 32) + (1 if r % (1 << 32) else 0)


def tick_at_sqrt(p):
    if not (MIN_SQRT <= p < MAX_SQRT):
        raise Revert("R")
    lo, hi = MIN_TICK, MAX_TICK
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sqrt_at_tick(mid) <= p:
            lo = mid
        else:
            hi = mid - 1
    return lo


# ---------------------------------------------------------------- SqrtPriceMath
def ceil_div(a, b):
    return -(-a // b)


def _muldiv(a, b, d, up=False):
    if d == 0:
        raise Revert("muldiv")
    q = ceil_div(a * b, d) if up else a * b // d
    if q >= M256:
        raise Revert("muldiv")
    return q


def next_from_amount0(p, L, amt, add):
    if amt == 0:
        return p
    n1 = L << 96
    prod = amt * p
    if add:
        if prod < M256 and n1 + prod < M256:
            return _muldiv(n1, p, n1 + prod, True)
        d = n1 // p + amt
        if d >= M256:
            raise Revert("add")
        return ceil_div(n1, d)
    if prod >= M256 or n1 <= prod:
        raise Revert("bounds")
    r = _muldiv(n1, p, n1 - prod, True)
    if r > MAX160:
        raise Revert("uint160")
    return r


def next_from_amount1(p, L, amt, add):
    if add:
        q = (amt << 96) // L if amt <= MAX160 else _muldiv(amt, Q96, L)
        r = p + q
        if r > MAX160:
            raise Revert("uint160")
        return r
    q = ceil_div(amt << 96, L) if amt <= MAX160 else _muldiv(amt, Q96, L, True)
    if p <= q:
        raise Revert("bounds")
    return p - q


def next_from_input(p, L, amt, z):
    if p == 0 or L == 0:
        raise Revert("zero")
    return next_from_amount0(p, L, amt, True) if z else next_from_amount1(p, L, amt, True)


def next_from_output(p, L, amt, z):
    if p == 0 or L == 0:
        raise Revert("zero")
    return next_from_amount1(p, L, amt, False) if z else next_from_amount0(p, L, amt, False)


def amount0_delta(a, b, L, up):
    a, b = min(a, b), max(a, b)
    if a == 0:
        raise Revert("zero")
    n1, n2 = L << 96, b - a
    return ceil_div(_muldiv(n1, n2, b, True), a) if up else _muldiv(n1, n2, b) // a


def amount1_delta(a, b, L, up):
    a, b = min(a, b), max(a, b)
    return _muldiv(L, b - a, Q96, up)


# ---------------------------------------------------------------- SwapMath
def swap_step(cur, tgt, L, rem, fee):
    z = cur >= tgt
    exact_in = rem >= 0
    amt_in = amt_out = 0
    if exact_in:
        less = _muldiv(rem, 10**6 - fee, 10**6)
        amt_in = amount0_delta(tgt, cur, L, True) if z else amount1_delta(cur, tgt, L, True)
        nxt = tgt if less >= amt_in else next_from_input(cur, L, less, z)
    else:
        amt_out = amount1_delta(tgt, cur, L, False) if z else amount0_delta(cur, tgt, L, False)
        nxt = tgt if -rem >= amt_out else next_from_output(cur, L, -rem, z)
    mx = tgt == nxt
    if z:
        if not (mx and exact_in):
            amt_in = amount0_delta(nxt, cur, L, True)
        if not (mx and not exact_in):
            amt_out = amount1_delta(nxt, cur, L, False)
    else:
        if not (mx and exact_in):
            amt_in = amount1_delta(cur, nxt, L, True)
        if not (mx and not exact_in):
            amt_out = amount0_delta(cur, nxt, L, False)
    if not exact_in and amt_out > -rem:
        amt_out = -rem
    fee_amt = rem - amt_in if exact_in and nxt != tgt else _muldiv(amt_in, fee, 10**6 - fee, True)
    return nxt, amt_in, amt_out, fee_amt


# ---------------------------------------------------------------- the pool
def next_tick(ticks, tick, spacing, lte):
    """nextInitializedTickWithinOneWord by scanning the sorted initialized tick list."""
    comp = tick // spacing  # Python // floors, as the contract's compress does
    if lte:
        word_lo = (comp >> 8) << 8
        cands = [t for t in ticks if word_lo * spacing <= t <= comp * spacing]
        return (max(cands), True) if cands else (word_lo * spacing, False)
    start = comp + 1
    word_hi = ((start >> 8) << 8) + 255
    cands = [t for t in ticks if start * spacing <= t <= word_hi * spacing]
    return (min(cands), True) if cands else (word_hi * spacing, False)


def pool_swap(pool, z, amount, limit):
    p, tick, L = pool["sqrtPriceX96"], pool["tick"], pool["liquidity"]
    nets, spacing, fee = pool["nets"], pool["tickSpacing"], pool["fee"]
    ticks = sorted(nets)
    if amount == 0:
        raise Revert("AS")
    if z and not (MIN_SQRT < limit < p) or (not z) and not (p < limit < MAX_SQRT):
        raise Revert("SPL")
    exact_in = amount > 0
    rem, calc = amount, 0
    while rem != 0 and p != limit:
        start = p
        tn, init = next_tick(ticks, tick, spacing, z)
        tn = max(MIN_TICK, min(MAX_TICK, tn))
        pn = sqrt_at_tick(tn)
        tgt = max(pn, limit) if z else min(pn, limit)
        p, ai, ao, fa = swap_step(p, tgt, L, rem, fee)
        if exact_in:
            rem -= ai + fa
            calc -= ao
        else:
            rem += ao
            calc += ai + fa
        if p == pn:
            if init:
                net = -nets[tn] if z else nets[tn]
                L += net
                if L < 0:
                    raise Revert("LS")
                if L >= 1 << 128:
                    raise Revert("LA")
            tick = tn - 1 if z else tn
        elif p != start:
            tick = tick_at_sqrt(p)
    used = amount - rem
    a0, a1 = (used, calc) if z == exact_in else (calc, used)
    return a0, a1, p, tick, L


# ---------------------------------------------------------------- case generation
def _rand_u(rng, bits):
    return rng.randrange(1 << rng.randrange(1, bits + 1))


def _v2_cases(rng, n):
    out = []
    for _ in range(n):
        rin, rout = max(1, _rand_u(rng, 112)), max(1, _rand_u(rng, 112))
        fee = rng.choice([30, 30, 25, 5, 100, 0, 997])
        a = max(1, _rand_u(rng, 112))
        c = {"reserve_in": str(rin), "reserve_out": str(rout), "fee_bps": fee, "amount": str(a)}
        c["amount_out"] = str(v2_amount_out(a, rin, rout, fee))
        try:
            c["amount_in"] = str(v2_amount_in(a, rin, rout, fee))
        except Revert:
            c["amount_in"] = "revert"
        out.append(c)
    return out


def _price(rng):
    return rng.choice([rng.randrange(MIN_SQRT, MAX_SQRT), sqrt_at_tick(rng.randrange(MIN_TICK, MAX_TICK + 1)) + rng.randrange(-2, 3),
                       rng.randrange(Q96 // 4, Q96 * 4)])


def _tick_cases(rng, n):
    out = []
    for _ in range(n):
        t = rng.randrange(MIN_TICK, MAX_TICK + 1)
        p = _price(rng)
        c = {"tick": t, "sqrt_at_tick": str(sqrt_at_tick(t)), "price": str(p)}
        try:
            c["tick_at_price"] = tick_at_sqrt(p)
        except Revert:
            c["tick_at_price"] = "revert"
        out.append(c)
    return out


def _liq(rng):
    return max(1, rng.choice([_rand_u(rng, 128), rng.randrange(10**15, 10**24)]))


def _spm_cases(rng, n):
    out = []
    for _ in range(n):
        p = rng.choice([_price(rng), rng.randrange(1, MAX160 + 1)])
        q = rng.choice([_price(rng), rng.randrange(1, MAX160 + 1)])
        L = _liq(rng)
        amt = rng.choice([_rand_u(rng, 256), rng.randrange(1, 10**24)])
        z = rng.random() < 0.5
        c = {"p": str(p), "q": str(q), "liquidity": str(L), "amount": str(amt), "zero_for_one": z}
        for key, f in [("next_in", lambda: next_from_input(p, L, amt, z)),
                       ("next_out", lambda: next_from_output(p, L, amt, z)),
                       ("amount0_up", lambda: amount0_delta(p, q, L, True)),
                       ("amount0_down", lambda: amount0_delta(p, q, L, False)),
                       ("amount1_up", lambda: amount1_delta(p, q, L, True)),
                       ("amount1_down", lambda: amount1_delta(p, q, L, False))]:
            try:
                c[key] = str(f())
            except Revert:
                c[key] = "revert"
        out.append(c)
    return out


def _step_cases(rng, n):
    out = []
    for _ in range(n):
        cur, tgt = _price(rng), _price(rng)
        L = _liq(rng)
        mag = rng.choice([rng.randrange(1, 10**24), _rand_u(rng, 200)])
        rem = mag if rng.random() < 0.5 else -mag
        fee = rng.choice([100, 500, 3000, 10000, 0, 999999, rng.randrange(10**6)])
        c = {"current": str(cur), "target": str(tgt), "liquidity": str(L), "remaining": str(rem), "fee": fee}
        try:
            nxt, ai, ao, fa = swap_step(cur, tgt, L, rem, fee)
            c["result"] = [str(nxt), str(ai), str(ao), str(fa)]
        except Revert:
            c["result"] = "revert"
        out.append(c)
    return out


def _pool(rng):
    fee, spacing = rng.choice([(100, 1), (500, 10), (3000, 60), (10000, 200), (3000, 7)])
    center = rng.choice([0, rng.randrange(-200000, 200000), rng.randrange(-800000, 800000)])
    lo_t, hi_t = -(887272 // spacing) * spacing, (887272 // spacing) * spacing
    nets = {}
    for _ in range(rng.randrange(1, 25)):
        width = rng.choice([1, 2, 5, 20, 200, 3000]) * spacing * rng.randrange(1, 4)
        a = ((center + rng.randrange(-width, width + 1)) // spacing) * spacing
        b = a + rng.randrange(1, 40) * spacing * rng.choice([1, 1, 10, 100])
        a, b = max(lo_t, a), min(hi_t, b)
        if a >= b:
            continue
        L = rng.choice([rng.randrange(10**12, 10**22), rng.randrange(1, 10**6)])
        nets[a] = nets.get(a, 0) + L
        nets[b] = nets.get(b, 0) - L
    start_tick = center + rng.randrange(-3 * spacing, 3 * spacing)
    start_tick = max(MIN_TICK, min(MAX_TICK - 1, start_tick))
    p = sqrt_at_tick(start_tick) + rng.choice([0, 0, 1, rng.randrange(1 << 40)])
    tick = tick_at_sqrt(p)
    # Liquidity in range = sum of nets at or below the current tick.
    L = sum(v for t, v in nets.items() if t <= tick)
    return {"sqrtPriceX96": p, "tick": tick, "liquidity": L, "fee": fee, "tickSpacing": spacing, "nets": nets}


def _swap_cases(rng, n):
    out = []
    while len(out) < n:
        pool = _pool(rng)
        for _ in range(4):
            z = rng.random() < 0.5
            mag = rng.choice([1, rng.randrange(1, 10**6), rng.randrange(10**15, 10**21), rng.randrange(10**20, 10**25)])
            amount = mag if rng.random() < 0.6 else -mag
            kind = rng.randrange(4)
            if kind == 0:
                limit = MIN_SQRT + 1 if z else MAX_SQRT - 1
            elif kind == 1:
                t = pool["tick"] + (-1 if z else 1) * rng.randrange(1, 20000)
                limit = sqrt_at_tick(max(MIN_TICK, min(MAX_TICK, t)))
            elif kind == 2:
                limit = pool["sqrtPriceX96"] + (-1 if z else 1) * rng.randrange(0, 1000)
            else:
                limit = _price(rng)
            c = {"pool": {"sqrtPriceX96": str(pool["sqrtPriceX96"]), "tick": pool["tick"], "liquidity": str(pool["liquidity"]),
                          "fee": pool["fee"], "tickSpacing": pool["tickSpacing"],
                          "ticks": [[t, str(v)] for t, v in sorted(pool["nets"].items())]},
                 "zero_for_one": z, "amount": str(amount), "limit": str(limit)}
            try:
                a0, a1, p, t, L = pool_swap(pool, z, amount, limit)
                c["result"] = {"amount0": str(a0), "amount1": str(a1), "sqrtPriceX96": str(p), "tick": t, "liquidity": str(L)}
            except Revert as e:
                c["result"] = {"revert": str(e)}
            out.append(c)
    return out


def generate(rng):
    cases = []
    for kind, items in [("v2", _v2_cases(rng, 3000)), ("tickmath", _tick_cases(rng, 1500)),
                        ("sqrtpricemath", _spm_cases(rng, 1500)), ("swapmath", _step_cases(rng, 2000)),
                        ("swap", _swap_cases(rng, 1200))]:
        for c in items:
            c["kind"] = kind
            cases.append(c)
    return {
        "description": "Uniswap V2 quotes and V3 TickMath/SqrtPriceMath/SwapMath/pool swaps from exact Python integers",
        "cases": cases,
    }
