"""EIP-712 reference hashes from eth-account's encode_typed_data (full_message form) on random typed data:
nested structs, arrays of structs and of atomic types, every atomic type, optional domain fields."""
import json

from eth_account.messages import encode_typed_data
from eth_utils import keccak

ATOMIC = ["address", "bool", "string", "bytes"]
ATOMIC += [f"uint{n}" for n in range(8, 257, 8)] + [f"int{n}" for n in range(8, 257, 8)]
ATOMIC += [f"bytes{n}" for n in range(1, 33)]
DOMAIN = [("name", "string"), ("version", "string"), ("chainId", "uint256"), ("verifyingContract", "address"),
          ("salt", "bytes32")]


def rand_atomic(rng, t):
    """(value for eth-account, value for the JSON file)."""
    if t == "address":
        h = "0x" + bytes(rng.randrange(256) for _ in range(20)).hex()
        return h, h
    if t == "bool":
        v = rng.random() < 0.5
        return v, v
    if t == "string":
        s = "".join(rng.choice("abc XYZ\"é😀") for _ in range(rng.randrange(40)))
        return s, s
    if t == "bytes":
        h = "0x" + bytes(rng.randrange(256) for _ in range(rng.randrange(70))).hex()
        return h, h
    if t.startswith("bytes"):
        h = "0x" + bytes(rng.randrange(256) for _ in range(int(t[5:]))).hex()
        return h, h
    signed = t.startswith("int")
    bits = int(t[3:] if signed else t[4:])
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    v = rng.choice([lo, hi, 0, rng.randint(lo, hi), rng.randint(max(lo, -1000), min(hi, 1000))])
    form = rng.randrange(3)
    if form == 0 or (v < 0 and form == 2):
        return v, v  # a JSON number, exactly as written
    if form == 1:
        return v, str(v)
    return v, hex(v)


def rand_value(rng, types, t):
    if t.endswith("]"):
        inner, size = t[: t.rindex("[")], t[t.rindex("[") + 1 : -1]
        n = int(size) if size else rng.randrange(4)
        pairs = [rand_value(rng, types, inner) for _ in range(n)]
        return [p for p, _ in pairs], [j for _, j in pairs]
    if t in types:
        py, js = {}, {}
        for f in types[t]:
            py[f["name"]], js[f["name"]] = rand_value(rng, types, f["type"])
        return py, js
    return rand_atomic(rng, t)


def rand_types(rng):
    names = rng.sample(["Mail", "Person", "Asset", "Order", "Zeta", "Alpha", "Leg", "Permit", "Wallet"],
                       rng.randint(1, 4))
    types = {}
    # Later names may only reference earlier ones (no recursion), so values stay finite.
    for i, name in enumerate(names):
        fields = []
        for j in range(rng.randint(1, 5)):
            r = rng.random()
            if i > 0 and r < 0.3:
                t = rng.choice(names[:i])
            else:
                t = rng.choice(ATOMIC)
            if rng.random() < 0.25:
                t += rng.choice(["[]", "[2]", "[1]"])
                if rng.random() < 0.2:
                    t += "[]"
            fields.append({"name": f"f{j}_{name.lower()}", "type": t})
        types[name] = fields
    # eth-account derives the primary type as the only unreferenced one, so the primary references the rest.
    used = {f["type"].split("[")[0] for fs in types.values() for f in fs}
    for k, name in enumerate(names[:-1]):
        if name not in used:
            types[names[-1]].append({"name": f"ref{k}", "type": name + rng.choice(["", "[]"])})
    return types, names[-1]


def generate(rng):
    cases = []
    for _ in range(300):
        types, primary = rand_types(rng)
        domain_fields = [f for f in DOMAIN if rng.random() < 0.6] or [DOMAIN[0]]
        dpy, djs = {}, {}
        for name, t in domain_fields:
            dpy[name], djs[name] = rand_atomic(rng, t)
            if t == "uint256":
                dpy[name] = dpy[name] % (1 << 64)
                djs[name] = dpy[name]
        py_msg, js_msg = rand_value(rng, types, primary)
        full_py = {"types": dict(types), "primaryType": primary, "domain": dpy, "message": py_msg}
        full_js = {"types": dict(types), "primaryType": primary, "domain": djs, "message": js_msg}
        if rng.random() < 0.5:
            dom = [{"name": n, "type": t} for n, t in domain_fields]
            full_py["types"]["EIP712Domain"] = dom
            full_js["types"]["EIP712Domain"] = dom
        s = encode_typed_data(full_message=full_py)
        digest = keccak(b"\x19" + s.version + s.header + s.body)
        cases.append({"json": json.dumps(full_js), "domain_separator": "0x" + s.header.hex(),
                      "struct_hash": "0x" + s.body.hex(), "digest": "0x" + digest.hex()})
    return {"cases": cases}
