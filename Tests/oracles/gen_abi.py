"""ABI reference results from eth-abi (encode, decode, encode_packed) and eth-utils (selectors, topics).

Values are written as JSON trees the Swift tests convert by type: integers as decimal strings, address / bytes /
bytesN as 0x hex, bools and strings as themselves, arrays and tuples as JSON arrays.
"""
from eth_abi import decode, encode
from eth_abi.packed import encode_packed
from eth_utils import event_signature_to_log_topic, function_signature_to_4byte_selector

ELEMENTARY = ["address", "bool", "string", "bytes"]
ELEMENTARY += [f"uint{n}" for n in range(8, 257, 8)] + [f"int{n}" for n in range(8, 257, 8)]
ELEMENTARY += [f"bytes{n}" for n in range(1, 33)]


def rand_type(rng, depth):
    r = rng.random()
    if depth >= 3 or r < 0.55:
        return rng.choice(ELEMENTARY)
    if r < 0.7:
        return rand_type(rng, depth + 1) + "[]"
    if r < 0.85:
        return rand_type(rng, depth + 1) + f"[{rng.randint(1, 3)}]"
    return "(" + ",".join(rand_type(rng, depth + 1) for _ in range(rng.randint(1, 3))) + ")"


def split_top(s):
    """Splits a tuple body 'a,(b,c),d' at top-level commas."""
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    if cur:
        parts.append(cur)
    return parts


def rand_int(rng, bits, signed):
    kind = rng.randrange(5)
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if kind == 0:
        return lo
    if kind == 1:
        return hi
    if kind == 2:
        return rng.randint(max(lo, -300), min(hi, 300))
    return rng.randint(lo, hi)


def rand_string(rng):
    alphabet = "abcXYZ 019_-\"\\\n" + "é€😀ü"
    return "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 1, 5, 31, 32, 33, 70])))


def rand_value(rng, t):
    """Returns (python value for eth_abi, json value for Swift)."""
    if t.endswith("]"):
        inner, size = t[: t.rindex("[")], t[t.rindex("[") + 1 : -1]
        n = int(size) if size else rng.choice([0, 1, 2, 3])
        pairs = [rand_value(rng, inner) for _ in range(n)]
        return [p for p, _ in pairs], [j for _, j in pairs]
    if t.startswith("("):
        pairs = [rand_value(rng, c) for c in split_top(t[1:-1])]
        return tuple(p for p, _ in pairs), [j for _, j in pairs]
    if t == "address":
        b = bytes(rng.randrange(256) for _ in range(20))
        return "0x" + b.hex(), "0x" + b.hex()
    if t == "bool":
        v = rng.random() < 0.5
        return v, v
    if t == "string":
        s = rand_string(rng)
        return s, s
    if t == "bytes":
        b = bytes(rng.randrange(256) for _ in range(rng.choice([0, 1, 20, 32, 33, 64, 100])))
        return b, "0x" + b.hex()
    if t.startswith("bytes"):
        b = bytes(rng.randrange(256) for _ in range(int(t[5:])))
        return b, "0x" + b.hex()
    signed = t.startswith("int")
    v = rand_int(rng, int(t[3:] if signed else t[4:]), signed)
    return v, str(v)


def norm(v):
    if isinstance(v, (list, tuple)):
        return tuple(norm(x) for x in v)
    if isinstance(v, str) and v.startswith("0x"):
        return v.lower()
    return v


def generate(rng):
    cases = []
    for _ in range(2500):
        types = [rand_type(rng, 0) for _ in range(rng.randint(1, 4))]
        pairs = [rand_value(rng, t) for t in types]
        py = [p for p, _ in pairs]
        encoded = encode(types, py)
        assert norm(decode(types, encoded)) == norm(py), types
        cases.append({"types": types, "values": [j for _, j in pairs], "encoded": "0x" + encoded.hex()})

    # encode_packed oracle for elementary types only: eth-abi packs array elements unpadded, unlike Solidity.
    packed = []
    flat = [t for t in ELEMENTARY]
    for _ in range(800):
        types = [rng.choice(flat) for _ in range(rng.randint(1, 5))]
        pairs = [rand_value(rng, t) for t in types]
        packed.append({"types": types, "values": [j for _, j in pairs],
                       "packed": "0x" + encode_packed(types, [p for p, _ in pairs]).hex()})

    selectors = []
    for _ in range(400):
        name = rng.choice(["f", "swap", "transfer", "_x1", "aggregate3", "deposit"]) + str(rng.randrange(1000))
        types = [rand_type(rng, 1) for _ in range(rng.randint(0, 4))]
        sig = f"{name}({','.join(types)})"
        selectors.append({"signature": sig, "selector": "0x" + function_signature_to_4byte_selector(sig).hex(),
                          "topic": "0x" + event_signature_to_log_topic(sig).hex()})
    return {"cases": cases, "packed": packed, "selectors": selectors}
