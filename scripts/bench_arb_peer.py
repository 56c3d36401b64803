"""Peer for the arbitrage benchmark (Sources/defi-bench/ArbBench.swift): a straightforward Python implementation of
the same cycle evaluation over the same generated market (SplitMix64, integer-exact), measured in the same run.

It enumerates every 2- and 3-hop cycle once (canonical rotation, as CycleIndex(canonicalOnly:)), prunes by summed
log marginal rates, checks the composed constant-product margin A > E exactly, sizes survivors from the closed
form x* = (isqrt(A*E) - E) // C and a walk of the coarsest intermediate amount (+-256 units when a unit is worth
>= 2^16 output units, else +-8; the least input for each), all with Uniswap V2's integer getAmountOut, then re-scans after 50 pools change.
With DEFI_BENCH_ARB_OUT (written by defi-bench) it cross-checks every profitable cycle and its profit.
Prints one JSON object of metrics."""
import json
import math
import os
import sys
import time

TOKENS, POOLS, HUBS = 2_000, 10_000, 20
SEED = 0x00DEF1A7B17E0007
M64 = (1 << 64) - 1
CAP = (1 << 112) - 1
WINDOW = 256
FINE = 8


class RNG:
    def __init__(self, state):
        self.state = state & M64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & M64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


def reserve(depth, price, k):
    return depth * 10**24 // price * (10_000 + k) // 10_000


def market():
    rng = RNG(SEED)
    prices = [1_000 + rng.below(1_000_000_000 - 1_000) for _ in range(TOKENS)]
    pools = []  # (t0, t1, r0, r1, fee)
    for _ in range(POOLS):
        a = rng.below(HUBS) if rng.below(2) == 0 else rng.below(TOKENS)
        b = rng.below(HUBS) if rng.below(10) == 0 else rng.below(TOKENS)
        if b == a:
            b = (b + 1) % TOKENS
        depth = 10_000 + rng.below(10_000_000)
        spread = 601 if rng.below(200) == 0 else 41
        ka = rng.below(spread) - spread // 2
        kb = rng.below(spread) - spread // 2
        fee = [30, 30, 25, 5][rng.below(4)]
        ra, rb = reserve(depth, prices[a], ka), reserve(depth, prices[b], kb)
        pools.append((a, b, ra, rb, fee) if a < b else (b, a, rb, ra, fee))
    return pools


def changes(pools, rnd):
    rng = RNG(SEED ^ ((rnd * 0x123456789ABC) & M64))
    out = {}
    while len(out) < 50:
        i = rng.below(len(pools))
        t0, t1, r0, r1, fee = pools[i]
        k = 1 + rng.below(50)
        out[i] = (t0, t1, r0 * (10_000 + k) // 10_000, r1 * (10_000 - k) // 10_000, fee)
    return out


def cycles(pools, max_hops=3):
    """Canonical cycles as lists of edge ids (2*pool + (0 if token0 -> token1 else 1))."""
    index, frm, to = {}, [], []
    for t0, t1, *_ in pools:
        for t in (t0, t1):
            if t not in index:
                index[t] = len(index)
        a, b = index[t0], index[t1]
        frm += [a, b]
        to += [b, a]
    out = [[] for _ in index]
    for e in range(len(frm)):
        out[frm[e]].append(e)
    found, path, on = [], [], [False] * len(index)

    def walk(u, base):
        for e in out[u]:
            v = to[e]
            if v == base:
                if path and not (len(path) == 1 and path[0] >> 1 == e >> 1):
                    found.append(path + [e])
                continue
            if len(path) + 1 < max_hops and not on[v] and v > base:
                on[v] = True
                path.append(e)
                walk(v, base)
                path.pop()
                on[v] = False

    for b in range(len(index)):
        on[b] = True
        walk(b, b)
        on[b] = False
    return found


def leg(pools, e):
    t0, t1, r0, r1, fee = pools[e >> 1]
    return (r0, r1, fee) if e & 1 == 0 else (r1, r0, fee)


def log_rate(pools, e):
    r_in, r_out, fee = leg(pools, e)
    return math.log(r_out) - math.log(r_in) + math.log((10_000 - fee) / 10_000)


def amount_out(x, r_in, r_out, fee):
    if x <= 0:
        return None
    w = x * (10_000 - fee)
    y = w * r_out // (r_in * 10_000 + w)
    return y or None


def min_input(y, r_in, r_out, fee):
    if y <= 0 or y >= r_out:
        return None
    return -(-(10_000 * r_in * y) // ((10_000 - fee) * (r_out - y)))


def profit(legs, x):
    a = x
    for r_in, r_out, fee in legs:
        a = amount_out(a, r_in, r_out, fee)
        if a is None:
            return None, None
    return a - x, a


def size(legs):
    """RouteSizer for constant-product chains: closed form, then a walk of the coarsest intermediate amount."""
    A, C, E = 1, 0, 1
    for r_in, r_out, fee in legs:
        n = 10_000 - fee
        A, C, E = n * r_out * A, n * A + 10_000 * r_in * C, 10_000 * r_in * E
    if A <= E:
        return None
    x0 = min((math.isqrt(A * E) - E) // C, CAP) or 1
    p0, _ = profit(legs, x0)
    if p0 is not None:
        best = (x0, p0)
    else:
        best = None
        for x in range(max(1, x0 - WINDOW), min(x0 + WINDOW, CAP) + 1):
            p, _ = profit(legs, x)
            if p is not None and (best is None or p > best[1]):
                best = (x, p)
        if best is None:
            return None
    small = x0 < 1 << 20
    if small:
        for x in range(max(1, x0 - WINDOW), min(x0 + WINDOW, CAP) + 1):
            p, _ = profit(legs, x)
            if p is not None and (p > best[1] or (p == best[1] and x < best[0])):
                best = (x, p)
    # The intermediate whose unit is worth the most in the route's token (sum of later log rates).
    coarse, value, after = 0, -math.inf, 0.0
    for j in range(len(legs) - 2, -1, -1):
        r_in, r_out, fee = legs[j + 1]
        after += math.log(r_out) - math.log(r_in) + math.log((10_000 - fee) / 10_000)
        if after > value:
            coarse, value = j, after
    width = WINDOW if small or value >= 16 * math.log(2) else FINE
    outs, a = [], best[0]
    for r_in, r_out, fee in legs[:-1]:
        a = amount_out(a, r_in, r_out, fee)
        outs.append(a)
    for k in (range(len(legs) - 1) if small else [coarse]):
        walk = None
        for y in range(max(1, outs[k] - width), outs[k] + width + 1):
            x = y
            for r_in, r_out, fee in reversed(legs[: k + 1]):
                x = min_input(x, r_in, r_out, fee)
                if x is None:
                    break
            if x is None or x > CAP:
                continue
            p, _ = profit(legs, x)
            if p is not None and (walk is None or p > walk[1] or (p == walk[1] and x < walk[0])):
                walk = (x, p)
        if walk and (walk[1] > best[1] or (walk[1] == best[1] and walk[0] < best[0])):
            best = walk
    return best if best[1] > 0 else None


def evaluate(pools, cyc, which, results, rates):
    for c in which:
        s = sum(rates[e] for e in cyc[c])
        results[c] = size([leg(pools, e) for e in cyc[c]]) if s > 0 else None


def main():
    t = time.perf_counter()
    pools = market()
    gen_ms = (time.perf_counter() - t) * 1e3
    t = time.perf_counter()
    cyc = cycles(pools)
    index_ms = (time.perf_counter() - t) * 1e3
    t = time.perf_counter()
    rates = [log_rate(pools, e) for e in range(2 * len(pools))]
    results = [None] * len(cyc)
    evaluate(pools, cyc, range(len(cyc)), results, rates)
    eval_ms = (time.perf_counter() - t) * 1e3
    by_pool = [[] for _ in pools]
    for c, edges in enumerate(cyc):
        for e in edges:
            if not by_pool[e >> 1] or by_pool[e >> 1][-1] != c:
                by_pool[e >> 1].append(c)
    moved = list(pools)
    ch = changes(pools, 0)
    t = time.perf_counter()
    for i, p in ch.items():
        moved[i] = p
        rates[2 * i], rates[2 * i + 1] = log_rate(moved, 2 * i), log_rate(moved, 2 * i + 1)
    affected = sorted({c for i in ch for c in by_pool[i]})
    evaluate(moved, cyc, affected, list(results), rates)
    rescan_ms = (time.perf_counter() - t) * 1e3
    profitable = {",".join(f"{e >> 1}:{1 - (e & 1)}" for e in cyc[c]): r for c, r in enumerate(results) if r}
    metrics = {
        "peer_arb_generate_ms": gen_ms, "peer_arb_index_ms": index_ms, "peer_arb_evaluate_all_ms": eval_ms,
        "peer_arb_full_scan_ms": index_ms + eval_ms, "peer_arb_rescan_50_pools_ms": rescan_ms,
        "peer_arb_cycles": len(cyc), "peer_arb_profitable": len(profitable), "peer_arb_rescan_cycles": len(affected),
    }
    path = os.environ.get("DEFI_BENCH_ARB_OUT")
    if path and os.path.exists(path):
        with open(path) as f:
            theirs = json.load(f)
        ours = {k: str(v[1]) for k, v in profitable.items()}
        swift = {k: v[1] for k, v in theirs["profitable"].items()}
        metrics["arb_crosscheck_cycle_count_equal"] = float(theirs["metrics"]["cycles"] == len(cyc))
        metrics["arb_crosscheck_rescan_cycle_count_equal"] = float(theirs["metrics"].get("rescan_cycles") == len(affected))
        metrics["arb_crosscheck_profitable_only_defi"] = float(len(swift.keys() - ours.keys()))
        metrics["arb_crosscheck_profitable_only_peer"] = float(len(ours.keys() - swift.keys()))
        metrics["arb_crosscheck_profit_mismatches"] = float(
            sum(1 for k in swift.keys() & ours.keys() if swift[k] != ours[k]))
    json.dump(metrics, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
