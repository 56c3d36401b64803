"""Aave V3 lending math from Python's exact integers, written from the Solidity sources' formulas
(aave-v3-origin 3.3 WadRayMath.sol, PercentageMath.sol, GenericLogic.calculateUserAccountData), not from defi's code.

Cases:
  math:      {op, a, b, result | None when the contract reverts}
  accounts:  random positions with the expected (totalCollateralBase, totalDebtBase, avgLtv, avgLT, healthFactor)
"""

M = 1 << 256
WAD, HALF_WAD = 10**18, 10**18 // 2
RAY, HALF_RAY = 10**27, 10**27 // 2
PF, HALF_PF = 10**4, 5 * 10**3


def _mul(a, b, one, half):
    if b != 0 and a > (M - 1 - half) // b:
        return None
    return (a * b + half) // one


def _div(a, b, one):
    if b == 0 or a > (M - 1 - b // 2) // one:
        return None
    return (a * one + b // 2) // b


OPS = {
    "wadMul": lambda a, b: _mul(a, b, WAD, HALF_WAD),
    "wadDiv": lambda a, b: _div(a, b, WAD),
    "rayMul": lambda a, b: _mul(a, b, RAY, HALF_RAY),
    "rayDiv": lambda a, b: _div(a, b, RAY),
    "percentMul": lambda a, b: _mul(a, b, PF, HALF_PF),
    "percentDiv": lambda a, b: _div(a, b, PF),
}


def _operand(rng):
    k = rng.randrange(7)
    if k == 0:
        return rng.choice([0, 1, 2, 5000, 9999, 10000, HALF_WAD, WAD, HALF_RAY, RAY, M - 1])
    if k == 1:
        return rng.randrange(1 << 64)
    if k == 2:
        return rng.randrange(1 << 128)
    if k == 3:
        return rng.randrange(M)
    if k == 4:
        return rng.randrange(1, 20001)
    if k == 5:
        return RAY + rng.randrange(RAY // 2)
    return rng.randrange(1 << rng.randrange(1, 257))


def _account(rng):
    reserves = []
    n = rng.randrange(1, 5)
    for _ in range(n):
        decimals = rng.choice([0, 6, 8, 18, 18, 18])
        price = rng.choice([1, 10**8, 3000 * 10**8, rng.randrange(1, 10**13)])
        lt = rng.choice([0, rng.randrange(1, 9700)])
        ltv = rng.choice([0, lt * rng.randrange(0, 100) // 100]) if lt else 0
        income = RAY + rng.randrange(RAY // 3)
        debt_index = RAY + rng.randrange(RAY // 2)
        scaled_a = rng.choice([0, rng.randrange(10 ** (decimals + 7) + 1)])
        scaled_d = rng.choice([0, 0, rng.randrange(10 ** (decimals + 7) + 1)])
        coll = rng.random() < 0.8
        reserves.append(dict(decimals=decimals, price=price, lt=lt, ltv=ltv, income=income, debtIndex=debt_index,
                             scaledA=scaled_a, scaledD=scaled_d, collateral=coll))
    tc = td = sl = st = 0
    touched = [r for r in reserves if r["collateral"] or r["scaledD"] > 0]
    for r in touched:
        unit = 10 ** r["decimals"]
        if r["lt"] != 0 and r["collateral"]:
            b = OPS["rayMul"](r["scaledA"], r["income"]) * r["price"] // unit
            tc += b
            if r["ltv"] != 0:
                sl += b * r["ltv"]
            st += b * r["lt"]
        if r["scaledD"] > 0:
            td += OPS["rayMul"](r["scaledD"], r["debtIndex"]) * r["price"] // unit
    avg_ltv = sl // tc if tc else 0
    avg_lt = st // tc if tc else 0
    if not touched:
        hf = M - 1
    elif td == 0:
        hf = M - 1
    else:
        hf = OPS["wadDiv"](OPS["percentMul"](tc, avg_lt), td)
    expected = dict(totalCollateralBase=str(tc), totalDebtBase=str(td), ltv=str(avg_ltv), lt=str(avg_lt),
                    healthFactor=str(hf))
    enc = [{k: (str(v) if isinstance(v, int) and not isinstance(v, bool) else v) for k, v in r.items()}
           for r in reserves]
    return dict(reserves=enc, expected=expected)


def generate(rng):
    math = []
    for name, f in OPS.items():
        for _ in range(1500):
            a, b = _operand(rng), _operand(rng)
            r = f(a, b)
            math.append(dict(op=name, a=str(a), b=str(b), result=None if r is None else str(r)))
    accounts = [_account(rng) for _ in range(3000)]
    return dict(math=math, accounts=accounts, cases=math + accounts)
