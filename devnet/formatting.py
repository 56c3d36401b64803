"""Wire formatting (hex quantities, camelCase) and parsing of JSON-RPC values for the devnet."""

from __future__ import annotations

from typing import Any, Optional

from eth_utils import to_checksum_address

from .chain import BlockRecord, LogRecord, ReceiptRecord


class ParamError(ValueError):
    """A malformed parameter (reported as JSON-RPC -32602)."""


# ----------------------------------------------------------------------------- encoding


def qty(value: int) -> str:
    """An integer as a JSON-RPC quantity: 0x-prefixed hex without leading zeros."""
    return hex(value)


def data(value: bytes) -> str:
    """Bytes as 0x-prefixed hex."""
    return "0x" + bytes(value).hex()


def word(value: int | bytes, size: int = 32) -> str:
    """A fixed-size value (hash, slot content, bloom) as 0x-prefixed hex of `size` bytes."""
    if isinstance(value, int):
        value = value.to_bytes(size, "big")
    return "0x" + bytes(value).rjust(size, b"\0").hex()


def address(value: Optional[bytes]) -> Optional[str]:
    """A 20-byte address, EIP-55 checksummed (None stays None)."""
    if value is None or value == b"":
        return None
    return to_checksum_address(value)


def format_log(log: LogRecord) -> dict[str, Any]:
    return {
        "address": address(log.address),
        "topics": [data(t) for t in log.topics],
        "data": data(log.data),
        "blockNumber": qty(log.block_number),
        "blockHash": data(log.block_hash),
        "transactionHash": data(log.tx_hash),
        "transactionIndex": qty(log.tx_index),
        "logIndex": qty(log.log_index),
        "removed": False,
    }


def format_tx(record: BlockRecord, receipt: ReceiptRecord) -> dict[str, Any]:
    """A mined transaction as eth_getTransactionByHash returns it."""
    tx = receipt.tx
    header = record.block.header
    out: dict[str, Any] = {
        "type": qty(tx.type_id if tx.type_id is not None else 0),
        "hash": data(tx.hash),
        "nonce": qty(tx.nonce),
        "blockHash": data(header.hash),
        "blockNumber": qty(header.block_number),
        "transactionIndex": qty(receipt.index),
        "from": address(receipt.sender),
        "to": address(tx.to),
        "value": qty(tx.value),
        "gas": qty(tx.gas),
        "gasPrice": qty(receipt.effective_gas_price),
        "input": data(tx.data),
        "r": qty(tx.r),
        "s": qty(tx.s),
    }
    type_id = tx.type_id or 0
    if type_id == 0:
        out["v"] = qty(tx.v)
        if tx.chain_id is not None:
            out["chainId"] = qty(tx.chain_id)
    else:
        out["v"] = qty(tx.y_parity)
        out["yParity"] = qty(tx.y_parity)
        out["chainId"] = qty(tx.chain_id)
        out["accessList"] = [
            {"address": address(a), "storageKeys": [word(k) for k in keys]} for a, keys in tx.access_list
        ]
    if type_id in (2, 3, 4):
        out["maxFeePerGas"] = qty(tx.max_fee_per_gas)
        out["maxPriorityFeePerGas"] = qty(tx.max_priority_fee_per_gas)
    if type_id == 4:
        out["authorizationList"] = [
            {
                "chainId": qty(a.chain_id),
                "address": address(a.address),
                "nonce": qty(a.nonce),
                "yParity": qty(a.y_parity),
                "r": qty(a.r),
                "s": qty(a.s),
            }
            for a in tx.authorization_list
        ]
    return out


def format_receipt(record: BlockRecord, receipt: ReceiptRecord) -> dict[str, Any]:
    """A receipt with the fields geth returns (logsBloom 256 bytes, effectiveGasPrice, type, status)."""
    tx = receipt.tx
    header = record.block.header
    return {
        "type": qty(tx.type_id or 0),
        "transactionHash": data(tx.hash),
        "transactionIndex": qty(receipt.index),
        "blockHash": data(header.hash),
        "blockNumber": qty(header.block_number),
        "from": address(receipt.sender),
        "to": address(tx.to),
        "cumulativeGasUsed": qty(receipt.cumulative_gas_used),
        "gasUsed": qty(receipt.gas_used),
        "effectiveGasPrice": qty(receipt.effective_gas_price),
        "contractAddress": address(receipt.contract_address),
        "logs": [format_log(log) for log in receipt.logs],
        "logsBloom": word(receipt.bloom, 256),
        "status": qty(receipt.status),
    }


def format_block(record: BlockRecord, full: bool) -> dict[str, Any]:
    """A block as eth_getBlockByNumber returns it (transactions as hashes or objects)."""
    header = record.block.header
    out: dict[str, Any] = {
        "number": qty(header.block_number),
        "hash": data(header.hash),
        "parentHash": data(header.parent_hash),
        "nonce": data(header.nonce),
        "mixHash": data(header.mix_hash),
        "sha3Uncles": data(header.uncles_hash),
        "logsBloom": word(header.bloom, 256),
        "transactionsRoot": data(header.transaction_root),
        "stateRoot": data(header.state_root),
        "receiptsRoot": data(header.receipt_root),
        "miner": address(header.coinbase),
        "difficulty": qty(header.difficulty),
        "totalDifficulty": qty(header.difficulty),
        "extraData": data(header.extra_data),
        "size": qty(record.size),
        "gasLimit": qty(header.gas_limit),
        "gasUsed": qty(header.gas_used),
        "timestamp": qty(header.timestamp),
        "baseFeePerGas": qty(header.base_fee_per_gas),
        "uncles": [],
        "transactions": [format_tx(record, r) if full else data(r.tx.hash) for r in record.receipts],
    }
    for attr, key in (
        ("withdrawals_root", "withdrawalsRoot"),
        ("parent_beacon_block_root", "parentBeaconBlockRoot"),
        ("requests_hash", "requestsHash"),
    ):
        value = getattr(header, attr, None)
        if value is not None:
            out[key] = data(value)
    for attr, key in (("blob_gas_used", "blobGasUsed"), ("excess_blob_gas", "excessBlobGas")):
        value = getattr(header, attr, None)
        if value is not None:
            out[key] = qty(value)
    if getattr(header, "withdrawals_root", None) is not None:
        out["withdrawals"] = []
    return out


# ----------------------------------------------------------------------------- decoding


def parse_qty(value: Any, name: str = "quantity") -> int:
    """A JSON-RPC quantity ("0x1a"); plain non-negative ints are tolerated."""
    if isinstance(value, bool):
        raise ParamError(f"invalid {name}: {value!r}")
    if isinstance(value, int) and value >= 0:
        return value
    if not isinstance(value, str) or not value.startswith(("0x", "0X")) or len(value) < 3:
        raise ParamError(f"invalid {name}: expected a 0x-prefixed hex quantity, got {value!r}")
    try:
        return int(value, 16)
    except ValueError:
        raise ParamError(f"invalid {name}: {value!r}") from None


def parse_data(value: Any, name: str = "data") -> bytes:
    """0x-prefixed hex bytes (even length)."""
    if not isinstance(value, str) or not value.startswith(("0x", "0X")):
        raise ParamError(f"invalid {name}: expected 0x-prefixed hex, got {value!r}")
    text = value[2:]
    if len(text) % 2:
        raise ParamError(f"invalid {name}: odd number of hex digits")
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise ParamError(f"invalid {name}: not hex") from None


def parse_address(value: Any, name: str = "address") -> bytes:
    raw = parse_data(value, name)
    if len(raw) != 20:
        raise ParamError(f"invalid {name}: expected 20 bytes, got {len(raw)}")
    return raw


def parse_hash(value: Any, name: str = "hash") -> bytes:
    raw = parse_data(value, name)
    if len(raw) != 32:
        raise ParamError(f"invalid {name}: expected 32 bytes, got {len(raw)}")
    return raw


def parse_slot(value: Any, name: str = "slot") -> int:
    """A storage slot or value: quantity or 32-byte hex."""
    if isinstance(value, str) and value.startswith(("0x", "0X")):
        try:
            number = int(value, 16) if len(value) > 2 else 0
        except ValueError:
            raise ParamError(f"invalid {name}: {value!r}") from None
        if number >= 2**256:
            raise ParamError(f"invalid {name}: larger than 32 bytes")
        return number
    return parse_qty(value, name)
