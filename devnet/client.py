"""A small JSON-RPC client, signer and ABI contract wrapper used by the deployer, the market CLI and tests.

Transactions are raw signed type-2 transactions with fixed gas limits (no eth_estimateGas: the
devnet mines each one at once, so a failed one is reported with its revert reason right away).
"""

from __future__ import annotations

import http.client
import itertools
import json
import urllib.parse
from typing import Any, Optional, Sequence

from eth_abi import decode as abi_decode, encode as abi_encode
from eth_account import Account
from eth_hash.auto import keccak
from eth_utils import to_checksum_address

from .artifacts import Artifact


class RpcFailure(Exception):
    """A JSON-RPC error response (code, message, data)."""

    def __init__(self, code: int, message: str, data: Any = None) -> None:
        super().__init__(f"{message} (code {code})")
        self.code = code
        self.message = message
        self.data = data


class TxFailed(Exception):
    """A mined transaction with status 0."""


class RpcClient:
    """JSON-RPC over one persistent HTTP/1.1 connection."""

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        parts = urllib.parse.urlsplit(url)
        self.url = url
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.path = parts.path or "/"
        self.timeout = timeout
        self.conn: Optional[http.client.HTTPConnection] = None
        self.ids = itertools.count(1)

    def _post(self, body: bytes) -> Any:
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request("POST", self.path, body, {"Content-Type": "application/json"})
                response = self.conn.getresponse()
                payload = response.read()
                return json.loads(payload) if payload else None
            except (http.client.HTTPException, ConnectionError, BrokenPipeError):
                self.close()
                if attempt:
                    raise
        return None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method: str, *params: Any) -> Any:
        """Call `method`; returns `result` or raises RpcFailure."""
        body = json.dumps({"jsonrpc": "2.0", "id": next(self.ids), "method": method, "params": list(params)})
        reply = self._post(body.encode())
        if "error" in reply:
            err = reply["error"]
            raise RpcFailure(err.get("code", 0), err.get("message", ""), err.get("data"))
        return reply["result"]


def abi_type(param: dict[str, Any]) -> str:
    """Canonical ABI type string of an ABI input/output entry (tuples expanded)."""
    kind = param["type"]
    if kind.startswith("tuple"):
        return "(" + ",".join(abi_type(c) for c in param["components"]) + ")" + kind[5:]
    return kind


def _normalise(value: Any) -> Any:
    """Make eth_abi output friendlier: checksummed addresses, tuples as lists recursively."""
    if isinstance(value, str) and value.startswith("0x") and len(value) == 42:
        return to_checksum_address(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_normalise(v) for v in value)
    return value


class Function:
    """One ABI function: selector, encoder and decoder."""

    def __init__(self, entry: dict[str, Any]) -> None:
        self.name: str = entry["name"]
        self.inputs = [abi_type(i) for i in entry["inputs"]]
        self.outputs = [abi_type(o) for o in entry.get("outputs", [])]
        self.signature = f"{self.name}({','.join(self.inputs)})"
        self.selector = keccak(self.signature.encode())[:4]

    def encode(self, args: Sequence[Any]) -> bytes:
        return self.selector + abi_encode(self.inputs, list(args))

    def decode(self, output: bytes) -> Any:
        values = _normalise(abi_decode(self.outputs, output))
        return values[0] if len(values) == 1 else values


class Contract:
    """A deployed contract: `c.fn("name", *args)` for the calldata, `c.call`, `c.transact` via a Wallet."""

    def __init__(self, address: str, abi: list[dict[str, Any]], name: str = "") -> None:
        self.address = to_checksum_address(address)
        self.abi = abi
        self.name = name
        self.functions: dict[str, list[Function]] = {}
        for entry in abi:
            if entry.get("type") == "function":
                fn = Function(entry)
                self.functions.setdefault(fn.name, []).append(fn)
        self.events = {
            e["name"]: e for e in abi if e.get("type") == "event"
        }

    def function(self, name: str, nargs: int) -> Function:
        """Resolve by name and arity, or by full signature ("mint(address,uint256)") for overloads."""
        if "(" in name:
            for fns in self.functions.values():
                for fn in fns:
                    if fn.signature == name:
                        return fn
            raise KeyError(f"{self.name or self.address}: no function {name}")
        candidates = [f for f in self.functions.get(name, []) if len(f.inputs) == nargs]
        if len(candidates) != 1:
            raise KeyError(f"{self.name or self.address}: {len(candidates)} matches for {name}/{nargs}")
        return candidates[0]

    def calldata(self, name: str, *args: Any) -> bytes:
        return self.function(name, len(args)).encode(args)

    def call(self, rpc: RpcClient, name: str, *args: Any, sender: Optional[str] = None, block: Any = "latest") -> Any:
        fn = self.function(name, len(args))
        tx: dict[str, Any] = {"to": self.address, "data": "0x" + fn.encode(args).hex()}
        if sender:
            tx["from"] = sender
        return fn.decode(bytes.fromhex(rpc.request("eth_call", tx, block)[2:]))

    def topic(self, event: str) -> str:
        entry = self.events[event]
        sig = f"{event}({','.join(abi_type(i) for i in entry['inputs'])})"
        return "0x" + keccak(sig.encode()).hex()


class Wallet:
    """Signs and sends type-2 transactions for one key, tracking its nonce locally."""

    PRIORITY_FEE = 10**9

    def __init__(self, rpc: RpcClient, key: str, chain_id: int = 31337) -> None:
        self.rpc = rpc
        self.account = Account.from_key(key)
        self.address: str = self.account.address
        self.key = key
        self.chain_id = chain_id
        self.nonce: Optional[int] = None
        self.max_fee: Optional[int] = None

    def send(self, to: Optional[str], data: bytes = b"", value: int = 0, gas: int = 3_000_000) -> dict[str, Any]:
        """Sign, send and return the receipt; raises TxFailed (with the revert reason) if status is 0."""
        if self.nonce is None:
            self.nonce = int(self.rpc.request("eth_getTransactionCount", self.address, "pending"), 16)
        if self.max_fee is None:  # devnet base fees only fall unless blocks are full; fetch once
            base = int(self.rpc.request("eth_getBlockByNumber", "latest", False)["baseFeePerGas"], 16)
            self.max_fee = max(10 * 10**9, 2 * base + self.PRIORITY_FEE)
        tx = {
            "type": 2,
            "chainId": self.chain_id,
            "nonce": self.nonce,
            "gas": gas,
            "maxPriorityFeePerGas": self.PRIORITY_FEE,
            "maxFeePerGas": self.max_fee,
            "value": value,
            "data": data,
        }
        if to is not None:
            tx["to"] = to_checksum_address(to)
        raw = self.account.sign_transaction(tx).raw_transaction
        try:
            tx_hash = self.rpc.request("eth_sendRawTransaction", "0x" + bytes(raw).hex())
        except RpcFailure:
            self.nonce = None
            self.max_fee = None
            raise
        self.nonce += 1
        receipt = self.rpc.request("eth_getTransactionReceipt", tx_hash)
        if receipt["status"] != "0x1":
            reason = "no reason"
            call = {"from": self.address, "data": "0x" + data.hex(), "value": hex(value), "gas": hex(gas)}
            if to is not None:
                call["to"] = to
            try:
                self.rpc.request("eth_call", call, "latest")
            except RpcFailure as exc:
                reason = exc.message
            raise TxFailed(f"transaction {tx_hash} to {to} failed: {reason}")
        return receipt

    def deploy(self, artifact: Artifact, *args: Any, libraries: Optional[dict[str, str]] = None,
               gas: int = 12_000_000, code: Optional[bytes] = None) -> Contract:
        """Deploy `artifact` (linked, constructor-encoded) or raw `code`; returns the Contract."""
        creation = code if code is not None else artifact.linked(libraries or {})
        ctor = next((e for e in artifact.abi if e.get("type") == "constructor"), None)
        if ctor and code is None:
            creation += abi_encode([abi_type(i) for i in ctor["inputs"]], list(args))
        receipt = self.send(None, creation, gas=gas)
        return Contract(receipt["contractAddress"], artifact.abi, artifact.name)

    def transact(self, contract: Contract, name: str, *args: Any, value: int = 0, gas: int = 3_000_000) -> dict[str, Any]:
        return self.send(contract.address, contract.calldata(name, *args), value=value, gas=gas)
