"""CLI oracle for `defi abi|tx|wallet`: eth-abi call data and decodings for signatures with CLI-style argument
text (units, negative ints, arrays, tuples), eth-account signed transactions of the three types from flag values,
EIP-191 and EIP-712 signatures, and keystores written by eth-account for `defi` to decrypt. The Swift CLITests
run the built binary on each case and compare its output byte for byte."""
import json

from eth_abi import encode
from eth_account import Account
from eth_account.messages import encode_defunct, encode_typed_data
from eth_utils import keccak, to_checksum_address

import gen_eip712

KEYS = ["0x" + "11" * 32, "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
        "0x" + "00" * 31 + "01"]


def _address(rng):
    return to_checksum_address(rng.randbytes(20))


def _uint_arg(rng, bits):
    """(python value, CLI text) in one of the forms defi accepts."""
    form = rng.randrange(5)
    if bits == 256 and form == 0:
        whole, frac = rng.randrange(0, 1000), rng.randrange(0, 10 ** 6)
        return whole * 10 ** 18 + frac * 10 ** 12, f"{whole}.{frac:06d}ether"
    if bits >= 64 and form == 1:
        g = rng.randrange(0, 10 ** 4)
        return g * 10 ** 9, f"{g}gwei"
    v = rng.choice([0, (1 << bits) - 1, rng.randrange(1 << bits), rng.randrange(1000)])
    return v, hex(v) if form == 2 else str(v)


def _int_arg(rng, bits):
    v = rng.choice([-(1 << (bits - 1)), (1 << (bits - 1)) - 1, rng.randrange(-(1 << (bits - 1)), 1 << (bits - 1)),
                    -rng.randrange(1, 1000)])
    return v, str(v)


def _arg(rng, t):
    """A random value of type t: (eth-abi value, CLI text, JSON view)."""
    if t.endswith("[]"):
        items = [_arg(rng, t[:-2]) for _ in range(rng.randrange(4))]
        return [i[0] for i in items], "[" + ", ".join(i[1] for i in items) + "]", [i[2] for i in items]
    if t.startswith("("):
        inner = t[1:-1].split(",")
        items = [_arg(rng, x) for x in inner]
        return tuple(i[0] for i in items), "(" + ",".join(i[1] for i in items) + ")", [i[2] for i in items]
    if t.startswith("uint"):
        v, text = _uint_arg(rng, int(t[4:]))
        return v, text, str(v)
    if t.startswith("int"):
        v, text = _int_arg(rng, int(t[3:]))
        return v, text, str(v)
    if t == "address":
        a = _address(rng)
        return a, rng.choice([a, a.lower()]), a
    if t == "bool":
        b = rng.random() < 0.5
        return b, "true" if b else "false", b
    if t == "bytes":
        b = rng.randbytes(rng.randrange(70))
        return b, "0x" + b.hex(), "0x" + b.hex()
    if t.startswith("bytes"):
        b = rng.randbytes(int(t[5:]))
        return b, "0x" + b.hex(), "0x" + b.hex()
    s = "".join(rng.choice("abcxyz XYZ0123é") for _ in range(rng.randrange(1, 30))).strip() or "x"
    return s, s, s


SIGS = [["address", "uint256"], ["int256", "int8"], ["uint256[]", "bool"], ["(uint256,address)", "bytes"],
        ["string", "bytes32"], ["uint8", "uint64", "int24"], ["address[]"], ["(int128,bool,bytes4)[]"],
        ["uint128", "string", "address"], ["bytes", "bytes", "uint256"]]


def _abi_cases(rng):
    cases = []
    for i in range(40):
        types = SIGS[i % len(SIGS)] if i < 20 else rng.sample(
            ["uint256", "uint32", "int64", "address", "bool", "bytes", "bytes20", "string", "uint256[]",
             "(uint16,int16)"], rng.randint(1, 4))
        if "string" in types and any(t.startswith("(") or t.endswith("[]") for t in types):
            types = [t for t in types if t != "string"] or ["uint256"]
        values = [_arg(rng, t) for t in types]
        canonical = f"f{i}(" + ",".join(types) + ")"
        body = encode(types, [v[0] for v in values])
        cases.append({"signature": canonical, "types": types, "args": [v[1] for v in values],
                      "values": [v[2] for v in values], "selector": "0x" + keccak(text=canonical)[:4].hex(),
                      "calldata": "0x" + keccak(text=canonical)[:4].hex() + body.hex(), "encoded": "0x" + body.hex()})
    return cases


def _tx_cases(rng):
    cases = []
    for i in range(12):
        key = KEYS[i % len(KEYS)]
        kind = i % 3
        tx = {"nonce": rng.choice([0, 1, rng.randrange(1 << 32)]), "gas": rng.randrange(21000, 3_000_000),
              "to": _address(rng), "value": rng.choice([0, 10 ** 18, rng.randrange(1 << 80)]),
              "data": "0x" + rng.randbytes(rng.choice([0, 4, 68])).hex(), "chainId": rng.choice([1, 10, 31337])}
        flags = ["--nonce", str(tx["nonce"]), "--gas-limit", str(tx["gas"]), "--to", tx["to"], "--value",
                 str(tx["value"]), "--data", tx["data"], "--chain-id", str(tx["chainId"]), "--type", str(kind)]
        if kind == 2:
            tx["maxPriorityFeePerGas"] = rng.randrange(0, 3 * 10 ** 9)
            tx["maxFeePerGas"] = tx["maxPriorityFeePerGas"] + rng.randrange(10 ** 9, 10 ** 11)
            tx["type"] = 2
            flags += ["--max-fee", str(tx["maxFeePerGas"]), "--priority-fee", str(tx["maxPriorityFeePerGas"])]
        else:
            tx["gasPrice"] = rng.randrange(10 ** 9, 10 ** 11)
            flags += ["--gas-price", str(tx["gasPrice"])]
        if kind >= 1:
            al = [{"address": _address(rng), "storageKeys": ["0x" + rng.randbytes(32).hex() for _ in range(rng.randrange(3))]}
                  for _ in range(rng.randrange(3))]
            tx["accessList"] = al
            tx["type"] = kind
            flags += ["--access-list", json.dumps(al)]
        signed = Account.sign_transaction(tx, key)
        cases.append({"key": key, "flags": flags, "raw": "0x" + signed.raw_transaction.hex(),
                      "hash": "0x" + signed.hash.hex(), "sender": Account.from_key(key).address})
    return cases


def _message_cases(rng):
    cases = []
    texts = ["hello world", "héllo wörld ✓", "", "0xnot hex", "line1\nline2"]
    for i in range(10):
        key = KEYS[i % len(KEYS)]
        if i < len(texts):
            msg, hex_mode = texts[i], False
            signable = encode_defunct(text=msg)
        else:
            raw = rng.randbytes(rng.randrange(1, 80))
            msg, hex_mode = "0x" + raw.hex(), True
            signable = encode_defunct(primitive=raw)
        if msg == "":
            continue  # an empty argument is awkward on a command line; covered by Primitives tests
        sig = Account.sign_message(signable, key)
        cases.append({"key": key, "message": msg, "hex": hex_mode, "signature": "0x" + sig.signature.hex()})
    return cases


def _typed_cases(rng):
    cases = []
    for i in range(8):
        key = KEYS[i % len(KEYS)]
        types, primary = gen_eip712.rand_types(rng)
        dpy, djs = {}, {}
        for name, t in gen_eip712.DOMAIN[:3]:
            dpy[name], djs[name] = gen_eip712.rand_atomic(rng, t)
            if t == "uint256":
                dpy[name] = djs[name] = dpy[name] % (1 << 64)
        py_msg, js_msg = gen_eip712.rand_value(rng, types, primary)
        full_py = {"types": dict(types), "primaryType": primary, "domain": dpy, "message": py_msg}
        full_js = {"types": dict(types), "primaryType": primary, "domain": djs, "message": js_msg}
        s = encode_typed_data(full_message=full_py)
        sig = Account.sign_message(s, key)
        cases.append({"key": key, "json": json.dumps(full_js), "signature": "0x" + sig.signature.hex(),
                      "digest": "0x" + keccak(b"\x19" + s.version + s.header + s.body).hex()})
    return cases


def _keystore_cases(rng):
    cases = []
    for i, key in enumerate(KEYS):
        password = ["pw", "correct horse battery staple", "pässwörd"][i]
        ks = Account.encrypt(key, password, kdf="scrypt", iterations=16)
        cases.append({"keystore": json.dumps(ks), "password": password, "address": Account.from_key(key).address})
    return cases


def generate(rng):
    return {"abi": _abi_cases(rng), "tx": _tx_cases(rng), "messages": _message_cases(rng),
            "typed": _typed_cases(rng), "keystores": _keystore_cases(rng)}
