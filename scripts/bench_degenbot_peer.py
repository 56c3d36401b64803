#!/usr/bin/env python3
"""The degenbot peer: degenbot 0.2.4's V3LiquidityPool and LiquidityPool pricing the same states and amounts as
defi-bench's UniswapBench, best of 5. Prints JSON {"degenbot_v3_quote_10_ticks_ns": ..., "degenbot_v2_amount_out_ns": ...}.

- V3: a 0.3 % pool (spacing 60) at sqrtPrice 2^96 / tick 0 with a full-range 2e18 position and ten 1e18
  positions [-120k, 120k + 60], k = 1..10; the quote is `calculate_tokens_out_from_tokens_in(token0, amount - j)`
  (degenbot's QuoterV2-like exact-input helper, no price limit), where amount is 10,000 below the input that
  moves the price to tick -1250, so every quote crosses the ten lower initialized ticks.
- V2: `calculate_tokens_out_from_tokens_in(token0, 1e9 + j)` on reserves (0x123456_123456789abcdef0,
  0x98765_0fedcba987654321) at 0.3 %.
The pools are built as in Tests/oracles/gen_degenbot.py (degenbot's constructors need a node). Results of the
first and last operation are compared with defi's, read from $DEFI_BENCH_UNISWAP_OUT (written by defi-bench),
printed to stderr, and counted in degenbot_crosscheck_mismatches.
Run with degenbot's venv: .venv-degenbot/bin/python scripts/bench_degenbot_peer.py"""
import json
import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Tests" / "oracles"))
from gen_degenbot import TOKEN0, v2_pool, v3_pool  # noqa: E402
from degenbot.uniswap.v3_libraries import TickMath  # noqa: E402


def best_ns_per_op(ops, body, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        body()
        best = min(best, (time.perf_counter_ns() - t0) / ops)
    return best


def main():
    e18 = 10**18
    nets = {-887220: 2 * e18, 887220: -2 * e18}
    for k in range(1, 11):
        nets[-120 * k] = e18
        nets[120 * k + 60] = -e18
    pool = v3_pool(3000, 60, 1 << 96, 0, 12 * e18, nets)
    full = pool.simulate_exact_input_swap(TOKEN0, (1 << 255) - 1, sqrt_price_limit_x96=TickMath.getSqrtRatioAtTick(-1250))
    amount = full.amount0_delta - 10_000
    v3_ops = 500

    def v3_quotes():
        for j in range(v3_ops):
            pool.calculate_tokens_out_from_tokens_in(TOKEN0, amount - j)

    r_in = (0x123456 << 64) | 0x123456789ABCDEF0
    r_out = (0x98765 << 64) | 0x0FEDCBA987654321
    pair = v2_pool(30, r_in, r_out)
    v2_ops = 100_000

    def v2_quotes():
        for j in range(v2_ops):
            pair.calculate_tokens_out_from_tokens_in(TOKEN0, 1_000_000_000 + j)

    metrics = {
        "degenbot_v3_quote_10_ticks_ns": best_ns_per_op(v3_ops, v3_quotes),
        "degenbot_v2_amount_out_ns": best_ns_per_op(v2_ops, v2_quotes),
    }

    peer = {
        "v3_full_amount0": str(full.amount0_delta),
        "v3_quotes": [[str(amount - j), str(pool.calculate_tokens_out_from_tokens_in(TOKEN0, amount - j))]
                      for j in (0, 20_000 - 1)],
        "v2_reserves": [str(r_in), str(r_out)],
        "v2_quotes": [[str(a), str(pair.calculate_tokens_out_from_tokens_in(TOKEN0, a))]
                      for a in (1_000_000_000, 1_000_000_000 + 1_000_000 - 1)],
    }
    path = os.environ.get("DEFI_BENCH_UNISWAP_OUT")
    if path and os.path.exists(path):
        with open(path) as f:
            ours = json.load(f)
        mismatches = 0
        for key in ("v3_full_amount0", "v3_quotes", "v2_reserves", "v2_quotes"):
            same = ours[key] == peer[key]
            mismatches += 0 if same else 1
            print(f"[degenbot peer] {key}: defi {ours[key]} degenbot {peer[key]} {'equal' if same else 'DIFFER'}",
                  file=sys.stderr)
        metrics["degenbot_crosscheck_mismatches"] = float(mismatches)
    else:
        print(f"[degenbot peer] no DEFI_BENCH_UNISWAP_OUT: results {peer}", file=sys.stderr)
    json.dump(metrics, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
