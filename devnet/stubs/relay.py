#!/usr/bin/env python3
"""A stand-in Flashbots relay / block builder in front of the devnet (for tests; the real relay cannot run here).

Usage: relay.py DEVNET_URL [--port 0] [--watch-stdin]
Prints its URL on the first stdout line. It does what relay.flashbots.net does with a request, as documented at
docs.flashbots.net (RPC endpoint, authentication):

* every POST must carry `X-Flashbots-Signature: <address>:<signature>` where the signature is an EIP-191
  personal_sign over the text "0x" + hex(keccak256(body bytes)); it is recovered with eth-account. A missing header
  gets HTTP 403 {"error": "missing X-Flashbots-Signature header"}, a bad one HTTP 403
  {"error": "error in signature check <address>"} (the relay's real shapes);
* the JSON-RPC envelope and the params of eth_callBundle / eth_sendBundle are checked exactly (one object; only
  the documented keys; hex quantities without leading zeros; signed raw transactions that decode and recover;
  replacementUuid a UUID) and refused with -32602 / -32600 as a JSON-RPC error otherwise;
* eth_callBundle simulates the bundle against the devnet without changing it: each transaction in order is
  checked for chain id and nonce (counting earlier transactions of the same sender in the bundle), then run with
  eth_call and measured with eth_estimateGas at the latest block. Results have the relay's shape (txHash,
  fromAddress, toAddress, gasUsed, gasPrice, gasFees, coinbaseDiff, ethSentToCoinbase, value, and error/revert
  for a failing transaction). Limitation: a later transaction does not see an earlier one's state changes.
* eth_sendBundle records the bundle for its blockNumber; a later bundle with the same replacementUuid replaces a
  pending one. When the devnet head is blockNumber - 1 (at once, or later from a watcher thread) the bundle is
  simulated again and, if every transaction still passes, its transactions are submitted to the devnet with
  eth_sendRawTransaction in order (the devnet mines one block per transaction); a bundle whose block has passed is
  expired, one that no longer simulates is dropped. Reply {"bundleHash": keccak(concatenated tx hashes)}.

GET (or POST) /log returns {"requests": [{method, signer, params}], "bundles": [{block, uuid, txs, status, reason, hashes}]}
so a test can see what was received, sent and included.
"""
import json
import re
import sys
import threading
import time

from eth_account import Account
from eth_account.messages import encode_defunct
from eth_utils import keccak

import _server

DEVNET = sys.argv[1]
LOCK = threading.RLock()
REQUESTS = []
BUNDLES = []
QUANTITY = re.compile(r"^0x(0|[1-9a-f][0-9a-f]*)$")
DATA = re.compile(r"^0x([0-9a-fA-F]{2})*$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
SEND_KEYS = {"txs", "blockNumber", "minTimestamp", "maxTimestamp", "revertingTxHashes", "replacementUuid", "builders"}
CALL_KEYS = {"txs", "blockNumber", "stateBlockNumber", "timestamp", "coinbase", "gasLimit", "difficulty", "baseFee"}


class Invalid(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def rpc(method, params):
    reply = _server.rpc_request(DEVNET, method, params)
    if "error" in reply:
        raise RuntimeError(json.dumps(reply["error"]))
    return reply["result"]


def rpc_call(method, params):
    """(result, error-object) without raising on a JSON-RPC error."""
    return _server.rpc_call(DEVNET, method, params)


def hexq(n):
    return hex(n)


def decode_tx(raw_hex, i):
    if not isinstance(raw_hex, str) or not DATA.match(raw_hex) or len(raw_hex) < 4:
        raise Invalid(-32602, f"txs[{i}] is not 0x-prefixed hex bytes")
    raw = bytes.fromhex(raw_hex[2:])
    try:
        sender = Account.recover_transaction(raw)
    except Exception as e:  # noqa: BLE001 - any decode failure is a bad param
        raise Invalid(-32602, f"txs[{i}] is not a signed transaction: {e}")
    if raw[0] >= 0xC0:
        import rlp
        f = rlp.decode(raw)
        to = f[3]
        fields = {"type": 0, "nonce": int.from_bytes(f[0], "big"), "gasPrice": int.from_bytes(f[1], "big"),
                  "gas": int.from_bytes(f[2], "big"), "to": "0x" + to.hex() if to else None,
                  "value": int.from_bytes(f[4], "big"), "data": "0x" + f[5].hex()}
        v = int.from_bytes(f[6], "big")
        fields["chainId"] = (v - 35) // 2 if v >= 35 else None
    else:
        from eth_account.typed_transactions import TypedTransaction
        from hexbytes import HexBytes
        d = TypedTransaction.from_bytes(HexBytes(raw)).as_dict()
        to = d.get("to")
        if isinstance(to, bytes):
            to = "0x" + to.hex() if to else None
        data = d.get("data", b"")
        fields = {"type": raw[0], "nonce": d["nonce"], "gas": d["gas"], "to": to or None, "value": d["value"],
                  "data": "0x" + (data.hex() if isinstance(data, bytes) else str(data).removeprefix("0x")),
                  "chainId": d.get("chainId"), "maxFeePerGas": d.get("maxFeePerGas", d.get("gasPrice")),
                  "maxPriorityFeePerGas": d.get("maxPriorityFeePerGas", d.get("gasPrice"))}
    fields["from"] = sender
    fields["hash"] = "0x" + keccak(raw).hex()
    fields["raw"] = raw_hex
    return fields


def check_common(p, keys, method):
    if not isinstance(p, dict):
        raise Invalid(-32602, f"{method} takes one object parameter")
    extra = set(p) - keys
    if extra:
        raise Invalid(-32602, f"{method}: unknown field(s) {sorted(extra)}")
    txs = p.get("txs")
    if not isinstance(txs, list) or not txs:
        raise Invalid(-32602, f"{method}: txs must be a non-empty array of signed transactions")
    if len(txs) > 100:
        raise Invalid(-32602, f"{method}: at most 100 transactions")
    bn = p.get("blockNumber")
    if not isinstance(bn, str) or not QUANTITY.match(bn):
        raise Invalid(-32602, f"{method}: blockNumber must be a hex quantity, got {bn!r}")
    return [decode_tx(t, i) for i, t in enumerate(txs)], int(bn, 16)


def simulate(txs):
    """The relay's eth_callBundle result for txs on the devnet's latest state (nothing is changed)."""
    chain_id = int(rpc("eth_chainId", []), 16)
    head = rpc("eth_getBlockByNumber", ["latest", False])
    base_fee = int(head.get("baseFeePerGas", "0x0"), 16)
    seen = {}
    results = []
    total_gas = 0
    total_fees = 0
    coinbase = 0
    for i, t in enumerate(txs):
        if t.get("chainId") is not None and t["chainId"] != chain_id:
            raise Invalid(-32000, f"err: invalid chain id for signer: have {t['chainId']} want {chain_id}; txhash {t['hash']}")
        state = int(rpc("eth_getTransactionCount", [t["from"], "latest"]), 16) + seen.get(t["from"], 0)
        if t["nonce"] != state:
            word = "low" if t["nonce"] < state else "high"
            raise Invalid(-32000, f"err: nonce too {word}: address {t['from']}, tx: {t['nonce']} state: {state}; txhash {t['hash']}")
        seen[t["from"]] = seen.get(t["from"], 0) + 1
        if t["type"] == 2:
            price = min(t["maxFeePerGas"], base_fee + t["maxPriorityFeePerGas"])
        else:
            price = t.get("gasPrice") or t.get("maxFeePerGas")
        tip = max(0, price - base_fee)
        call = {"from": t["from"], "gas": hexq(t["gas"]), "value": hexq(t["value"]), "input": t["data"]}
        if t["to"]:
            call["to"] = t["to"]
        out, err = rpc_call("eth_call", [call, "latest"])
        entry = {"txHash": t["hash"], "fromAddress": t["from"], "toAddress": t["to"] or "0x", "gasPrice": str(price),
                 "ethSentToCoinbase": "0"}
        if err is None:
            est, eerr = rpc_call("eth_estimateGas", [call, "latest"])
            gas = int(est, 16) if eerr is None else t["gas"]
            if gas > t["gas"]:
                entry["error"] = "out of gas"
                gas = t["gas"]
            entry["value"] = out
        else:
            gas = t["gas"]
            entry["error"] = "execution reverted"
            message = err.get("message", "")
            entry["revert"] = message.split("execution reverted: ", 1)[1] if "execution reverted: " in message else message
            entry["value"] = err.get("data") or "0x"
        entry["gasUsed"] = gas
        entry["gasFees"] = str(gas * price)
        entry["coinbaseDiff"] = str(gas * tip)
        total_gas += gas
        total_fees += gas * price
        coinbase += gas * tip
        results.append(entry)
    bundle_hash = "0x" + keccak(b"".join(bytes.fromhex(t["hash"][2:]) for t in txs)).hex()
    return {"bundleGasPrice": str(total_fees // total_gas if total_gas else 0), "bundleHash": bundle_hash,
            "coinbaseDiff": str(coinbase), "ethSentToCoinbase": "0", "gasFees": str(total_fees),
            "results": results, "stateBlockNumber": int(head["number"], 16), "totalGasUsed": total_gas}


def try_land(bundle):
    """Submits a pending bundle when the devnet is at its block - 1; expires or drops it otherwise."""
    head = int(rpc("eth_blockNumber", []), 16)
    if head + 1 < bundle["block"]:
        return
    if head + 1 > bundle["block"]:
        bundle["status"], bundle["reason"] = "expired", f"head {head} is past block {bundle['block']} - 1"
        return
    try:
        sim = simulate(bundle["decoded"])
    except Invalid as e:
        bundle["status"], bundle["reason"] = "dropped", e.message
        return
    failing = [r for r in sim["results"] if "error" in r and r["txHash"] not in bundle["reverting"]]
    if failing:
        bundle["status"], bundle["reason"] = "dropped", f"{failing[0]['txHash']} reverts: {failing[0].get('revert', '')}"
        return
    for t in bundle["decoded"]:
        h = rpc("eth_sendRawTransaction", [t["raw"]])
        bundle["hashes"].append(h)
    bundle["status"] = "included"


def watcher():
    while True:
        time.sleep(0.05)
        with LOCK:
            for b in BUNDLES:
                if b["status"] == "pending":
                    try:
                        try_land(b)
                    except Exception as e:  # noqa: BLE001 - keep watching
                        b["status"], b["reason"] = "dropped", f"devnet error: {e}"


def handle_rpc(req, signer):
    if not isinstance(req, dict) or req.get("jsonrpc") != "2.0" or "id" not in req or "method" not in req:
        raise Invalid(-32600, "invalid json-rpc request")
    method, params = req["method"], req.get("params")
    if not isinstance(params, list) or len(params) != 1:
        raise Invalid(-32602, f"{method} takes exactly one parameter object")
    p = params[0]
    with LOCK:
        REQUESTS.append({"method": method, "signer": signer, "params": p})
    if method == "eth_callBundle":
        txs, _ = check_common(p, CALL_KEYS, method)
        sb = p.get("stateBlockNumber")
        if not (sb == "latest" or (isinstance(sb, str) and QUANTITY.match(sb))):
            raise Invalid(-32602, "eth_callBundle: stateBlockNumber must be a hex quantity or \"latest\"")
        if "timestamp" in p and not isinstance(p["timestamp"], int):
            raise Invalid(-32602, "eth_callBundle: timestamp must be a number")
        with LOCK:
            return simulate(txs)
    if method == "eth_sendBundle":
        txs, block = check_common(p, SEND_KEYS, method)
        for k in ("minTimestamp", "maxTimestamp"):
            if k in p and not isinstance(p[k], int):
                raise Invalid(-32602, f"eth_sendBundle: {k} must be a number")
        u = p.get("replacementUuid")
        if u is not None and (not isinstance(u, str) or not UUID.match(u)):
            raise Invalid(-32602, "eth_sendBundle: replacementUuid must be a UUID")
        reverting = p.get("revertingTxHashes", [])
        if not isinstance(reverting, list):
            raise Invalid(-32602, "eth_sendBundle: revertingTxHashes must be an array")
        bundle_hash = "0x" + keccak(b"".join(bytes.fromhex(t["hash"][2:]) for t in txs)).hex()
        with LOCK:
            if u is not None:
                for b in BUNDLES:
                    if b["uuid"] == u and b["block"] == block and b["status"] == "pending":
                        b["status"], b["reason"] = "replaced", "a later bundle has the same replacementUuid"
            bundle = {"block": block, "uuid": u, "txs": [t["hash"] for t in txs], "decoded": txs,
                      "reverting": set(reverting), "status": "pending", "reason": None, "hashes": [],
                      "bundleHash": bundle_hash, "signer": signer}
            BUNDLES.append(bundle)
            try_land(bundle)
        return {"bundleHash": bundle_hash}
    raise Invalid(-32601, f"the method {method} does not exist/is not available")


class Handler(_server.JSONHandler):
    def do_GET(self):
        if self.path != "/log":
            return self.reply(404, {"error": "not found"})
        with LOCK:
            bundles = [{k: v for k, v in b.items() if k not in ("decoded", "reverting")} for b in BUNDLES]
            return self.reply(200, {"requests": list(REQUESTS), "bundles": bundles})

    def do_POST(self):
        body = self.read_body()
        if self.path == "/log":
            return self.do_GET()
        header = self.headers.get("X-Flashbots-Signature")
        if not header:
            return self.reply(403, {"error": "missing X-Flashbots-Signature header"})
        claimed, _, signature = header.partition(":")
        try:
            message = encode_defunct(text="0x" + keccak(body).hex())
            recovered = Account.recover_message(message, signature=bytes.fromhex(signature.removeprefix("0x")))
            ok = recovered.lower() == claimed.lower()
        except Exception:  # noqa: BLE001 - any malformed signature is a failed check
            ok = False
        if not ok:
            return self.reply(403, {"error": f"error in signature check {claimed}"})
        try:
            req = json.loads(body)
        except ValueError:
            return self.reply(400, {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}})
        rid = req.get("id") if isinstance(req, dict) else None
        try:
            result = handle_rpc(req, recovered)
            return self.reply(200, {"jsonrpc": "2.0", "id": rid, "result": result})
        except Invalid as e:
            return self.reply(200 if e.code == -32000 else 400,
                              {"jsonrpc": "2.0", "id": rid, "error": {"code": e.code, "message": e.message}})
        except Exception as e:  # noqa: BLE001 - a stand-in bug must show, not hang the client
            return self.reply(500, {"jsonrpc": "2.0", "id": rid, "error": {"code": -32603, "message": f"internal: {e}"}})


if __name__ == "__main__":
    _server.serve(Handler, _server.port_from_argv(), "--watch-stdin" in sys.argv,
                  setup=lambda srv: threading.Thread(target=watcher, daemon=True).start())
