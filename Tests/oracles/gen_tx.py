"""Signed transactions of types 0, 1 and 2 from eth-account (RFC 6979, low s): the raw bytes, hashes and senders
that defi's Transaction must reproduce byte for byte."""
from eth_account import Account
from eth_utils import keccak, to_checksum_address


def _uint(rng, bits):
    kind = rng.randrange(5)
    if kind == 0:
        return 0
    if kind == 1:
        return rng.randrange(1, 256)
    if kind == 2:
        return rng.randrange(1 << min(bits, 64))
    return rng.randrange(1 << bits)


def _data(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return b""
    n = rng.choice([1, 4, 31, 32, 33, 55, 56, 100, 1000])
    return bytes(rng.choice([0, rng.randrange(256)]) for _ in range(n))


def _address(rng):
    return to_checksum_address(bytes(rng.randrange(256) for _ in range(20)))


def generate(rng):
    cases = []
    for i in range(600):
        key = bytes(rng.randrange(256) for _ in range(32))
        if int.from_bytes(key, "big") == 0:
            continue
        tx_type = i % 3
        tx = {
            "nonce": _uint(rng, 64) % (1 << 64 - 1),
            "gas": rng.choice([21000, 100000, 30_000_000, (1 << 63)]),
            "value": _uint(rng, 256),
            "data": _data(rng),
            "chainId": rng.choice([1, 10, 137, 31337, 11155111, (1 << 63) - 1]),
        }
        if rng.randrange(8) == 0:
            tx["to"] = b""  # contract creation
        else:
            tx["to"] = _address(rng)
        if tx_type == 0:
            tx["gasPrice"] = _uint(rng, 256)
        else:
            if tx_type == 1:
                tx["gasPrice"] = _uint(rng, 256)
                tx["type"] = 1
            else:
                tx["maxFeePerGas"] = _uint(rng, 256)
                tx["maxPriorityFeePerGas"] = _uint(rng, 256)
                tx["type"] = 2
            tx["accessList"] = [
                {"address": _address(rng),
                 "storageKeys": ["0x" + bytes(rng.randrange(256) for _ in range(32)).hex()
                                 for _ in range(rng.randrange(3))]}
                for _ in range(rng.randrange(3))
            ]
        signable = dict(tx)
        if signable["to"] == b"":
            del signable["to"]
        signed = Account.sign_transaction(signable, key)
        raw = bytes(signed.raw_transaction)
        case = {
            "private_key": "0x" + key.hex(),
            "type": tx_type,
            "nonce": str(tx["nonce"]),
            "gas": str(tx["gas"]),
            "value": str(tx["value"]),
            "data": "0x" + tx["data"].hex(),
            "chain_id": str(tx["chainId"]),
            "to": None if tx["to"] == b"" else tx["to"],
            "gas_price": str(tx.get("gasPrice", 0)),
            "max_fee": str(tx.get("maxFeePerGas", 0)),
            "max_priority_fee": str(tx.get("maxPriorityFeePerGas", 0)),
            "access_list": [[e["address"], e["storageKeys"]] for e in tx.get("accessList", [])],
            "raw": "0x" + raw.hex(),
            "hash": "0x" + keccak(raw).hex(),
            "sender": Account.from_key(key).address,
            "r": str(signed.r),
            "s": str(signed.s),
            "v": str(signed.v),
        }
        cases.append(case)
    # Pre-EIP-155 legacy (no chain id): eth-account signs these when chainId is absent.
    for _ in range(30):
        key = bytes(rng.randrange(1, 256) for _ in range(32))
        tx = {"nonce": rng.randrange(1000), "gas": 21000, "gasPrice": _uint(rng, 64), "to": _address(rng),
              "value": _uint(rng, 128), "data": _data(rng)}
        signed = Account.sign_transaction(tx, key)
        raw = bytes(signed.raw_transaction)
        cases.append({
            "private_key": "0x" + key.hex(), "type": 0, "nonce": str(tx["nonce"]), "gas": "21000",
            "value": str(tx["value"]), "data": "0x" + tx["data"].hex(), "chain_id": None, "to": tx["to"],
            "gas_price": str(tx["gasPrice"]), "max_fee": "0", "max_priority_fee": "0", "access_list": [],
            "raw": "0x" + raw.hex(), "hash": "0x" + keccak(raw).hex(), "sender": Account.from_key(key).address,
            "r": str(signed.r), "s": str(signed.s), "v": str(signed.v)})
    return {"cases": cases}
