"""JSON-RPC 2.0 method table and request handling for the devnet (transport-independent).

`Rpc.handle_bytes(body)` takes a raw HTTP body and returns the response body (or None for
notifications only). It never raises: garbled JSON gives -32700, an empty batch -32600, an unknown
method -32601, bad params -32602, chain refusals -32000 and EVM reverts code 3 with `data`.
"""

from __future__ import annotations

import json
import re
import threading
import traceback
import sys
from typing import Any, Callable, Optional

from . import formatting as fmt
from .chain import CallRequest, ChainError, DevChain
from .formatting import ParamError, qty

CLIENT_VERSION = "defi-devnet/0.1.0/py-evm-0.12.1b1/python"


class RpcError(Exception):
    """A JSON-RPC protocol error (invalid request, unknown method)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _param(params: list[Any], index: int, default: Any = None) -> Any:
    return params[index] if len(params) > index and params[index] is not None else default


class Rpc:
    """Dispatches JSON-RPC requests to a `DevChain` under one lock."""

    def __init__(self, chain: DevChain) -> None:
        self.chain = chain
        self.lock = threading.Lock()
        self.methods: dict[str, Callable[[list[Any]], Any]] = {
            "web3_clientVersion": lambda p: CLIENT_VERSION,
            "web3_sha3": self.web3_sha3,
            "net_version": lambda p: str(self.chain.chain_id),
            "net_listening": lambda p: True,
            "net_peerCount": lambda p: "0x0",
            "eth_chainId": lambda p: qty(self.chain.chain_id),
            "eth_syncing": lambda p: False,
            "eth_mining": lambda p: True,
            "eth_accounts": lambda p: [fmt.address(a) for a in self.chain.accounts],
            "eth_blockNumber": lambda p: qty(self.chain.block_number()),
            "eth_getBalance": self.eth_getBalance,
            "eth_getTransactionCount": self.eth_getTransactionCount,
            "eth_getCode": self.eth_getCode,
            "eth_getStorageAt": self.eth_getStorageAt,
            "eth_call": self.eth_call,
            "eth_estimateGas": self.eth_estimateGas,
            "eth_gasPrice": self.eth_gasPrice,
            "eth_maxPriorityFeePerGas": lambda p: qty(10**9),
            "eth_feeHistory": self.eth_feeHistory,
            "eth_sendRawTransaction": self.eth_sendRawTransaction,
            "eth_sendTransaction": self.eth_sendTransaction,
            "eth_getTransactionReceipt": self.eth_getTransactionReceipt,
            "eth_getTransactionByHash": self.eth_getTransactionByHash,
            "eth_getBlockByNumber": self.eth_getBlockByNumber,
            "eth_getBlockByHash": self.eth_getBlockByHash,
            "eth_getBlockTransactionCountByNumber": self.eth_getBlockTransactionCountByNumber,
            "eth_getLogs": self.eth_getLogs,
            "evm_snapshot": lambda p: qty(self.chain.snapshot()),
            "evm_revert": lambda p: self.chain.revert(fmt.parse_qty(_param(p, 0), "snapshot id")),
            "evm_mine": self.evm_mine,
            "evm_increaseTime": self.evm_increaseTime,
            "evm_setNextBlockTimestamp": self.evm_setNextBlockTimestamp,
            "anvil_mine": self.anvil_mine,
        }
        for prefix in ("anvil_", "hardhat_"):
            self.methods[prefix + "setBalance"] = self.setBalance
            self.methods[prefix + "setCode"] = self.setCode
            self.methods[prefix + "setNonce"] = self.setNonce
            self.methods[prefix + "setStorageAt"] = self.setStorageAt
        self.methods["hardhat_mine"] = self.anvil_mine

    # ------------------------------------------------------------------ block parameters

    def block_header(self, tag: Any) -> Any:
        """Resolve a block tag, number or EIP-1898 object to a header."""
        chain = self.chain
        if tag is None or tag in ("latest", "pending", "safe", "finalized"):
            return chain.head()
        if tag == "earliest":
            return chain.header_by_number(0)
        if isinstance(tag, dict):
            if "blockHash" in tag:
                return chain.header_by_hash(fmt.parse_hash(tag["blockHash"], "blockHash"))
            if "blockNumber" in tag:
                return self.block_header(tag["blockNumber"])
            raise ParamError("invalid block object: expected blockHash or blockNumber")
        if isinstance(tag, str) and not tag.startswith("0x"):
            raise ParamError(f"invalid block tag: {tag!r}")
        return chain.header_by_number(fmt.parse_qty(tag, "block number"))

    def block_number_param(self, tag: Any, default: str = "latest") -> int:
        return self.block_header(tag if tag is not None else default).block_number

    # ------------------------------------------------------------------ methods

    def web3_sha3(self, p: list[Any]) -> str:
        from eth_hash.auto import keccak

        return fmt.data(keccak(fmt.parse_data(_param(p, 0))))

    def eth_getBalance(self, p: list[Any]) -> str:
        return qty(self.chain.get_balance(fmt.parse_address(_param(p, 0)), self.block_header(_param(p, 1))))

    def eth_getTransactionCount(self, p: list[Any]) -> str:
        return qty(self.chain.get_nonce(fmt.parse_address(_param(p, 0)), self.block_header(_param(p, 1))))

    def eth_getCode(self, p: list[Any]) -> str:
        return fmt.data(self.chain.get_code(fmt.parse_address(_param(p, 0)), self.block_header(_param(p, 1))))

    def eth_getStorageAt(self, p: list[Any]) -> str:
        addr = fmt.parse_address(_param(p, 0))
        slot = fmt.parse_slot(_param(p, 1), "slot")
        return fmt.word(self.chain.get_storage(addr, slot, self.block_header(_param(p, 2))))

    def call_request(self, obj: Any) -> CallRequest:
        if not isinstance(obj, dict):
            raise ParamError("invalid transaction object: expected an object")
        payload = obj.get("input", obj.get("data"))
        return CallRequest(
            sender=fmt.parse_address(obj["from"], "from") if obj.get("from") else b"\0" * 20,
            to=fmt.parse_address(obj["to"], "to") if obj.get("to") else None,
            gas=fmt.parse_qty(obj["gas"], "gas") if obj.get("gas") is not None else None,
            value=fmt.parse_qty(obj["value"], "value") if obj.get("value") is not None else 0,
            data=fmt.parse_data(payload, "input") if payload is not None else b"",
        )

    def state_overrides(self, obj: Any) -> Optional[dict[bytes, dict[str, Any]]]:
        """geth-style state overrides {addr: {balance, nonce, code, state, stateDiff}}."""
        if obj is None:
            return None
        if not isinstance(obj, dict):
            raise ParamError("invalid state overrides: expected an object")
        out: dict[bytes, dict[str, Any]] = {}
        for key, spec in obj.items():
            if not isinstance(spec, dict):
                raise ParamError(f"invalid state override for {key}")
            if "state" in spec and "stateDiff" in spec:
                raise ParamError(f"state override for {key} has both state and stateDiff")
            entry: dict[str, Any] = {}
            if spec.get("balance") is not None:
                entry["balance"] = fmt.parse_qty(spec["balance"], "balance")
            if spec.get("nonce") is not None:
                entry["nonce"] = fmt.parse_qty(spec["nonce"], "nonce")
            if spec.get("code") is not None:
                entry["code"] = fmt.parse_data(spec["code"], "code")
            for field in ("state", "stateDiff"):
                if spec.get(field) is not None:
                    if not isinstance(spec[field], dict):
                        raise ParamError(f"invalid {field} for {key}")
                    entry[field] = {fmt.parse_slot(k): fmt.parse_slot(v) for k, v in spec[field].items()}
            out[fmt.parse_address(key, "override address")] = entry
        return out

    def block_overrides(self, obj: Any) -> Optional[dict[str, int]]:
        """geth-style block overrides (eth_call's 4th parameter); only `time` and `number` are supported."""
        if obj is None:
            return None
        if not isinstance(obj, dict):
            raise ParamError("invalid block overrides: expected an object")
        unknown = set(obj) - {"time", "number"}
        if unknown:
            raise ParamError(f"unsupported block override: {sorted(unknown)[0]}")
        return {k: fmt.parse_qty(v, f"block override {k}") for k, v in obj.items()}

    def eth_call(self, p: list[Any]) -> str:
        req = self.call_request(_param(p, 0))
        header = self.block_header(_param(p, 1))
        block = self.block_overrides(_param(p, 3))
        return fmt.data(self.chain.call(req, header, self.state_overrides(_param(p, 2)), block))

    def eth_estimateGas(self, p: list[Any]) -> str:
        req = self.call_request(_param(p, 0))
        header = self.block_header(_param(p, 1))
        return qty(self.chain.estimate_gas(req, header, self.state_overrides(_param(p, 2))))

    def eth_gasPrice(self, p: list[Any]) -> str:
        return qty(self.chain.pending().base_fee_per_gas + 10**9)

    def eth_feeHistory(self, p: list[Any]) -> dict[str, Any]:
        count = fmt.parse_qty(_param(p, 0), "blockCount")
        newest = self.block_number_param(_param(p, 1))
        percentiles = _param(p, 2, [])
        if not isinstance(percentiles, list) or not all(
            isinstance(x, (int, float)) and not isinstance(x, bool) and 0 <= x <= 100 for x in percentiles
        ):
            raise ParamError("invalid rewardPercentiles: expected numbers between 0 and 100")
        if any(b < a for a, b in zip(percentiles, percentiles[1:])):
            raise ParamError("invalid rewardPercentiles: must be ascending")
        h = self.chain.fee_history(count, newest, percentiles)
        out: dict[str, Any] = {
            "oldestBlock": qty(h["oldest"]),
            "baseFeePerGas": [qty(x) for x in h["base_fees"]],
            "gasUsedRatio": h["ratios"],
            "baseFeePerBlobGas": ["0x1" for _ in h["base_fees"]],
            "blobGasUsedRatio": [0.0 for _ in h["ratios"]],
        }
        if h["rewards"] is not None:
            out["reward"] = [[qty(x) for x in row] for row in h["rewards"]]
        return out

    def eth_sendRawTransaction(self, p: list[Any]) -> str:
        return fmt.data(self.chain.send_raw_transaction(fmt.parse_data(_param(p, 0), "raw transaction")))

    def eth_sendTransaction(self, p: list[Any]) -> str:
        obj = _param(p, 0)
        if not isinstance(obj, dict) or not obj.get("from"):
            raise ParamError("invalid transaction: expected an object with from")
        tx: dict[str, Any] = {"from": fmt.parse_address(obj["from"], "from")}
        if obj.get("to"):
            tx["to"] = fmt.parse_address(obj["to"], "to")
        payload = obj.get("input", obj.get("data"))
        if payload is not None:
            tx["data"] = fmt.parse_data(payload, "input")
        for key in ("gas", "value", "nonce", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas"):
            if obj.get(key) is not None:
                tx[key] = fmt.parse_qty(obj[key], key)
        return fmt.data(self.chain.send_transaction(tx))

    def eth_getTransactionReceipt(self, p: list[Any]) -> Optional[dict[str, Any]]:
        found = self.chain.find_transaction(fmt.parse_hash(_param(p, 0), "transaction hash"))
        return fmt.format_receipt(*found) if found else None

    def eth_getTransactionByHash(self, p: list[Any]) -> Optional[dict[str, Any]]:
        found = self.chain.find_transaction(fmt.parse_hash(_param(p, 0), "transaction hash"))
        return fmt.format_tx(*found) if found else None

    def _block(self, header_getter: Callable[[], Any], full: Any) -> Optional[dict[str, Any]]:
        try:
            header = header_getter()
        except ChainError:
            return None
        return fmt.format_block(self.chain.block_record(header.block_number), bool(full))

    def eth_getBlockByNumber(self, p: list[Any]) -> Optional[dict[str, Any]]:
        tag = _param(p, 0, "latest")
        if not isinstance(tag, str):
            raise ParamError("invalid block number: expected a tag or hex quantity")
        return self._block(lambda: self.block_header(tag), _param(p, 1, False))

    def eth_getBlockByHash(self, p: list[Any]) -> Optional[dict[str, Any]]:
        block_hash = fmt.parse_hash(_param(p, 0), "block hash")
        return self._block(lambda: self.chain.header_by_hash(block_hash), _param(p, 1, False))

    def eth_getBlockTransactionCountByNumber(self, p: list[Any]) -> Optional[str]:
        header = self.block_header(_param(p, 0, "latest"))
        return qty(len(self.chain.block_record(header.block_number).receipts))

    def log_bound(self, tag: Any) -> int:
        """A getLogs range bound: tags resolve to blocks; plain numbers may lie beyond the head."""
        if isinstance(tag, str) and tag.startswith("0x"):
            return fmt.parse_qty(tag, "block number")
        return self.block_number_param(tag)

    def eth_getLogs(self, p: list[Any]) -> list[dict[str, Any]]:
        flt = _param(p, 0, {})
        if not isinstance(flt, dict):
            raise ParamError("invalid filter: expected an object")
        if flt.get("blockHash") is not None:
            if flt.get("fromBlock") is not None or flt.get("toBlock") is not None:
                raise ParamError("invalid filter: blockHash excludes fromBlock/toBlock")
            number = self.chain.header_by_hash(fmt.parse_hash(flt["blockHash"], "blockHash")).block_number
            start = end = number
        else:
            start = self.log_bound(flt.get("fromBlock"))
            end = self.log_bound(flt.get("toBlock"))
            if start > self.chain.block_number():
                return []  # nothing mined there yet (also right after an evm_revert)
            if start > end:
                raise ParamError(f"invalid block range: fromBlock {start} is after toBlock {end}")
            end = min(end, self.chain.block_number())  # blocks beyond the head hold no logs yet
        addr = flt.get("address")
        addresses: Optional[set[bytes]] = None
        if isinstance(addr, str):
            addresses = {fmt.parse_address(addr)}
        elif isinstance(addr, list):
            addresses = {fmt.parse_address(a) for a in addr}
        elif addr is not None:
            raise ParamError("invalid address filter")
        topics_param = flt.get("topics") or []
        if not isinstance(topics_param, list) or len(topics_param) > 4:
            raise ParamError("invalid topics filter: expected a list of at most 4 entries")
        topics: list[Optional[set[bytes]]] = []
        for t in topics_param:
            if t is None:
                topics.append(None)
            elif isinstance(t, str):
                topics.append({fmt.parse_hash(t, "topic")})
            elif isinstance(t, list):
                topics.append({fmt.parse_hash(x, "topic") for x in t} if t else None)
            else:
                raise ParamError("invalid topic entry")
        return [fmt.format_log(log) for log in self.chain.get_logs(start, end, addresses, topics)]

    def evm_mine(self, p: list[Any]) -> str:
        ts = _param(p, 0)
        if isinstance(ts, dict):
            ts = ts.get("timestamp")
        self.chain.mine(fmt.parse_qty(ts, "timestamp") if ts is not None else None)
        return "0x0"

    def anvil_mine(self, p: list[Any]) -> None:
        count = fmt.parse_qty(_param(p, 0, "0x1"), "block count")
        interval = fmt.parse_qty(_param(p, 1, "0x0"), "interval")
        if count > 10_000:
            raise ParamError("at most 10000 blocks per call")
        for _ in range(count):
            if interval:
                self.chain.set_next_block_timestamp(self.chain.head().timestamp + interval)
            self.chain.mine()
        return None

    def evm_increaseTime(self, p: list[Any]) -> str:
        seconds = _param(p, 0)
        if isinstance(seconds, int) and not isinstance(seconds, bool):
            value = seconds
        else:
            value = fmt.parse_qty(seconds, "seconds")
        return qty(self.chain.increase_time(value))

    def evm_setNextBlockTimestamp(self, p: list[Any]) -> None:
        self.chain.set_next_block_timestamp(fmt.parse_qty(_param(p, 0), "timestamp"))
        return None

    def setBalance(self, p: list[Any]) -> bool:
        self.chain.set_balance(fmt.parse_address(_param(p, 0)), fmt.parse_qty(_param(p, 1), "balance"))
        return True

    def setCode(self, p: list[Any]) -> bool:
        self.chain.set_code(fmt.parse_address(_param(p, 0)), fmt.parse_data(_param(p, 1), "code"))
        return True

    def setNonce(self, p: list[Any]) -> bool:
        self.chain.set_nonce(fmt.parse_address(_param(p, 0)), fmt.parse_qty(_param(p, 1), "nonce"))
        return True

    def setStorageAt(self, p: list[Any]) -> bool:
        addr = fmt.parse_address(_param(p, 0))
        self.chain.set_storage(addr, fmt.parse_slot(_param(p, 1), "slot"), fmt.parse_slot(_param(p, 2), "value"))
        return True

    # ------------------------------------------------------------------ envelope

    def handle_one(self, req: Any) -> Optional[dict[str, Any]]:
        """Handle one request object; None for a notification (no id)."""
        if not isinstance(req, dict):
            return _error(None, -32600, "invalid request: expected an object")
        rid = req.get("id")
        is_notification = "id" not in req
        method = req.get("method")
        if req.get("jsonrpc") != "2.0" or not isinstance(method, str):
            return _error(rid, -32600, "invalid request: need jsonrpc \"2.0\" and a method name")
        params = req.get("params", [])
        if params is None:
            params = []
        if not isinstance(params, list):
            return _error(rid, -32602, "invalid params: expected an array")
        handler = self.methods.get(method)
        if handler is None:
            return None if is_notification else _error(rid, -32601, f"method not found: {method}")
        try:
            with self.lock:
                result = handler(params)
        except ParamError as exc:
            response = _error(rid, -32602, f"invalid params: {exc}")
        except (KeyError, TypeError, IndexError) as exc:
            response = _error(rid, -32602, f"invalid params: {exc.__class__.__name__}: {exc}")
        except ChainError as exc:
            response = _error(rid, exc.code, exc.message, exc.data)
        except Exception as exc:  # never crash the server on bad input
            traceback.print_exc(file=sys.stderr)
            response = _error(rid, -32603, f"internal error: {exc.__class__.__name__}: {exc}")
        else:
            response = {"jsonrpc": "2.0", "id": rid, "result": result}
        return None if is_notification else response

    def handle_bytes(self, body: bytes) -> Optional[bytes]:
        """Handle a raw request body (single or batch); returns the response body or None."""
        if _nesting_depth(body) > MAX_JSON_DEPTH:
            # py-evm/py_ecc raise the recursion limit to 100000, so json.loads would overflow the C stack.
            return _dump(_error(None, -32700, f"parse error: JSON nested deeper than {MAX_JSON_DEPTH} levels"))
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return _dump(_error(None, -32700, "parse error: body is not valid JSON"))
        if isinstance(payload, list):
            if not payload:
                return _dump(_error(None, -32600, "invalid request: empty batch"))
            responses = [r for r in (self.handle_one(item) for item in payload) if r is not None]
            return _dump(responses) if responses else None
        response = self.handle_one(payload)
        return _dump(response) if response is not None else None

    def handle_bytes_safe(self, body: bytes) -> Optional[bytes]:
        """`handle_bytes`, but any unexpected failure becomes a -32603 response instead of an exception."""
        try:
            return self.handle_bytes(body)
        except Exception as exc:  # e.g. a result that cannot be serialised
            traceback.print_exc(file=sys.stderr)
            return _dump(_error(None, -32603, f"internal error: {exc.__class__.__name__}"))


MAX_JSON_DEPTH = 128
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"')
_NOT_BRACKETS = re.compile(rb"[^\[\]{}]+")


def _nesting_depth(body: bytes) -> int:
    """Maximum bracket nesting of a JSON text (strings ignored); cheap unless it has many brackets."""
    if body.count(b"[") + body.count(b"{") <= MAX_JSON_DEPTH:
        return 0
    depth = deepest = 0
    for ch in _NOT_BRACKETS.sub(b"", _STRINGS.sub(b"", body)):
        if ch in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _error(rid: Any, code: int, message: str, data: Optional[str] = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message}
    if data is not None:
        err["data"] = data
    return {"jsonrpc": "2.0", "id": rid, "error": err}


def _dump(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()
