#!/usr/bin/env python3
"""coincurve peer for defi-bench's SigningBench: recoverable RFC 6979 signing of a 32-byte hash, public-key recovery,
and both back to back; best of 5; prints JSON {metric: ops per second}."""
import json
import os
import time

from coincurve import PrivateKey, PublicKey


def best_per_s(fn, ops, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        fn()
        best = min(best, (time.perf_counter_ns() - t0) / ops)
    return 1e9 / best


def main():
    count, ops = 256, 2000
    keys = [PrivateKey(os.urandom(32)) for _ in range(count)]
    hashes = [os.urandom(32) for _ in range(count)]
    sigs = [keys[i].sign_recoverable(hashes[i], hasher=None) for i in range(count)]

    def sign():
        for i in range(ops):
            keys[i % count].sign_recoverable(hashes[(i * 7) % count], hasher=None)

    def recover():
        for i in range(ops):
            j = i % count
            PublicKey.from_signature_and_message(sigs[j], hashes[j], hasher=None)

    def both():
        for i in range(ops):
            h = hashes[(i * 3) % count]
            PublicKey.from_signature_and_message(keys[i % count].sign_recoverable(h, hasher=None), h, hasher=None)

    print(json.dumps({
        "coincurve_sign_per_s": best_per_s(sign, ops),
        "coincurve_recover_per_s": best_per_s(recover, ops),
        "coincurve_sign_recover_per_s": best_per_s(both, ops),
    }, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
