"""U256 reference results from Python's arbitrary-precision integers (the big-integer oracle)."""

M = 1 << 256


def _rand(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return rng.randrange(1 << 64)
    if kind == 1:
        return rng.randrange(1 << 128)
    if kind == 2:
        return M - 1 - rng.randrange(1 << 64)
    if kind == 3:
        return 1 << rng.randrange(256)
    return rng.randrange(M)


def generate(rng):
    cases = []
    for _ in range(3000):
        a, b = _rand(rng), _rand(rng)
        cases.append({"a": str(a), "b": str(b), "add": str((a + b) % M), "sub": str((a - b) % M),
                      "mul": str((a * b) % M), "mul_hi": str((a * b) >> 256)})
    return {"cases": cases}
