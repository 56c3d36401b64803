#!/usr/bin/env python3
"""The Keccak peer: pycryptodome's Crypto.Hash.keccak (C) on the same workloads as defi-bench's KeccakBench,
best of 5. Prints JSON {"pycryptodome_keccak_1mib_mb_per_s": ..., "pycryptodome_keccak_64b_hashes_per_s": ...}
(MB = 1e6 bytes). Run with the project venv: .venv/bin/python scripts/bench_keccak_peer.py"""
import json
import time

from Crypto.Hash import keccak


def best_ns_per_op(ops, body, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        body()
        best = min(best, (time.perf_counter_ns() - t0) / ops)
    return best


def main():
    big = bytearray((i * 131) & 0xFF for i in range(1 << 20))
    reps = 20

    def hash_big():
        for r in range(reps):
            big[0] = r & 0xFF
            keccak.new(digest_bits=256, data=big).digest()

    ns_big = best_ns_per_op(reps, hash_big)

    n = 100_000
    msgs = [i.to_bytes(8, "little") + b"\x5a" * 56 for i in range(n)]

    def hash_small():
        new = keccak.new
        for m in msgs:
            new(digest_bits=256, data=m).digest()

    ns_small = best_ns_per_op(n, hash_small)
    print(json.dumps({
        "pycryptodome_keccak_1mib_mb_per_s": (1 << 20) / ns_big * 1e9 / 1e6,
        "pycryptodome_keccak_64b_hashes_per_s": 1e9 / ns_small,
    }, sort_keys=True))


if __name__ == "__main__":
    main()
