"""RLP reference results from pyrlp 5.0.0: random nested items with their `rlp.encode` bytes, and random byte
strings (mostly mutated valid encodings) with what `rlp.decode(strict=True)` makes of them (an item, or an error).

Items are JSON: a byte string is "0x…" hex, a list is a JSON array."""
import rlp
from rlp.exceptions import DecodingError, DeserializationError


def _bytes(rng):
    kind = rng.randrange(10)
    if kind == 0:
        n = 0
    elif kind <= 2:
        n = 1
    elif kind == 3:
        n = rng.choice([55, 56, 57, 255, 256, 257])
    elif kind == 4:
        n = rng.randrange(56, 200)
    else:
        n = rng.randrange(2, 56)
    if n == 1 and rng.randrange(2):
        return bytes([rng.randrange(0x80)])
    return bytes(rng.randrange(256) for _ in range(n))


def _item(rng, depth):
    if depth >= 5 or rng.randrange(3) != 0:
        return _bytes(rng)
    count = rng.choice([0, 1, 2, 3, 5, 8, rng.randrange(0, 20)])
    return [_item(rng, depth + 1) for _ in range(count)]


def _json(item):
    if isinstance(item, (bytes, bytearray)):
        return "0x" + bytes(item).hex()
    return [_json(c) for c in item]


def _mutate(rng, enc):
    b = bytearray(enc)
    kind = rng.randrange(7)
    if kind == 0 and len(b) > 1:
        del b[rng.randrange(1, len(b)):]  # truncate
    elif kind == 1:
        b.append(rng.randrange(256))  # trailing byte
    elif kind == 2 and b:
        b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)  # flip one bit
    elif kind == 3 and b:
        b[rng.randrange(len(b))] = rng.choice([0x00, 0x7F, 0x80, 0x81, 0xB7, 0xB8, 0xBF, 0xC0, 0xF7, 0xF8, 0xFF])
    elif kind == 4:
        v = rng.randrange(0x80)  # 0x81 b with b < 0x80
        b = bytearray([0x81, v])
    elif kind == 5:
        n = rng.randrange(0, 56)  # long form for a short length, or a leading zero in the length
        body = bytes(rng.randrange(256) for _ in range(n))
        head = rng.choice([0xB8, 0xF8])
        b = bytearray([head, n]) + body if rng.randrange(2) else bytearray([head + 1, 0, n]) + body
    else:
        b = bytearray(rng.randrange(256) for _ in range(rng.randrange(0, 12)))  # noise
    return bytes(b)


def generate(rng):
    cases = []
    for _ in range(2000):
        item = _item(rng, 0)
        cases.append({"item": _json(item), "encoded": "0x" + rlp.encode(item).hex()})
    decode_cases = []
    rejected = 0
    while len(decode_cases) < 2500:
        enc = _mutate(rng, rlp.encode(_item(rng, 2)))
        try:
            item = rlp.decode(enc, strict=True)
            decode_cases.append({"encoded": "0x" + enc.hex(), "valid": True, "item": _json(item)})
        except (DecodingError, DeserializationError) as e:
            rejected += 1
            decode_cases.append({"encoded": "0x" + enc.hex(), "valid": False, "error": type(e).__name__ + ": " + str(e)[:80]})
    return {"cases": cases, "decode_cases": decode_cases, "rejected": rejected}
