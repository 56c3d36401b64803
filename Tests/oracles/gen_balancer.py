"""Balancer V2 math oracles from balancer-maths 0.1.2 (Balancer's own Python port of its V3 maths).

V3 keeps V2's LogExpMath unchanged (same constants, same 20/36-decimal paths, int256 division truncating toward
zero via its BigInt), V2's FixedPoint mulDown/mulUp/divDown/divUp/complement/powUp, and V2's
WeightedMath _calcOutGivenIn/_calcInGivenOut (compute_out_given_exact_in / compute_in_given_exact_out). V3's
pow_down_fixed differs from V2's powDown for y = 2e18 and 4e18 (V3 rounds those up), so powDown is compared here
only for other exponents. V3's Vault handles fees and scaling differently from V2, so the V2
BaseMinimalSwapInfoPool.onSwap flow (fee mulUp before upscaling GIVEN_IN; divUp by the fee complement after
downscaling GIVEN_OUT) is composed here from balancer-maths' FixedPoint functions.

balancer-maths 0.1.2 ships modules importing `src.common...`; `src` is aliased to the installed package below.
"""

import importlib.util
import sys
import types

# Locate the package without importing it (its __init__ is the part that needs `src`).
_spec = importlib.util.find_spec("balancer_maths")
_src = types.ModuleType("src")
_src.__path__ = list(_spec.submodule_search_locations)
sys.modules.setdefault("src", _src)

from src.common.bigint import BigInt  # noqa: E402
from src.common.log_exp_math import LogExpMath  # noqa: E402
from src.common.maths import (  # noqa: E402
    complement_fixed,
    div_down_fixed,
    div_up_fixed,
    mul_down_fixed,
    mul_up_fixed,
    pow_down_fixed,
    pow_up_fixed,
)
from src.pools.stable.stable_math import compute_invariant  # noqa: E402
from src.pools.weighted.weighted_math import (  # noqa: E402
    compute_in_given_exact_out,
    compute_out_given_exact_in,
)

WAD = 10**18
M = 1 << 256
CODES = {"X_OUT_OF_BOUNDS": "BAL#006", "Y_OUT_OF_BOUNDS": "BAL#007", "PRODUCT_OUT_OF_BOUNDS": "BAL#008",
         "INVALID_EXPONENT": "BAL#009", "MaxInRatio": "BAL#304", "MaxOutRatio": "BAL#305"}


def _err(e):
    for k, v in CODES.items():
        if k in str(e):
            return v
    raise e


def _run(f, *args):
    try:
        r = f(*args)
        if not (0 <= int(r) < M):
            return "overflow"
        return str(int(r))
    except ValueError as e:
        return _err(e)


def _fixed(rng):
    kind = rng.randrange(8)
    if kind == 0:
        return rng.randrange(0, 10**6)
    if kind == 1:
        return rng.randrange(9 * 10**17, 11 * 10**17)
    if kind == 2:
        return rng.randrange(10**18, 10**24)
    if kind == 3:
        return 10 ** rng.randrange(0, 40)
    if kind == 4:
        return rng.randrange(1, 10**36)
    return int(10 ** rng.uniform(0, 30))


def _pow_x(rng):
    kind = rng.randrange(7)
    if kind == 0:  # ln_36 path
        return rng.randrange(9 * 10**17 + 1, 11 * 10**17)
    if kind == 1:
        return rng.randrange(1, 10**18)
    if kind == 2:
        return int(10 ** rng.uniform(18, 40))
    if kind == 3:
        return rng.choice([9 * 10**17, 11 * 10**17, 10**18, 1, 2, (1 << 255) - 1, 1 << 255])
    if kind == 4:
        return int(10 ** rng.uniform(0, 76))
    return rng.randrange(5 * 10**17, 2 * 10**18)


def _pow_y(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return rng.choice([0, 1, WAD, 2 * WAD, 4 * WAD, WAD // 2, 3 * WAD, 289480223093290488558927462521719769633174961664101410097, 289480223093290488558927462521719769633174961664101410098])
    if kind == 1:
        return rng.randrange(1, 10 * WAD)
    if kind == 2:
        return int(10 ** rng.uniform(10, 22))
    if kind == 3:  # weight ratios
        a, b = rng.randrange(1, 99), rng.randrange(1, 99)
        return a * WAD // b
    return rng.randrange(1, 4 * WAD)


def _math_cases(rng):
    cases = []
    for _ in range(2000):
        x, y = _pow_x(rng), _pow_y(rng)
        cases.append({"op": "pow", "x": str(x), "y": str(y), "r": _run(LogExpMath.pow, x, y)})
    for _ in range(1200):
        k = rng.randrange(4)
        if k == 0:
            x = rng.randrange(-41 * WAD, 130 * WAD + 1)
        elif k == 1:
            x = rng.randrange(-10**18, 10**18)
        elif k == 2:
            x = rng.choice([-41 * WAD, 130 * WAD, -41 * WAD - 1, 130 * WAD + 1, 0, 1, -1, 128 * WAD, 64 * WAD])
        else:
            x = int(rng.uniform(-41, 130) * 10**18)
        try:
            r = str(int(LogExpMath.exp(BigInt(x))))
        except ValueError as e:
            r = _err(e)
        cases.append({"op": "exp", "x": str(x), "r": r})
    for _ in range(1200):
        a = _pow_x(rng) % (1 << 255) or 1
        if 9 * 10**17 < a < 11 * 10**17:
            r = BigInt(LogExpMath._ln_36(BigInt(a))) // BigInt(WAD)
        else:
            r = LogExpMath._ln(BigInt(a))
        cases.append({"op": "ln", "x": str(a), "r": str(int(r))})
    for _ in range(2000):
        a, b = _fixed(rng), _fixed(rng)
        c = {"op": "fixed", "a": str(a), "b": str(b), "mulDown": str(mul_down_fixed(a, b)),
             "mulUp": str(mul_up_fixed(a, b)), "complement": str(complement_fixed(a))}
        if b != 0:
            c["divDown"] = str(div_down_fixed(a, b))
            c["divUp"] = str(div_up_fixed(a, b))
        cases.append(c)
    for _ in range(1200):
        x, y = _pow_x(rng), _pow_y(rng)
        if y in (WAD, 2 * WAD, 4 * WAD):
            y += 1
        up, down = _run(pow_up_fixed, x, y), _run(pow_down_fixed, x, y)
        raw = _run(LogExpMath.pow, x, y)
        if raw.isdigit() and int(raw) * 10000 >= M:
            # V2's checked mulUp(raw, MAX_POW_RELATIVE_ERROR) reverts; the Python port does not check.
            up = down = "BAL#003"
        cases.append({"op": "powfixed", "x": str(x), "y": str(y), "powUp": up, "powDown": down})
    return cases


def _weights(rng):
    k = rng.randrange(4)
    if k == 0:
        a = rng.choice([50, 80, 20, 98, 2, 60, 40, 33, 67, 1, 99])
        return a * 10**16, (100 - a) * 10**16
    if k == 1:
        a = rng.randrange(10**16, 99 * 10**16)
        return a, WAD - a
    return rng.randrange(10**16, 9 * 10**17), rng.randrange(10**16, 9 * 10**17)


def _weighted_cases(rng):
    cases = []
    for _ in range(2000):
        wi, wo = _weights(rng)
        bi = int(10 ** rng.uniform(6, 33))
        bo = int(10 ** rng.uniform(6, 33))
        if rng.random() < 0.1:
            bo = bi
        k = rng.randrange(5)
        frac = [rng.uniform(0, 0.3), rng.uniform(0.29, 0.31), 10 ** rng.uniform(-12, -1), rng.uniform(0.3, 2)][min(k, 3)]
        ai = max(1, int(bi * frac)) if k != 4 else rng.randrange(1, 1000)
        ao = max(1, int(bo * frac)) if k != 4 else rng.randrange(1, 1000)
        ao = min(ao, bo - 1)
        cases.append({"op": "weighted", "bi": str(bi), "wi": str(wi), "bo": str(bo), "wo": str(wo),
                      "ai": str(ai), "ao": str(ao),
                      "out": _run(compute_out_given_exact_in, bi, wi, bo, wo, ai),
                      "in": _run(compute_in_given_exact_out, bi, wi, bo, wo, ao)})
    return cases


def _v2_swap_given_in(bi, bo, sfi, sfo, wi, wo, fee, amount):
    amount = amount - mul_up_fixed(amount, fee)
    amount = mul_down_fixed(amount, sfi)
    out = compute_out_given_exact_in(mul_down_fixed(bi, sfi), wi, mul_down_fixed(bo, sfo), wo, amount)
    return div_down_fixed(out, sfo)


def _v2_swap_given_out(bi, bo, sfi, sfo, wi, wo, fee, amount):
    amount = mul_down_fixed(amount, sfo)
    ain = compute_in_given_exact_out(mul_down_fixed(bi, sfi), wi, mul_down_fixed(bo, sfo), wo, amount)
    ain = div_up_fixed(ain, sfi)
    return div_up_fixed(ain, complement_fixed(fee))


def _swap_cases(rng):
    cases = []
    for _ in range(2000):
        di, do = rng.choice([6, 8, 18]), rng.choice([6, 8, 18])
        sfi, sfo = WAD * 10 ** (18 - di), WAD * 10 ** (18 - do)
        if rng.random() < 0.15:  # rate-provider pools fold the rate into the scaling factor
            sfi = mul_down_fixed(sfi, rng.randrange(WAD, 2 * WAD))
        wi, wo = _weights(rng)
        bi = int(10 ** rng.uniform(1, 12) * 10**di)
        bo = int(10 ** rng.uniform(1, 12) * 10**do)
        fee = rng.choice([10**12, 10**15, 3 * 10**15, 10**16, 10**17]) if rng.random() < 0.6 else rng.randrange(10**12, 10**17)
        ai = max(1, int(bi * 10 ** rng.uniform(-12, -0.4)))
        ao = max(1, int(bo * 10 ** rng.uniform(-12, -0.4)))
        cases.append({"op": "swap", "bi": str(bi), "bo": str(bo), "sfi": str(sfi), "sfo": str(sfo), "wi": str(wi),
                      "wo": str(wo), "fee": str(fee), "ai": str(ai), "ao": str(ao),
                      "out": _run(_v2_swap_given_in, bi, bo, sfi, sfo, wi, wo, fee, ai),
                      "in": _run(_v2_swap_given_out, bi, bo, sfi, sfo, wi, wo, fee, ao)})
    return cases


# V2 StableMath._getTokenBalanceGivenInvariantAndAllOtherBalances, transcribed here from the Solidity: V3 (and so
# balancer-maths) computes c = divUp(D^2 * AMP_PRECISION, Ann * P_D) and b = S + D * AMP_PRECISION / Ann, while V2
# rounds divUp(D^2, Ann * P_D) * AMP_PRECISION and (D / Ann) * AMP_PRECISION, so V3 is no oracle for this part.
def _v2_div_up(a, b):
    return 0 if a == 0 else 1 + (a - 1) // b


def _v2_token_balance(amp, balances, invariant, k):
    n = len(balances)
    ann = amp * n
    s = balances[0]
    p_d = balances[0] * n
    for j in range(1, n):
        p_d = p_d * balances[j] * n // invariant
        s += balances[j]
    s -= balances[k]
    inv2 = invariant * invariant
    c = _v2_div_up(inv2, ann * p_d) * 1000 * balances[k]
    b = s + invariant // ann * 1000
    t = _v2_div_up(inv2 + c, invariant + b)
    for _ in range(255):
        prev = t
        den = t * 2 + b - invariant
        if den < 0:
            return "BAL#001"
        t = _v2_div_up(t * t + c, den)
        if abs(t - prev) <= 1:
            return t
    return "BAL#322"


def _stable_cases(rng):
    cases = []
    for _ in range(1500):
        n = rng.choice([2, 2, 3, 4, 5])
        amp = rng.choice([1, 10, 50, 100, 200, 1000, 2000, 5000]) * 1000 if rng.random() < 0.6 else rng.randrange(1000, 5000 * 1000)
        scale = 10 ** rng.uniform(18, 30)
        balances = [max(1, int(scale * (10 ** rng.uniform(-2, 2) if rng.random() < 0.3 else rng.uniform(0.5, 2)))) for _ in range(n)]
        i, j = rng.sample(range(n), 2)
        ai = max(1, int(balances[i] * 10 ** rng.uniform(-12, 0)))
        ao = max(1, int(balances[j] * 10 ** rng.uniform(-12, -0.05)))
        try:
            inv = compute_invariant(amp, list(balances))
        except RuntimeError:
            cases.append({"op": "stable", "amp": str(amp), "balances": ",".join(str(b) for b in balances), "inv": "BAL#321"})
            continue
        after = list(balances)
        after[i] += ai
        fo = _v2_token_balance(amp, after, inv, j)
        out = fo if isinstance(fo, str) else (str(balances[j] - fo - 1) if balances[j] - fo - 1 >= 0 else "BAL#001")
        after = list(balances)
        after[j] -= ao
        fi = _v2_token_balance(amp, after, inv, i)
        inn = fi if isinstance(fi, str) else (str(fi - balances[i] + 1) if fi - balances[i] >= 0 else "BAL#001")
        cases.append({"op": "stable", "amp": str(amp), "balances": ",".join(str(b) for b in balances), "inv": str(inv),
                      "i": str(i), "j": str(j), "ai": str(ai), "ao": str(ao), "out": out, "in": inn})
    return cases


def generate(rng):
    cases = _math_cases(rng) + _weighted_cases(rng) + _swap_cases(rng) + _stable_cases(rng)
    return {"source": "balancer-maths 0.1.2 (LogExpMath, FixedPoint, WeightedMath, StableMath invariant); "
            "V2 StableMath balance solver transcribed from Solidity", "cases": cases}
