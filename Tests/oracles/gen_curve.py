"""Curve StableSwap oracles.

Classic pools (StableSwap3Pool.vy, raw A) come from curvesim 0.5.0's CurvePool (get_D, get_y, exchange): a Python
model maintained by Curve Research, independent of defi. 3pool's own get_dy view (convert to coin units, then fee)
is composed here from curvesim's get_y, as StableSwap3Pool.vy writes it.

Two versions curvesim does not model get an exact-integer reference written here from the Vyper sources
(never from the Swift code): SwapTemplateBase.vy with A_PRECISION = 100 and an A_precise that is not a multiple of
100 (mid-ramp), and stableswap-ng (CurveStableSwapNG.vy get_D dividing by N^N once per round, dynamic fee,
CurveStableSwapNGViews.vy get_dy / get_dx). Vyper reverts are recorded as "revert": <reason>.
"""

from curvesim.pool.stableswap.pool import CurvePool

U256 = (1 << 256) - 1
FEE_DEN = 10**10
PREC = 10**18


class Revert(Exception):
    pass


def _u(x):
    """A Vyper uint256 result: negative values and overflows revert."""
    if x < 0:
        raise Revert("underflow")
    if x > U256:
        raise Revert("overflow")
    return x


def _div(a, b):
    if b == 0:
        raise Revert("division by zero")
    return _u(a) // b


# ---------------------------------------------------------------- SwapTemplateBase.vy (A_PRECISION = 100)
def template_get_D(xp, amp):
    n = len(xp)
    S = sum(xp)
    if S == 0:
        return 0
    D = S
    Ann = amp * n
    for _ in range(255):
        D_P = D
        for x in xp:
            D_P = _div(D_P * D, x * n)
        Dprev = D
        D = _div((Ann * S // 100 + D_P * n) * D, _u(Ann - 100) * D // 100 + (n + 1) * D_P)
        if abs(D - Dprev) <= 1:
            return D
    raise Revert("get_D did not converge")


def template_get_y(i, j, x, xp, amp, D):
    n = len(xp)
    Ann = amp * n
    c = D
    S_ = 0
    for k in range(n):
        if k == j:
            continue
        _x = x if k == i else xp[k]
        S_ += _x
        c = _div(c * D, _x * n)
    c = _div(c * D * 100, Ann * n)
    b = S_ + D * 100 // Ann
    y = D
    for _ in range(255):
        y_prev = y
        y = _div(y * y + c, _u(2 * y + b - D))
        if abs(y - y_prev) <= 1:
            return y
    raise Revert("get_y did not converge")


def template_get_dy(balances, rates, amp, fee, i, j, dx):
    xp = [r * b // PREC for r, b in zip(rates, balances)]
    x = xp[i] + dx * rates[i] // PREC
    y = template_get_y(i, j, x, xp, amp, template_get_D(xp, amp))
    dy = _u(xp[j] - y - 1)
    f = fee * dy // FEE_DEN
    return _u(dy - f) * PREC // rates[j]


# ---------------------------------------------------------------- StableSwap3Pool.vy convergence guard
def pool3_rounds_ok(xp, A, i, j, x):
    """Whether 3pool's get_D and get_y converge within 255 rounds: curvesim's loops are unbounded and can
    oscillate forever where the pool breaks after 255 rounds, so such states are left out of the curvesim cases."""
    n = len(xp)
    S = sum(xp)
    D = S
    Ann = A * n
    for _ in range(255):
        D_P = D
        for _x in xp:
            D_P = D_P * D // (_x * n)
        Dprev = D
        D = (Ann * S + D_P * n) * D // ((Ann - 1) * D + (n + 1) * D_P)
        if abs(D - Dprev) <= 1:
            break
    else:
        return False
    c = D
    S_ = 0
    for k in range(n):
        if k == j:
            continue
        _x = x if k == i else xp[k]
        S_ += _x
        c = c * D // (_x * n)
    c = c * D // (Ann * n)
    b = S_ + D // Ann
    y = D
    for _ in range(255):
        y_prev = y
        y = (y * y + c) // (2 * y + b - D)
        if abs(y - y_prev) <= 1:
            return True
    return False


# ---------------------------------------------------------------- CurveStableSwapNG.vy / NGViews.vy
def ng_get_D(xp, amp):
    n = len(xp)
    S = sum(xp)
    if S == 0:
        return 0
    D = S
    Ann = amp * n
    for _ in range(255):
        D_P = D
        for x in xp:
            D_P = _div(D_P * D, x)
        D_P //= n**n
        Dprev = D
        D = _div((Ann * S // 100 + D_P * n) * D, _u(Ann - 100) * D // 100 + (n + 1) * D_P)
        if abs(D - Dprev) <= 1:
            return D
    raise Revert("get_D did not converge")


ng_get_y = template_get_y  # CurveStableSwapNG.vy get_y has the same operations as the template's


def ng_dynamic_fee(xpi, xpj, fee, mul):
    if mul <= FEE_DEN:
        return fee
    xps2 = (xpi + xpj) ** 2
    return mul * fee // ((mul - FEE_DEN) * 4 * xpi * xpj // xps2 + FEE_DEN)


def ng_exchange(balances, rates, amp, fee, mul, i, j, dx):
    xp = [r * b // PREC for r, b in zip(rates, balances)]
    x = xp[i] + dx * rates[i] // PREC
    D = ng_get_D(xp, amp)
    y = ng_get_y(i, j, x, xp, amp, D)
    dy = _u(xp[j] - y - 1)
    dy_fee = dy * ng_dynamic_fee((xp[i] + x) // 2, (xp[j] + y) // 2, fee, mul) // FEE_DEN
    out = _u(dy - dy_fee) * PREC // rates[j]
    admin = dy_fee * 5 * 10**9 // FEE_DEN * PREC // rates[j]
    new = list(balances)
    new[i] += dx
    new[j] = _u(_u(new[j] - out) - admin)
    return out, dy_fee, admin, new


def ng_get_dx(balances, rates, amp, fee, mul, i, j, dy):
    xp = [r * b // PREC for r, b in zip(rates, balances)]
    D = ng_get_D(xp, amp)
    dy_with_fee = dy * rates[j] // PREC + 1
    f = ng_dynamic_fee(xp[i], xp[j], fee, mul)
    y = _u(xp[j] - _div(dy_with_fee * FEE_DEN, _u(FEE_DEN - f)))
    x = ng_get_y(j, i, y, xp, amp, D)
    return _u(x - xp[i]) * PREC // rates[i]


# ---------------------------------------------------------------- random pool states
def _decimals(rng):
    return rng.choice([6, 8, 18, 18, 6, 2, 24]) if rng.random() < 0.1 else rng.choice([6, 8, 18])


def _balances(rng, decs, n):
    scale = 10 ** rng.randrange(0, 12)  # pool size in whole tokens
    out = []
    for d in decs:
        skew = 10 ** rng.uniform(-3, 3) if rng.random() < 0.35 else rng.uniform(0.5, 2.0)
        out.append(max(1, int(scale * skew * rng.uniform(1, 10) * 10**d)))
    if rng.random() < 0.08:  # extreme imbalance
        k = rng.randrange(n)
        out[k] = max(1, out[k] // 10 ** rng.randrange(4, 9))
    return out


def _dx(rng, balance):
    kind = rng.randrange(6)
    if kind == 0:
        return rng.randrange(1, 1000)
    if kind == 1:
        return max(1, balance * rng.randrange(1, 1000) // 10**6)
    if kind == 2:
        return max(1, balance * rng.randrange(1, 100) // 100)
    if kind == 3:
        return balance * rng.randrange(1, 20)  # huge: larger than the pool
    return max(1, int(balance * 10 ** rng.uniform(-9, 0)))


def _s(v):
    return [str(x) for x in v] if isinstance(v, list) else str(v)


def _classic_case(rng):
    n = rng.choice([2, 3, 3, 4])
    decs = [_decimals(rng) for _ in range(n)]
    rates = [10 ** (36 - d) for d in decs]
    if rng.random() < 0.15:  # lending pools fold a live rate into RATES
        rates = [r * rng.randrange(10**18, 3 * 10**18) // 10**18 for r in rates]
    balances = _balances(rng, decs, n)
    A = rng.choice([1, 2, 10, 50, 100, 200, 400, 1000, 2000, 5000, 10**5, 10**6]) if rng.random() < 0.5 else rng.randrange(1, 5000)
    fee = rng.choice([0, 10**6, 4 * 10**6, 3 * 10**7, 5 * 10**9]) if rng.random() < 0.5 else rng.randrange(0, 5 * 10**9)
    admin_fee = rng.choice([0, 5 * 10**9, 10**10])
    i, j = rng.sample(range(n), 2)
    dx = _dx(rng, balances[i])
    case = {"kind": "classic", "balances": _s(balances), "rates": _s(rates), "amp": str(A), "fee": str(fee),
            "admin_fee": str(admin_fee), "i": i, "j": j, "dx": str(dx)}
    xp = [r * b // PREC for r, b in zip(rates, balances)]
    if min(xp) == 0 or not pool3_rounds_ok(xp, A, i, j, xp[i] + dx * rates[i] // PREC):
        return None
    pool = CurvePool(A=A, D=list(balances), n=n, rates=list(rates), fee=fee, admin_fee=admin_fee)
    xp = pool._xp()
    case["D"] = str(pool.D())
    x = xp[i] + dx * rates[i] // PREC
    y = pool.get_y(i, j, x, xp)
    case["y"] = str(y)
    raw = xp[j] - y - 1
    if raw < 0:
        case["revert"] = "underflow"
        return case
    dy3 = raw * PREC // rates[j]
    case["get_dy"] = str(dy3 - fee * dy3 // FEE_DEN)  # StableSwap3Pool.vy get_dy
    dy, fee_coin = pool.exchange(i, j, dx)
    case["dy"] = str(dy)
    case["fee_coin"] = str(fee_coin)
    case["new_balances"] = _s([int(b) for b in pool.balances])
    return case


def _template_case(rng):
    n = rng.choice([2, 3, 4])
    decs = [_decimals(rng) for _ in range(n)]
    rates = [10 ** (36 - d) for d in decs]
    balances = _balances(rng, decs, n)
    amp = rng.randrange(100, 500000)  # A_precise mid-ramp: not a multiple of 100
    fee = rng.randrange(0, 5 * 10**9)
    i, j = rng.sample(range(n), 2)
    dx = _dx(rng, balances[i])
    case = {"kind": "template", "balances": _s(balances), "rates": _s(rates), "amp": str(amp), "fee": str(fee),
            "admin_fee": "5000000000", "i": i, "j": j, "dx": str(dx)}
    try:
        xp = [r * b // PREC for r, b in zip(rates, balances)]
        case["D"] = str(template_get_D(xp, amp))
        case["get_dy"] = str(template_get_dy(balances, rates, amp, fee, i, j, dx))
    except Revert as e:
        case["revert"] = str(e)
    return case


def _ng_case(rng):
    n = rng.choice([2, 2, 3, 4, 5, 8])
    decs = [_decimals(rng) for _ in range(n)]
    rates = [10 ** (36 - d) for d in decs]
    if rng.random() < 0.4:  # oracle / ERC-4626 coins: stored_rates carry the live rate
        rates = [r * rng.randrange(10**18, 2 * 10**18) // 10**18 if rng.random() < 0.5 else r for r in rates]
    balances = _balances(rng, decs, n)
    amp = rng.choice([100, 1000, 10000, 20000, 50000, 150000, 500000]) if rng.random() < 0.5 else rng.randrange(100, 10**6)
    fee = rng.choice([10**6, 4 * 10**6, 10**7]) if rng.random() < 0.6 else rng.randrange(0, 10**9)
    mul = rng.choice([0, 10**10, 2 * 10**10, 5 * 10**10, 10**11]) if rng.random() < 0.7 else rng.randrange(0, 2 * 10**11)
    i, j = rng.sample(range(n), 2)
    dx = _dx(rng, balances[i])
    dy_want = max(1, balances[j] * rng.randrange(1, 5000) // 10**4)
    case = {"kind": "ng", "balances": _s(balances), "rates": _s(rates), "amp": str(amp), "fee": str(fee),
            "offpeg": str(mul), "i": i, "j": j, "dx": str(dx), "dy_want": str(dy_want)}
    try:
        xp = [r * b // PREC for r, b in zip(rates, balances)]
        case["D"] = str(ng_get_D(xp, amp))
        case["fee_now"] = str(ng_dynamic_fee(xp[i], xp[j], fee, mul))
    except Revert as e:
        case["revert_D"] = str(e)
        return case
    try:
        out, dy_fee, admin, new = ng_exchange(balances, rates, amp, fee, mul, i, j, dx)
        case.update(dy=str(out), dy_fee=str(dy_fee), dy_admin_fee=str(admin), new_balances=_s(new))
    except Revert as e:
        case["revert"] = str(e)
    try:
        case["get_dx"] = str(ng_get_dx(balances, rates, amp, fee, mul, i, j, dy_want))
    except Revert as e:
        case["revert_dx"] = str(e)
    return case


def generate(rng):
    cases = []
    while len(cases) < 2500:
        c = _classic_case(rng)
        if c is not None:
            cases.append(c)
    cases += [_template_case(rng) for _ in range(600)]
    cases += [_ng_case(rng) for _ in range(2500)]
    return {"source": "curvesim 0.5.0 CurvePool (classic); exact-integer Vyper transcriptions (template, ng)",
            "cases": cases}
