"""secp256k1 signing oracle: coincurve (RFC 6979, low s) for raw hashes, eth-keys for addresses, eth-account for
EIP-191 personal messages. The Swift tests sign and recover each case and compare byte for byte."""
from coincurve import PrivateKey, PublicKey
from eth_account import Account
from eth_account.messages import encode_defunct
from eth_keys import keys

N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


def _key(rng):
    kind = rng.randrange(10)
    if kind == 0:
        return rng.randrange(1, 1 << 16)
    if kind == 1:
        return N - 1 - rng.randrange(1 << 16)
    return rng.randrange(1, N)


def _hash(rng):
    kind = rng.randrange(10)
    if kind == 0:
        return bytes(32)
    if kind == 1:
        return b"\xff" * 32
    return rng.randbytes(32)


def _message(rng, i):
    fixed = [b"", "hello world".encode(), "héllo wörld ✓ 🦄".encode(), b"\x00", b"\x19Ethereum", bytes(range(256))]
    if i < len(fixed):
        return fixed[i]
    kind = rng.randrange(3)
    if kind == 0:
        return rng.randbytes(rng.randrange(0, 200))
    if kind == 1:
        return "".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0xa0, 0xd7ff),
                                       rng.randrange(0x1f300, 0x1f6ff)])) for _ in range(rng.randrange(1, 40))).encode()
    return rng.randbytes(rng.randrange(1000, 5000))


def generate(rng):
    cases = []
    for _ in range(2000):
        k = _key(rng)
        kb = k.to_bytes(32, "big")
        h = _hash(rng)
        sig = PrivateKey(kb).sign_recoverable(h, hasher=None)
        r, s, rec = int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:64], "big"), sig[64]
        assert s <= N // 2
        pub = PublicKey.from_signature_and_message(sig, h, hasher=None).format(compressed=False)
        addr = keys.PrivateKey(kb).public_key.to_canonical_address()
        assert keys.PublicKey(pub[1:]).to_canonical_address() == addr
        cases.append({"key": kb.hex(), "hash": h.hex(), "r": f"{r:064x}", "s": f"{s:064x}", "rec": rec,
                      "pub": pub.hex(), "address": addr.hex()})
    messages = []
    for i in range(300):
        kb = _key(rng).to_bytes(32, "big")
        m = _message(rng, i)
        signed = Account.sign_message(encode_defunct(primitive=m), kb)
        messages.append({"key": kb.hex(), "message": m.hex(), "hash": bytes(signed.message_hash).hex(),
                         "signature": bytes(signed.signature).hex(),
                         "address": Account.from_key(kb).address[2:].lower()})
    return {"cases": cases, "messages": messages,
            "n": f"{N:064x}"}
