#!/usr/bin/env python3
"""The Curve peer: curvesim 0.5.0's CurvePool on the same 3-coin state and trades as defi-bench's CurveBench,
best of 5. curvesim has no get_dy view, so a quote is its get_y (which solves D itself, as the pool's get_dy does)
plus StableSwap3Pool.vy's get_dy arithmetic. Prints JSON {"curvesim_get_dy_per_s": ...}.
Run with the project venv: .venv/bin/python scripts/bench_curve_peer.py"""
import json
import time

from curvesim.pool.stableswap.pool import CurvePool


def best_ns_per_op(ops, body, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        body()
        best = min(best, (time.perf_counter_ns() - t0) / ops)
    return best


def main():
    e18, e6 = 10**18, 10**6
    rates = [e18, 10**30, 10**30]
    pool = CurvePool(A=2000, D=[170_000_000 * e18, 180_000_000 * e6, 80_000_000 * e6], n=3, rates=rates,
                     fee=10**6, admin_fee=5 * 10**9)
    xp = pool._xp()
    n = 5_000

    def quotes():
        for k in range(n):
            dx = (1_000 + k % 1_000) * e18
            x = xp[0] + dx * rates[0] // e18
            y = pool.get_y(0, 1, x, xp)
            dy = (xp[1] - y - 1) * e18 // rates[1]
            dy - pool.fee * dy // 10**10

    print(json.dumps({"curvesim_get_dy_per_s": 1e9 / best_ns_per_op(n, quotes)}))


if __name__ == "__main__":
    main()
