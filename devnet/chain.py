"""The devnet chain: py-evm (Prague rules, via eth-tester's genesis helpers) with anvil conventions.

`DevChain` owns one in-memory chain and everything the JSON-RPC layer needs on top of it:
automining (one block per transaction), geth-style costless `eth_call` with state overrides,
revert data, gas estimation, chain-id and nonce checks on raw transactions, snapshots, time
travel, anvil's state setters, and its own indexes (tx hash -> location, per-block logs) so
receipts and `eth_getLogs` stay fast however long the chain gets.

It is not thread safe: the RPC layer serialises access with a lock.
"""

from __future__ import annotations

import json
import os
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

from eth.constants import GENESIS_PARENT_HASH, ZERO_ADDRESS
from eth.exceptions import OutOfGas, Revert, VMError
from eth.vm.spoof import SpoofTransaction
from eth._utils.address import generate_contract_address
from eth_hash.auto import keccak
import rlp
from eth_tester.backends.pyevm.main import PyEVMBackend

from . import CHAIN_ID, MNEMONIC

ETHER = 10**18
ANVIL_HD_PATH = "m/44'/60'/0'/0"
DEFAULT_BALANCE = 10_000 * ETHER
DEFAULT_PRIORITY_FEE = 10**9


class ChainError(Exception):
    """A request the chain refuses; carries the JSON-RPC error code and optional data."""

    def __init__(self, message: str, code: int = -32000, data: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.data = data


PANIC_REASONS = {
    0x00: "generic panic",
    0x01: "assert(false)",
    0x11: "arithmetic underflow or overflow",
    0x12: "division or modulo by zero",
    0x21: "enum overflow",
    0x22: "invalid encoded storage byte array accessed",
    0x31: "out-of-bounds array access; popping on an empty array",
    0x32: "out-of-bounds access of an array or bytesN",
    0x41: "out of memory",
    0x51: "uninitialized function",
}


def revert_error(output: bytes) -> ChainError:
    """Build geth's revert error (code 3, `data` = raw revert bytes) from revert output."""
    message = "execution reverted"
    if output[:4] == bytes.fromhex("08c379a0") and len(output) >= 68:
        try:
            length = int.from_bytes(output[36:68], "big")
            reason = output[68 : 68 + length].decode("utf-8", errors="replace")
            message = f"execution reverted: {reason}"
        except Exception:  # malformed Error(string): keep the generic message
            pass
    elif output[:4] == bytes.fromhex("4e487b71") and len(output) >= 36:
        code = int.from_bytes(output[4:36], "big")
        message = f"execution reverted: {PANIC_REASONS.get(code, 'unknown panic code')} (0x{code:x})"
    return ChainError(message, code=3, data="0x" + output.hex())


@dataclass
class CallRequest:
    """A message call / unsigned transaction as given to eth_call, eth_estimateGas or eth_sendTransaction."""

    sender: bytes = ZERO_ADDRESS
    to: Optional[bytes] = None
    gas: Optional[int] = None
    value: int = 0
    data: bytes = b""


@dataclass
class LogRecord:
    """One log with its position; `log_index` counts per block, as on real nodes."""

    address: bytes
    topics: tuple[bytes, ...]
    data: bytes
    block_number: int
    block_hash: bytes
    tx_hash: bytes
    tx_index: int
    log_index: int


@dataclass
class ReceiptRecord:
    """Receipt values of one transaction, computed once when its block is recorded."""

    tx: Any
    sender: bytes
    index: int
    gas_used: int
    cumulative_gas_used: int
    status: int
    effective_gas_price: int
    contract_address: Optional[bytes]
    bloom: int
    logs: list[LogRecord] = field(default_factory=list)


@dataclass
class BlockRecord:
    """A mined block with its receipts and logs (cached; dropped on evm_revert)."""

    block: Any
    receipts: list[ReceiptRecord]
    logs: list[LogRecord]
    size: int


@dataclass
class Snapshot:
    """What evm_revert restores: the head block, anvil_set* edits not yet mined, and the clock."""

    head_hash: bytes
    pending_state_root: bytes
    time_offset: int
    next_timestamp: Optional[int]


def effective_gas_price(tx: Any, base_fee: int) -> int:
    """The price per gas a transaction pays in a block with `base_fee`."""
    if tx.type_id in (2, 3, 4):
        return min(tx.max_fee_per_gas, base_fee + tx.max_priority_fee_per_gas)
    return tx.gas_price


def next_base_fee(header: Any) -> int:
    """EIP-1559 base fee of the child of `header`."""
    base = header.base_fee_per_gas
    target = header.gas_limit // 2
    used = header.gas_used
    if used == target:
        return base
    if used > target:
        return base + max(base * (used - target) // target // 8, 1)
    return base - base * (target - used) // target // 8


class DevChain:
    """An automining py-evm chain with anvil's chain id, accounts and test methods."""

    def __init__(self, chain_id: int = CHAIN_ID, accounts: int = 10, balance: int = DEFAULT_BALANCE) -> None:
        self.backend = PyEVMBackend.from_mnemonic(
            MNEMONIC,
            genesis_state_overrides={"balance": balance},
            num_accounts=accounts,
            hd_path=ANVIL_HD_PATH,
        )
        # The chain class is created per backend, so setting its chain id affects only this chain.
        type(self.backend.chain).chain_id = chain_id
        self.chain_id = chain_id
        self.keys: dict[bytes, bytes] = {
            k.public_key.to_canonical_address(): k.to_bytes() for k in self.backend.account_keys
        }
        self.accounts: list[bytes] = list(self.keys)
        self.time_offset = 0
        self.next_timestamp: Optional[int] = None
        self.snapshots: dict[int, Snapshot] = {}
        self.next_snapshot_id = 0
        self.tx_index: dict[bytes, tuple[int, int]] = {}
        self.blocks: dict[int, BlockRecord] = {}

    # ----------------------------------------------------------------- headers and state

    @property
    def chain(self) -> Any:
        return self.backend.chain

    def head(self) -> Any:
        """Header of the latest mined block."""
        return self.chain.get_canonical_head()

    def pending(self) -> Any:
        """Header of the block being built (always empty: every transaction is mined at once)."""
        return self.chain.header

    def block_number(self) -> int:
        return self.head().block_number

    def header_by_number(self, number: int) -> Any:
        """Canonical header at `number`; ChainError if it does not exist yet."""
        if number < 0 or number > self.block_number():
            raise ChainError(f"block {number} not found", code=-32000)
        return self.chain.get_canonical_block_header_by_number(number)

    def header_by_hash(self, block_hash: bytes) -> Any:
        """Canonical header with `block_hash`; ChainError if unknown or no longer canonical."""
        try:
            header = self.chain.get_block_header_by_hash(block_hash)
        except Exception:
            raise ChainError(f"block 0x{block_hash.hex()} not found") from None
        if header.block_number > self.block_number() or (
            self.chain.get_canonical_block_header_by_number(header.block_number).hash != header.hash
        ):
            raise ChainError(f"block 0x{block_hash.hex()} is not canonical")
        return header

    def state_header(self, header: Any) -> Any:
        """The header whose state root holds the state *after* block `header`.

        For the head block this is the head header with the pending state root, so anvil_set*
        edits show at "latest" at once, as on anvil.
        """
        if header.hash == self.head().hash:
            return header.copy(state_root=self.pending().state_root)
        return header

    def state_at(self, header: Any) -> Any:
        """A throwaway state object (read or scratch) after block `header`."""
        sheader = self.state_header(header)
        vm = self.chain.get_vm(at_header=header)
        return vm.build_state(vm.chaindb.db, sheader, vm.chain_context, vm.previous_hashes)

    def get_balance(self, address: bytes, header: Any) -> int:
        return self.state_at(header).get_balance(address)

    def get_nonce(self, address: bytes, header: Any) -> int:
        return self.state_at(header).get_nonce(address)

    def get_code(self, address: bytes, header: Any) -> bytes:
        return self.state_at(header).get_code(address)

    def get_storage(self, address: bytes, slot: int, header: Any) -> int:
        return self.state_at(header).get_storage(address, slot)

    # ----------------------------------------------------------------- calls and estimates

    def _call_state(self, header: Any, overrides: Optional[dict[bytes, dict[str, Any]]],
                    block: Optional[dict[str, int]] = None) -> tuple[Any, Any]:
        """A costless (base fee 0) scratch state after `header`, with geth-style overrides applied.

        `block` holds geth-style block overrides (eth_call's 4th parameter); `time` and `number` are honoured.
        """
        vm = self.chain.get_vm(at_header=header)
        free = self.state_header(header).copy(base_fee_per_gas=0, **{
            {"time": "timestamp", "number": "block_number"}[k]: v for k, v in (block or {}).items()})
        state = vm.build_state(vm.chaindb.db, free, vm.chain_context, vm.previous_hashes)
        for address, override in (overrides or {}).items():
            if "balance" in override:
                state.set_balance(address, override["balance"])
            if "nonce" in override:
                state.set_nonce(address, override["nonce"])
            if "code" in override:
                state.set_code(address, override["code"])
            if "state" in override:
                state.delete_storage(address)
                for slot, value in override["state"].items():
                    state.set_storage(address, slot, value)
            for slot, value in override.get("stateDiff", {}).items():
                state.set_storage(address, slot, value)
        return vm, state

    def _run(self, vm: Any, state: Any, req: CallRequest, gas: int) -> Any:
        """Execute `req` with `gas` on `state` (no fees) and return the computation; state is reverted."""
        tx = vm.create_unsigned_transaction(
            nonce=state.get_nonce(req.sender),
            gas_price=0,
            gas=gas,
            to=req.to if req.to is not None else b"",
            value=req.value,
            data=req.data,
        )
        snapshot = state.snapshot()
        try:
            return state.apply_transaction(SpoofTransaction(tx, from_=req.sender))
        except VMError as exc:  # pre-execution failures raise instead of returning a computation
            raise ChainError(str(exc) or type(exc).__name__) from None
        except Exception as exc:  # validation errors (insufficient funds for value, etc.)
            raise ChainError(str(exc) or type(exc).__name__) from None
        finally:
            state.revert(snapshot)

    @staticmethod
    def _raise_for(computation: Any) -> None:
        if not computation.is_error:
            return
        error = computation.error
        if isinstance(error, Revert):
            raise revert_error(bytes(computation.output))
        if isinstance(error, OutOfGas):
            raise ChainError("out of gas")
        raise ChainError(str(error) or type(error).__name__)

    def call(self, req: CallRequest, header: Any, overrides: Optional[dict] = None,
             block: Optional[dict[str, int]] = None) -> bytes:
        """geth-style eth_call: costless, after block `header`, returns output or raises (code 3 on revert)."""
        vm, state = self._call_state(header, overrides, block)
        computation = self._run(vm, state, req, req.gas or header.gas_limit)
        self._raise_for(computation)
        return bytes(computation.output)

    def estimate_gas(self, req: CallRequest, header: Any, overrides: Optional[dict] = None) -> int:
        """Smallest gas limit (within ~64 gas) at which `req` succeeds; raises like `call` otherwise."""
        vm, state = self._call_state(header, overrides)
        cap = req.gas or header.gas_limit
        computation = self._run(vm, state, req, cap)
        if computation.is_error:
            if isinstance(computation.error, OutOfGas):
                raise ChainError(f"gas required exceeds allowance ({cap})")
            self._raise_for(computation)
        used = cap - computation.get_gas_remaining()

        def ok(gas: int) -> bool:
            return not self._run(vm, state, req, gas).is_error

        if used >= cap or ok(used):
            return min(used, cap)
        lo, hi = used, min(cap, used * 64 // 63 + 10_000)
        if not ok(hi):
            lo, hi = hi, cap
        while hi - lo > 64:
            mid = (lo + hi) // 2
            if ok(mid):
                hi = mid
            else:
                lo = mid
        return hi

    # ----------------------------------------------------------------- transactions and mining

    def _prepare_pending(self) -> None:
        """Stamp the (empty) pending block with the current devnet time."""
        pending = self.pending()
        parent = self.head()
        if self.next_timestamp is not None:
            ts = max(self.next_timestamp, parent.timestamp + 1)
            self.next_timestamp = None
        else:
            ts = max(parent.timestamp + 1, int(time.time()) + self.time_offset)
        if pending.timestamp != ts:
            self.chain.header = pending.copy(timestamp=ts)

    def decode_raw(self, raw: bytes) -> Any:
        """Decode a raw signed transaction; ChainError on garbage."""
        try:
            return self.chain.get_vm().get_transaction_builder().decode(raw)
        except Exception as exc:
            raise ChainError(f"invalid raw transaction: {exc}") from None

    def send_raw_transaction(self, raw: bytes) -> bytes:
        """Validate (chain id, nonce, fees, funds) and mine a raw signed transaction; return its hash."""
        tx = self.decode_raw(raw)
        if tx.hash in self.tx_index:
            raise ChainError("already known")
        if tx.type_id == 0 and tx.v in (27, 28):
            raise ChainError("only replay-protected (EIP-155) transactions allowed over RPC")
        if tx.chain_id != self.chain_id:
            raise ChainError(f"invalid chain id: transaction signed for chain {tx.chain_id}, this chain is {self.chain_id}")
        try:
            sender = tx.sender
        except Exception:
            raise ChainError("invalid sender: bad signature") from None
        self._validate_and_mine(tx, sender)
        return tx.hash

    def _validate_and_mine(self, tx: Any, sender: bytes) -> None:
        self._prepare_pending()
        pending = self.pending()
        state = self.state_at(self.head())
        nonce = state.get_nonce(sender)
        who = "0x" + sender.hex()
        if tx.nonce < nonce:
            raise ChainError(f"nonce too low: address {who}, tx: {tx.nonce} state: {nonce}")
        if tx.nonce > nonce:
            raise ChainError(f"nonce too high: address {who}, tx: {tx.nonce} state: {nonce} (the devnet has no mempool)")
        if tx.gas > pending.gas_limit:
            raise ChainError(f"exceeds block gas limit: tx gas {tx.gas}, block gas limit {pending.gas_limit}")
        if tx.gas < tx.intrinsic_gas:
            raise ChainError(f"intrinsic gas too low: have {tx.gas}, want {tx.intrinsic_gas}")
        max_fee = tx.max_fee_per_gas if tx.type_id in (2, 3, 4) else tx.gas_price
        if max_fee < pending.base_fee_per_gas:
            raise ChainError(
                f"max fee per gas less than block base fee: address {who}, maxFeePerGas: {max_fee}, baseFee: {pending.base_fee_per_gas}"
            )
        if tx.type_id in (2, 3, 4) and tx.max_priority_fee_per_gas > tx.max_fee_per_gas:
            raise ChainError("max priority fee per gas higher than max fee per gas")
        balance = state.get_balance(sender)
        cost = tx.gas * max_fee + tx.value
        if balance < cost:
            raise ChainError(f"insufficient funds for gas * price + value: address {who} have {balance} want {cost}")
        try:
            self.chain.apply_transaction(tx)
        except Exception as exc:
            raise ChainError(f"transaction rejected: {exc}") from None
        self.mine()

    def send_transaction(self, tx: dict[str, Any]) -> bytes:
        """Sign a transaction for a dev account (eth_sendTransaction) and mine it."""
        from eth_account import Account

        sender: bytes = tx["from"]
        key = self.keys.get(sender)
        if key is None:
            raise ChainError(f"unknown account 0x{sender.hex()}: eth_sendTransaction signs only for the dev accounts")
        head = self.head()
        fields: dict[str, Any] = {
            "chainId": self.chain_id,
            "nonce": tx.get("nonce", self.get_nonce(sender, head)),
            "value": tx.get("value", 0),
            "data": tx.get("data", b""),
        }
        if tx.get("to") is not None:
            from eth_utils import to_checksum_address

            fields["to"] = to_checksum_address(tx["to"])
        if "gas" in tx:
            fields["gas"] = tx["gas"]
        else:
            req = CallRequest(sender=sender, to=tx.get("to"), value=fields["value"], data=fields["data"])
            fields["gas"] = self.estimate_gas(req, head)
        if "gasPrice" in tx and "maxFeePerGas" not in tx:
            fields["gasPrice"] = tx["gasPrice"]
        else:
            prio = tx.get("maxPriorityFeePerGas", DEFAULT_PRIORITY_FEE)
            fields["maxPriorityFeePerGas"] = prio
            fields["maxFeePerGas"] = tx.get("maxFeePerGas", 2 * self.pending().base_fee_per_gas + prio)
            fields["type"] = 2
        signed = Account.sign_transaction(fields, key)
        return self.send_raw_transaction(bytes(signed.raw_transaction))

    def mine(self, timestamp: Optional[int] = None) -> Any:
        """Mine the pending block (with whatever it holds) and index it."""
        if timestamp is not None:
            self.next_timestamp = timestamp
        if not self.chain.get_block().transactions or timestamp is not None:
            self._prepare_pending()
        number = self.pending().block_number
        mix = keccak(b"devnet-prevrandao" + number.to_bytes(8, "big") + self.pending().state_root)
        block = self.chain.mine_block(coinbase=ZERO_ADDRESS, mix_hash=mix)
        self._record(block)
        return block

    def _record(self, block: Any) -> BlockRecord:
        """Compute receipts and logs of a mined block once and index its transactions."""
        header = block.header
        receipts = block.get_receipts(self.chain.chaindb)
        records: list[ReceiptRecord] = []
        logs: list[LogRecord] = []
        previous = 0
        for index, (tx, receipt) in enumerate(zip(block.transactions, receipts)):
            sender = tx.sender
            contract = generate_contract_address(sender, tx.nonce) if tx.to == b"" else None
            record = ReceiptRecord(
                tx=tx,
                sender=sender,
                index=index,
                gas_used=receipt.gas_used - previous,
                cumulative_gas_used=receipt.gas_used,
                status=1 if receipt.state_root == b"\x01" else 0,
                effective_gas_price=effective_gas_price(tx, header.base_fee_per_gas),
                contract_address=contract,
                bloom=receipt.bloom,
            )
            previous = receipt.gas_used
            for log in receipt.logs:
                entry = LogRecord(
                    address=log.address,
                    topics=tuple(t.to_bytes(32, "big") if isinstance(t, int) else bytes(t) for t in log.topics),
                    data=bytes(log.data),
                    block_number=header.block_number,
                    block_hash=header.hash,
                    tx_hash=tx.hash,
                    tx_index=index,
                    log_index=len(logs),
                )
                record.logs.append(entry)
                logs.append(entry)
            records.append(record)
            self.tx_index[tx.hash] = (header.block_number, index)
        entry_block = BlockRecord(block=block, receipts=records, logs=logs, size=len(rlp.encode(block)))
        self.blocks[header.block_number] = entry_block
        return entry_block

    def block_record(self, number: int) -> BlockRecord:
        """Cached block record for canonical block `number` (built on first use)."""
        record = self.blocks.get(number)
        if record is None:
            header = self.header_by_number(number)
            record = self._record(self.chain.get_block_by_header(header))
        return record

    def find_transaction(self, tx_hash: bytes) -> Optional[tuple[BlockRecord, ReceiptRecord]]:
        """Locate a mined transaction by hash via the index (None if unknown)."""
        location = self.tx_index.get(tx_hash)
        if location is None or location[0] > self.block_number():
            return None
        record = self.block_record(location[0])
        return record, record.receipts[location[1]]

    # ----------------------------------------------------------------- logs and fees

    def get_logs(
        self,
        from_block: int,
        to_block: int,
        addresses: Optional[set[bytes]],
        topics: Sequence[Optional[set[bytes]]],
    ) -> list[LogRecord]:
        """Logs in [from_block, to_block] matching addresses (any) and per-position topic OR-sets."""
        out: list[LogRecord] = []
        for number in range(from_block, to_block + 1):
            for log in self.block_record(number).logs:
                if addresses is not None and log.address not in addresses:
                    continue
                if len(topics) > len(log.topics):
                    continue
                if all(want is None or log.topics[i] in want for i, want in enumerate(topics)):
                    out.append(log)
        return out

    def fee_history(self, count: int, newest: int, percentiles: Sequence[float]) -> dict[str, Any]:
        """eth_feeHistory values (ints/floats); baseFees has count+1 entries (the last is the next block's)."""
        count = max(0, min(count, 1024, newest + 1))
        oldest = newest - count + 1
        base_fees: list[int] = []
        ratios: list[float] = []
        rewards: list[list[int]] = []
        header = None
        for number in range(oldest, newest + 1):
            record = self.block_record(number)
            header = record.block.header
            base_fees.append(header.base_fee_per_gas)
            ratios.append(header.gas_used / header.gas_limit)
            if percentiles:
                rewards.append(self._block_rewards(record, percentiles))
        if header is not None:
            base_fees.append(next_base_fee(header))
        return {"oldest": oldest, "base_fees": base_fees, "ratios": ratios, "rewards": rewards if percentiles else None}

    @staticmethod
    def _block_rewards(record: BlockRecord, percentiles: Sequence[float]) -> list[int]:
        """geth's algorithm: effective tips sorted ascending, weighted by gas used."""
        header = record.block.header
        if not record.receipts:
            return [0 for _ in percentiles]
        tips = sorted((r.effective_gas_price - header.base_fee_per_gas, r.gas_used) for r in record.receipts)
        result = []
        index, total = 0, tips[0][1]
        for p in percentiles:
            threshold = header.gas_used * p / 100
            while total < threshold and index < len(tips) - 1:
                index += 1
                total += tips[index][1]
            result.append(tips[index][0])
        return result

    # ----------------------------------------------------------------- anvil / hardhat test methods

    def _edit_pending_state(self, edit: Any) -> None:
        """Apply `edit(state)` to the pending state so it is visible at "latest" at once."""
        vm = self.chain.get_vm(self.pending())
        state = vm.state
        edit(state)
        state.persist()
        self.chain.header = self.pending().copy(state_root=state.state_root)

    def set_balance(self, address: bytes, value: int) -> None:
        self._edit_pending_state(lambda s: s.set_balance(address, value))

    def set_code(self, address: bytes, code: bytes) -> None:
        self._edit_pending_state(lambda s: s.set_code(address, code))

    def set_nonce(self, address: bytes, nonce: int) -> None:
        self._edit_pending_state(lambda s: s.set_nonce(address, nonce))

    def set_storage(self, address: bytes, slot: int, value: int) -> None:
        self._edit_pending_state(lambda s: s.set_storage(address, slot, value))

    def snapshot(self) -> int:
        """Record the current state; returns the snapshot id (0, 1, ...)."""
        sid = self.next_snapshot_id
        self.next_snapshot_id += 1
        self.snapshots[sid] = Snapshot(self.head().hash, self.pending().state_root, self.time_offset, self.next_timestamp)
        return sid

    def revert(self, sid: int) -> bool:
        """Return to snapshot `sid` (False if unknown); it and later snapshots are consumed, as on anvil."""
        snap = self.snapshots.get(sid)
        if snap is None:
            return False
        for key in [k for k in self.snapshots if k >= sid]:
            del self.snapshots[key]
        chaindb = self.chain.chaindb
        header = chaindb.get_block_header_by_hash(snap.head_hash)
        chaindb._set_as_canonical_chain_head(chaindb.db, header, GENESIS_PARENT_HASH)
        pending = self.chain.create_header_from_parent(header)
        self.chain.header = pending.copy(state_root=snap.pending_state_root)
        self.time_offset = snap.time_offset
        self.next_timestamp = snap.next_timestamp
        number = header.block_number
        self.blocks = {n: r for n, r in self.blocks.items() if n <= number}
        self.tx_index = {h: loc for h, loc in self.tx_index.items() if loc[0] <= number}
        return True

    # ----------------------------------------------------------------- state files

    STATE_MAGIC = b"defi-devnet-state/1\n"

    def save_state(self, path: Path) -> None:
        """Write the whole chain database plus head metadata to `path` (atomic replace).

        Format: magic line, 4-byte length + JSON metadata, then (4-byte length, key, 4-byte
        length, value) records of the in-memory key-value store. No pickle: loading is safe.
        """
        kv: dict[bytes, bytes] = self.chain.chaindb.db.wrapped_db.kv_store
        meta = {
            "chain_id": self.chain_id,
            "pending_state_root": self.pending().state_root.hex(),
            "tx_index": {h.hex(): list(loc) for h, loc in self.tx_index.items()},
        }
        encoded = json.dumps(meta).encode()
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            f.write(self.STATE_MAGIC + struct.pack(">I", len(encoded)) + encoded)
            for key, value in kv.items():
                f.write(struct.pack(">I", len(key)) + key + struct.pack(">I", len(value)) + value)
        os.replace(tmp, path)

    def load_state(self, path: Path) -> None:
        """Replace this chain's database with a state file written by `save_state`."""
        raw = Path(path).read_bytes()
        if not raw.startswith(self.STATE_MAGIC):
            raise ValueError(f"{path} is not a devnet state file")
        pos = len(self.STATE_MAGIC)
        (size,) = struct.unpack_from(">I", raw, pos)
        meta = json.loads(raw[pos + 4 : pos + 4 + size])
        if meta["chain_id"] != self.chain_id:
            raise ValueError(f"{path} holds chain {meta['chain_id']}, not {self.chain_id}")
        pos += 4 + size
        kv: dict[bytes, bytes] = {}
        while pos < len(raw):
            (klen,) = struct.unpack_from(">I", raw, pos)
            key = raw[pos + 4 : pos + 4 + klen]
            pos += 4 + klen
            (vlen,) = struct.unpack_from(">I", raw, pos)
            kv[key] = raw[pos + 4 : pos + 4 + vlen]
            pos += 4 + vlen
        store = self.chain.chaindb.db.wrapped_db.kv_store
        store.clear()
        store.update(kv)
        head = self.chain.get_canonical_head()
        pending = self.chain.create_header_from_parent(head)
        self.chain.header = pending.copy(state_root=bytes.fromhex(meta["pending_state_root"]))
        self.tx_index = {bytes.fromhex(h): (loc[0], loc[1]) for h, loc in meta["tx_index"].items()}
        self.blocks = {}
        self.snapshots = {}
        self.time_offset = 0
        self.next_timestamp = None

    def increase_time(self, seconds: int) -> int:
        """Move the devnet clock forward; returns the total offset in seconds.

        The next block is at least `seconds` after the latest one even when the chain already
        runs ahead of the wall clock (it does after many blocks per second).
        """
        self.time_offset += seconds
        floor = self.head().timestamp + seconds
        self.next_timestamp = max(self.next_timestamp or 0, floor)
        return self.time_offset

    def set_next_block_timestamp(self, timestamp: int) -> None:
        if timestamp <= self.head().timestamp:
            raise ChainError(f"timestamp {timestamp} is not after the latest block's {self.head().timestamp}")
        self.next_timestamp = timestamp
        self.time_offset = timestamp - int(time.time())

