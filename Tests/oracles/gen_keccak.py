"""Keccak-256 reference digests from pycryptodome (Crypto.Hash.keccak, digest_bits=256): random inputs of
random lengths 0..3000, every length around the 136-byte rate boundaries, and one 1 MiB input given by a seed."""
from Crypto.Hash import keccak


def _digest(data):
    return "0x" + keccak.new(digest_bits=256, data=data).hexdigest()


def _ramp(n, seed):
    """The 1 MiB recipe the Swift test rebuilds: byte[i] = (i * 131 + seed) mod 256 ^ (i >> 8) mod 256."""
    return bytes(((i * 131 + seed) ^ (i >> 8)) & 0xFF for i in range(n))


def generate(rng):
    lengths = list(range(0, 300)) + [n + d for n in (408, 544, 680, 1088, 2176) for d in (-1, 0, 1)]
    lengths += [rng.randrange(0, 3001) for _ in range(2500)]
    cases = []
    for n in lengths:
        data = bytes(rng.randrange(256) for _ in range(n))
        cases.append({"input": "0x" + data.hex(), "digest": _digest(data)})
    seed = rng.randrange(256)
    big = {"length": 1 << 20, "seed": seed, "recipe": "byte[i] = ((i*131 + seed) ^ (i >> 8)) & 0xff",
           "digest": _digest(_ramp(1 << 20, seed))}
    return {"cases": cases, "large": big}
