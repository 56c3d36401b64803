"""U256/I256 reference results from Python's arbitrary-precision integers (the big-integer oracle).

Signed operations follow the Yellow Paper (Appendix H) and EIP-145: SDIV truncates toward zero with
SDIV(-2^255, -1) = -2^255 and x/0 = 0; SMOD takes the sign of the dividend and x%0 = 0; SIGNEXTEND(b, x) extends
bit 8b+7 for b < 31; SAR is a floor shift of the signed value, saturating at 256.
"""

import math

M = 1 << 256
H = 1 << 255


def _rand(rng):
    kind = rng.randrange(9)
    if kind == 0:
        return rng.choice([0, 1, 2, 3, M - 1, M - 2, H, H - 1, H + 1, (1 << 128) - 1, 1 << 128, (1 << 64) - 1])
    if kind == 1:
        return rng.randrange(1 << 64)
    if kind == 2:
        return rng.randrange(1 << 128)
    if kind == 3:
        return M - 1 - rng.randrange(1 << 64)
    if kind == 4:
        return 1 << rng.randrange(256)
    if kind == 5:
        return rng.randrange(1 << rng.randrange(1, 257))
    if kind == 6:
        return (1 << rng.randrange(1, 257)) - 1
    return rng.randrange(M)


def _signed(x):
    return x - M if x >= H else x


def _sdiv(a, b):
    sa, sb = _signed(a), _signed(b)
    if sb == 0:
        return 0
    if sa == -H and sb == -1:
        return H
    q = abs(sa) // abs(sb)
    return (-q if (sa < 0) != (sb < 0) else q) % M


def _smod(a, b):
    sa, sb = _signed(a), _signed(b)
    if sb == 0:
        return 0
    r = abs(sa) % abs(sb)
    return (-r if sa < 0 else r) % M


def _signextend(b, x):
    if b >= 31:
        return x
    t = 8 * b + 7
    if (x >> t) & 1:
        return x | (M - (1 << (t + 1)))
    return x & ((1 << (t + 1)) - 1)


def _sar(s, x):
    sx = _signed(x)
    if s >= 256:
        return M - 1 if sx < 0 else 0
    return (sx >> s) % M


def _pow_overflows(a, e):
    if a < 2 or e == 0:
        return False
    if e >= 256:
        return True
    return a ** e >= M


def generate(rng):
    cases = []
    for i in range(4000):
        a, b = _rand(rng), _rand(rng)
        # Denominators: random, or just above the product's high half so the quotient fits.
        hi = (a * b) >> 256
        d = _rand(rng) if i % 3 == 0 else hi + 1 + rng.randrange(1 << rng.randrange(1, 257)) % (M - hi - 1 or 1)
        d %= M
        s = rng.choice([0, 1, 63, 64, 65, 127, 128, 129, 191, 192, 255, 256, 300, rng.randrange(256)])
        e = rng.choice([0, 1, 2, 3, rng.randrange(64), rng.randrange(300), _rand(rng)])
        k = rng.choice([0, 1, 15, 30, 31, 32, 100, rng.randrange(32)])
        c = {
            "a": str(a), "b": str(b), "d": str(d), "s": str(s), "e": str(e), "k": str(k),
            "add": str((a + b) % M), "sub": str((a - b) % M),
            "mul": str((a * b) % M), "mul_hi": str((a * b) >> 256),
            "pow": str(pow(a, e, M)), "pow_overflow": "1" if _pow_overflows(a, e) else "0",
            "shl": str((a << s) % M), "shr": str(a >> s),
            "and": str(a & b), "or": str(a | b), "xor": str(a ^ b), "not": str(M - 1 - a),
            "clz": str(256 - a.bit_length()), "popcount": str(bin(a).count("1")),
            "byte": str((a >> (8 * (31 - k))) & 0xFF if k < 32 else 0),
            "sqrt": str(math.isqrt(a)), "hex": hex(a),
            "mulmod": str(a * b % d if d else 0), "addmod": str((a + b) % d if d else 0),
            "sdiv": str(_sdiv(a, b)), "smod": str(_smod(a, b)),
            "signextend": str(_signextend(k, a)), "sar": str(_sar(s, a)),
            "signed_a": str(_signed(a)),
        }
        if b:
            c["div"], c["mod"] = str(a // b), str(a % b)
        if d and hi < d:
            q, r = divmod(a * b, d)
            c["muldiv"] = str(q)
            c["muldiv_up"] = str(q + 1) if r and q + 1 < M else ("overflow" if r else str(q))
        else:
            c["muldiv"] = c["muldiv_up"] = "overflow"
        cases.append(c)
    return {"cases": cases}
