"""X-Flashbots-Signature oracle: eth-account personal_sign (EIP-191) over the text "0x" + hex(keccak256(body)), as
docs.flashbots.net specifies, for anvil's key 0 and random keys over request bodies of several shapes. The Swift
tests sign each body and compare the header byte for byte."""
import json

from eth_account import Account
from eth_account.messages import encode_defunct
from eth_utils import keccak

ANVIL_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"


def _header(key_hex, body):
    acct = Account.from_key(key_hex)
    signed = Account.sign_message(encode_defunct(text="0x" + keccak(body).hex()), private_key=key_hex)
    return acct.address + ":0x" + bytes(signed.signature).hex()


def generate(rng):
    bodies = [
        b'{"jsonrpc":"2.0","id":1,"method":"eth_sendBundle","params":[{"blockNumber":"0x10","txs":["0x02f8"]}]}',
        b'{"jsonrpc":"2.0","id":1,"method":"eth_callBundle","params":[{"blockNumber":"0x1","stateBlockNumber":"latest","txs":[]}]}',
        b"",
        "{\"note\":\"h\u00e9llo \u2713\"}".encode(),
    ]
    for _ in range(8):
        txs = ["0x" + rng.randbytes(rng.randrange(100, 300)).hex() for _ in range(rng.randrange(1, 4))]
        bodies.append(json.dumps({"jsonrpc": "2.0", "id": rng.randrange(1, 1000), "method": "eth_sendBundle",
                                  "params": [{"txs": txs, "blockNumber": hex(rng.randrange(1, 1 << 30))}]},
                                 separators=(",", ":")).encode())
    cases = []
    for i, body in enumerate(bodies):
        key = ANVIL_0 if i % 2 == 0 else "0x" + rng.randbytes(32).hex()
        cases.append({"key": key, "body_hex": "0x" + body.hex(), "message": "0x" + keccak(body).hex(),
                      "header": _header(key, body)})
    return {"source": "eth-account 0.14 encode_defunct(text=...) + sign_message", "cases": cases}
