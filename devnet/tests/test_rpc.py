"""Every JSON-RPC method against expected values, over raw HTTP (wire format: hex, camelCase, errors)."""

from __future__ import annotations

import http.client
import time
import urllib.parse
from typing import Any

from eth_abi import encode as abi_encode
from eth_account import Account
from eth_hash.auto import keccak
from eth_utils import to_checksum_address

from devnet.client import RpcFailure
from devnet.tests.conftest import post, wallet_for

import pytest

ANVIL_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
TEN_K_ETH = hex(10_000 * 10**18)
TRANSFER = "0x" + keccak(b"Transfer(address,address,uint256)").hex()
SYNC = "0x" + keccak(b"Sync(uint112,uint112)").hex()
IDLE = 7  # dev account no deploy/seed step touches


def result(resp: dict[str, Any]) -> Any:
    assert "error" not in resp, resp
    return resp["result"]


def error(resp: dict[str, Any]) -> dict[str, Any]:
    assert "error" in resp, resp
    return resp["error"]


def is_qty(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("0x") and (value == "0x0" or not value.startswith("0x0"))


# --------------------------------------------------------------------------- basics


def test_identity_methods(raw: Any, dep: dict[str, Any]) -> None:
    assert result(raw("eth_chainId")) == "0x7a69"
    assert result(raw("net_version")) == "31337"
    assert "devnet" in result(raw("web3_clientVersion"))
    accounts = result(raw("eth_accounts"))
    assert len(accounts) == 10 and accounts[0] == ANVIL_0
    assert accounts == [a["address"] for a in dep["accounts"]]
    assert dep["accounts"][0]["private_key"] == "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"


def test_block_number_and_balances(raw: Any, dep: dict[str, Any]) -> None:
    assert result(raw("eth_blockNumber")) == hex(dep["block_number"])
    idle = dep["accounts"][IDLE]["address"]
    assert result(raw("eth_getBalance", idle, "latest")) == TEN_K_ETH
    assert result(raw("eth_getBalance", idle, "pending")) == TEN_K_ETH
    assert result(raw("eth_getBalance", idle, "earliest")) == TEN_K_ETH
    assert result(raw("eth_getBalance", idle, {"blockNumber": "0x0"})) == TEN_K_ETH
    # The deployer paid gas: lower now than at genesis.
    assert int(result(raw("eth_getBalance", ANVIL_0, "latest")), 16) < 10_000 * 10**18
    assert result(raw("eth_getBalance", ANVIL_0, "0x0")) == TEN_K_ETH


def test_transaction_count_latest_pending_and_history(raw: Any, dep: dict[str, Any]) -> None:
    n = int(result(raw("eth_getTransactionCount", ANVIL_0, "latest")), 16)
    assert n > 50
    assert result(raw("eth_getTransactionCount", ANVIL_0, "pending")) == hex(n)
    assert result(raw("eth_getTransactionCount", ANVIL_0, "0x0")) == "0x0"
    assert result(raw("eth_getTransactionCount", ANVIL_0, "0x1")) == "0x1"


def test_get_code_and_storage(raw: Any, dep: dict[str, Any]) -> None:
    weth = dep["tokens"]["WETH"]["address"]
    code = result(raw("eth_getCode", weth, "latest"))
    assert code.startswith("0x60") and len(code) > 1000
    assert result(raw("eth_getCode", ANVIL_0, "latest")) == "0x"
    assert result(raw("eth_getCode", weth, "0x0")) == "0x"  # not deployed at genesis
    # WETH9 layout: name (0), symbol (1), decimals (2), balanceOf (3)
    assert result(raw("eth_getStorageAt", weth, "0x2", "latest")) == "0x" + "00" * 31 + "12"
    assert result(raw("eth_getStorageAt", weth, "0x" + "00" * 31 + "02", "latest")) == "0x" + "00" * 31 + "12"


# --------------------------------------------------------------------------- eth_call


def calldata(contract: Any, name: str, *args: Any) -> str:
    return "0x" + contract.calldata(name, *args).hex()


def test_call_with_block_tags_and_eip1898(raw: Any, dep: dict[str, Any], contracts: Any) -> None:
    weth = contracts["WETH"]
    data = calldata(weth, "decimals")
    assert int(result(raw("eth_call", {"to": weth.address, "data": data}, "latest")), 16) == 18
    # "input" is accepted as well as "data"
    assert int(result(raw("eth_call", {"to": weth.address, "input": data}, "latest")), 16) == 18
    assert result(raw("eth_call", {"to": weth.address, "data": data}, "0x0")) == "0x"
    block1 = result(raw("eth_getBlockByNumber", "0x1", False))
    assert int(result(raw("eth_call", {"to": weth.address, "data": data}, {"blockHash": block1["hash"]})), 16) == 18
    assert int(result(raw("eth_call", {"to": weth.address, "data": data}, {"blockNumber": "0x1"})), 16) == 18
    err = error(raw("eth_call", {"to": weth.address, "data": data}, {"blockHash": "0x" + "11" * 32}))
    assert err["code"] == -32000 and "not found" in err["message"]
    # historical state: the LP's WETH balance before and after seeding
    lp = dep["roles"]["liquidity_provider"]["address"]
    bal = calldata(weth, "balanceOf", lp)
    assert int(result(raw("eth_call", {"to": weth.address, "data": bal}, "0x5")), 16) == 0
    assert int(result(raw("eth_call", {"to": weth.address, "data": bal}, "latest")), 16) > 0


def test_call_state_overrides(raw: Any, dep: dict[str, Any], contracts: Any) -> None:
    mc = contracts["multicall"]
    who = "0x" + "ab" * 20
    data = calldata(mc, "getEthBalance", who)
    assert int(result(raw("eth_call", {"to": mc.address, "data": data}, "latest")), 16) == 0
    over = {who: {"balance": "0x1234"}}
    assert int(result(raw("eth_call", {"to": mc.address, "data": data}, "latest", over)), 16) == 0x1234
    # code override: PUSH1 42 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
    code = "0x602a60005260206000f3"
    assert int(result(raw("eth_call", {"to": who, "data": "0x"}, "latest", {who: {"code": code}})), 16) == 42
    # stateDiff on WETH9's balanceOf mapping (slot 3)
    weth = contracts["WETH"]
    slot = "0x" + keccak(bytes.fromhex(who[2:].rjust(64, "0")) + (3).to_bytes(32, "big")).hex()
    bal = calldata(weth, "balanceOf", who)
    over = {weth.address: {"stateDiff": {slot: "0x" + "00" * 31 + "07"}}}
    assert int(result(raw("eth_call", {"to": weth.address, "data": bal}, "latest", over)), 16) == 7
    # "state" replaces all storage: decimals (slot 2) reads 0 then
    over = {weth.address: {"state": {slot: "0x" + "00" * 31 + "07"}}}
    assert int(result(raw("eth_call", {"to": weth.address, "data": calldata(weth, "decimals")}, "latest", over)), 16) == 0
    # nonce override is accepted; overrides never persist
    assert result(raw("eth_call", {"to": who, "data": "0x"}, "latest", {who: {"nonce": "0x5"}})) == "0x"
    assert result(raw("eth_getCode", who, "latest")) == "0x"
    assert error(raw("eth_call", {"to": who}, "latest", {who: {"state": {}, "stateDiff": {}}}))["code"] == -32602


def test_call_block_overrides(raw: Any, contracts: Any) -> None:
    """geth's 4th eth_call parameter: `time` and `number` change what TIMESTAMP/NUMBER return; others refused."""
    mc = contracts["multicall"]
    ts = calldata(mc, "getCurrentBlockTimestamp")
    now = int(result(raw("eth_call", {"to": mc.address, "data": ts}, "latest")), 16)
    later = now + 30 * 86_400
    assert int(result(raw("eth_call", {"to": mc.address, "data": ts}, "latest", None, {"time": hex(later)})), 16) == later
    assert int(result(raw("eth_call", {"to": mc.address, "data": ts}, "latest", {}, {"time": hex(later)})), 16) == later
    num = calldata(mc, "getBlockNumber")
    assert int(result(raw("eth_call", {"to": mc.address, "data": num}, "latest", {}, {"number": "0x1000"})), 16) == 0x1000
    # never persists
    assert int(result(raw("eth_call", {"to": mc.address, "data": ts}, "latest")), 16) == now
    assert error(raw("eth_call", {"to": mc.address, "data": ts}, "latest", {}, {"gasLimit": "0x1"}))["code"] == -32602
    assert error(raw("eth_call", {"to": mc.address, "data": ts}, "latest", {}, [1]))["code"] == -32602


def test_revert_error_string_has_code_3_and_data(raw: Any, contracts: Any) -> None:
    router = contracts["router_a"]
    data = calldata(router, "getAmountsOut", 10**18, [contracts["WETH"].address])
    err = error(raw("eth_call", {"to": router.address, "data": data}, "latest"))
    assert err["code"] == 3
    assert err["message"] == "execution reverted: UniswapV2Library: INVALID_PATH"
    reason = b"UniswapV2Library: INVALID_PATH"
    assert err["data"] == "0x08c379a0" + abi_encode(["string"], [reason.decode()]).hex()
    err2 = error(raw("eth_estimateGas", {"to": router.address, "data": data}))
    assert err2 == err


def test_revert_panic_and_custom(raw: Any) -> None:
    who = "0x" + "cd" * 20
    # mstore(0, 0x4e487b71 << 224); mstore(4, 0x11); revert(0, 36)
    panic = "0x634e487b7160e01b6000526011600452602460" + "00fd"
    err = error(raw("eth_call", {"to": who, "data": "0x"}, "latest", {who: {"code": panic}}))
    assert err["code"] == 3
    assert err["message"] == "execution reverted: arithmetic underflow or overflow (0x11)"
    assert err["data"] == "0x4e487b71" + "00" * 31 + "11"
    # empty revert: code 3, data 0x
    err = error(raw("eth_call", {"to": who, "data": "0x"}, "latest", {who: {"code": "0x60006000fd"}}))
    assert err["code"] == 3 and err["message"] == "execution reverted" and err["data"] == "0x"
    err = error(raw("eth_estimateGas", {"to": who, "data": "0x"}, "latest", {who: {"code": panic}}))
    assert err["code"] == 3 and err["data"].startswith("0x4e487b71")


def test_estimate_gas_gas_price_priority_fee(raw: Any, dep: dict[str, Any], contracts: Any) -> None:
    idle = dep["accounts"][IDLE]["address"]
    assert result(raw("eth_estimateGas", {"from": idle, "to": ANVIL_0, "value": "0x1"})) == "0x5208"
    weth = contracts["WETH"]
    est = int(result(raw("eth_estimateGas", {"from": idle, "to": weth.address, "value": "0xde0b6b3a7640000",
                                             "data": calldata(weth, "deposit")})), 16)
    assert 40_000 < est < 60_000
    gp = result(raw("eth_gasPrice"))
    assert is_qty(gp) and int(gp, 16) >= 10**9
    assert result(raw("eth_maxPriorityFeePerGas")) == hex(10**9)


def test_fee_history(raw: Any, dep: dict[str, Any]) -> None:
    latest = dep["block_number"]
    h = result(raw("eth_feeHistory", "0x5", "latest", [25, 75]))
    assert h["oldestBlock"] == hex(latest - 4)
    assert len(h["baseFeePerGas"]) == 6 and len(h["gasUsedRatio"]) == 5 and len(h["reward"]) == 5
    assert all(len(r) == 2 and r[0] == hex(10**9) for r in h["reward"])  # every seed tx tips 1 gwei
    for n, fee in zip(range(latest - 4, latest + 1), h["baseFeePerGas"]):
        assert fee == result(raw("eth_getBlockByNumber", hex(n), False))["baseFeePerGas"]
    assert 0 < h["gasUsedRatio"][-1] < 1
    # the extra entry is the next block's base fee
    result(raw("evm_mine"))
    assert result(raw("eth_getBlockByNumber", "latest", False))["baseFeePerGas"] == h["baseFeePerGas"][-1]
    empty = result(raw("eth_feeHistory", "0x1", "latest", [50]))
    assert empty["reward"] == [["0x0"]] and empty["gasUsedRatio"] == [0.0]
    nor = result(raw("eth_feeHistory", "0x2", hex(latest), []))
    assert "reward" not in nor and nor["oldestBlock"] == hex(latest - 1)
    big = result(raw("eth_feeHistory", hex(10_000), "latest", []))
    assert big["oldestBlock"] == "0x0"
    assert error(raw("eth_feeHistory", "0x2", "latest", [75, 25]))["code"] == -32602


# --------------------------------------------------------------------------- transactions


def signed(key: str, **fields: Any) -> str:
    tx = {"type": 2, "chainId": 31337, "gas": 21000, "maxFeePerGas": 10**10, "maxPriorityFeePerGas": 10**9,
          "to": ANVIL_0, "value": 1, "data": b""}
    tx.update(fields)
    if "gasPrice" in fields:
        tx.pop("maxFeePerGas")
        tx.pop("maxPriorityFeePerGas")
        tx.pop("type")
    return "0x" + bytes(Account.sign_transaction(tx, key).raw_transaction).hex()


def test_send_raw_receipt_and_transaction(raw: Any, dep: dict[str, Any]) -> None:
    acct = dep["accounts"][IDLE]
    start = int(result(raw("eth_blockNumber")), 16)
    tx_hash = result(raw("eth_sendRawTransaction", signed(acct["private_key"], nonce=0)))
    assert result(raw("eth_blockNumber")) == hex(start + 1)  # automine
    rc = result(raw("eth_getTransactionReceipt", tx_hash))
    assert rc["status"] == "0x1" and rc["type"] == "0x2" and rc["gasUsed"] == "0x5208"
    assert rc["cumulativeGasUsed"] == "0x5208" and rc["transactionIndex"] == "0x0"
    assert rc["from"] == acct["address"] and rc["to"] == ANVIL_0 and rc["contractAddress"] is None
    block = result(raw("eth_getBlockByNumber", "latest", False))
    assert int(rc["effectiveGasPrice"], 16) == int(block["baseFeePerGas"], 16) + 10**9
    assert len(rc["logsBloom"]) == 2 + 512 and rc["logs"] == []
    assert rc["blockHash"] == block["hash"] and rc["blockNumber"] == block["number"]
    tx = result(raw("eth_getTransactionByHash", tx_hash))
    assert tx["hash"] == tx_hash and tx["nonce"] == "0x0" and tx["value"] == "0x1" and tx["input"] == "0x"
    assert tx["maxFeePerGas"] == hex(10**10) and tx["chainId"] == "0x7a69" and tx["type"] == "0x2"
    assert tx["from"] == acct["address"] and tx["blockHash"] == block["hash"] and tx["yParity"] in ("0x0", "0x1")
    assert result(raw("eth_getTransactionCount", acct["address"], "pending")) == "0x1"
    # legacy EIP-155 transaction with the right chain id
    h2 = result(raw("eth_sendRawTransaction", signed(acct["private_key"], nonce=1, gasPrice=10**10)))
    rc2 = result(raw("eth_getTransactionReceipt", h2))
    assert rc2["type"] == "0x0" and rc2["effectiveGasPrice"] == hex(10**10)
    assert result(raw("eth_getTransactionByHash", h2))["v"] in (hex(31337 * 2 + 35), hex(31337 * 2 + 36))
    assert result(raw("eth_getTransactionReceipt", "0x" + "00" * 32)) is None
    assert result(raw("eth_getTransactionByHash", "0x" + "00" * 32)) is None


def test_rejects_wrong_chain_id_and_bad_nonces(raw: Any, dep: dict[str, Any]) -> None:
    key = dep["accounts"][IDLE]["private_key"]
    err = error(raw("eth_sendRawTransaction", signed(key, nonce=0, chainId=1)))
    assert err["code"] == -32000 and "chain id" in err["message"] and "31337" in err["message"]
    err = error(raw("eth_sendRawTransaction", signed(key, nonce=0, chainId=1, gasPrice=10**10)))
    assert "chain id" in err["message"]
    result(raw("eth_sendRawTransaction", signed(key, nonce=0)))
    err = error(raw("eth_sendRawTransaction", signed(key, nonce=0, value=2)))
    assert err["code"] == -32000 and err["message"].startswith("nonce too low")
    assert "nonce too high" in error(raw("eth_sendRawTransaction", signed(key, nonce=5)))["message"]
    err = error(raw("eth_sendRawTransaction", signed(key, nonce=1, maxFeePerGas=1, maxPriorityFeePerGas=1)))
    assert "base fee" in err["message"]
    err = error(raw("eth_sendRawTransaction", signed(key, nonce=1, value=10**24)))
    assert "insufficient funds" in err["message"]
    assert error(raw("eth_sendRawTransaction", "0xdeadbeef"))["code"] == -32000
    assert error(raw("eth_sendRawTransaction", "nothex"))["code"] == -32602


def test_reverted_transaction_is_mined_with_status_0(rpc: Any, raw: Any, dep: dict[str, Any], contracts: Any) -> None:
    key = dep["accounts"][IDLE]["private_key"]
    weth = contracts["WETH"]
    data = weth.calldata("withdraw", 10**18)  # no WETH: WETH9 reverts
    tx_hash = result(raw("eth_sendRawTransaction", signed(key, nonce=0, to=weth.address, value=0, data=data, gas=100_000)))
    rc = result(raw("eth_getTransactionReceipt", tx_hash))
    assert rc["status"] == "0x0" and int(rc["gasUsed"], 16) > 21000


def test_send_transaction_for_dev_accounts(raw: Any, dep: dict[str, Any]) -> None:
    idle = dep["accounts"][IDLE]["address"]
    tx_hash = result(raw("eth_sendTransaction", {"from": idle, "to": ANVIL_0, "value": "0x2"}))
    rc = result(raw("eth_getTransactionReceipt", tx_hash))
    assert rc["status"] == "0x1" and rc["from"] == idle and rc["type"] == "0x2"
    err = error(raw("eth_sendTransaction", {"from": "0x" + "12" * 20, "to": ANVIL_0}))
    assert "unknown account" in err["message"]
    # contract creation: returns a contractAddress with code
    tx_hash = result(raw("eth_sendTransaction", {"from": idle, "data": "0x600a600c600039600a6000f3602a60005260206000f3"}))
    rc = result(raw("eth_getTransactionReceipt", tx_hash))
    assert rc["contractAddress"] and result(raw("eth_getCode", rc["contractAddress"], "latest")) == "0x602a60005260206000f3"


# --------------------------------------------------------------------------- blocks and logs


def test_blocks_by_number_and_hash(raw: Any, dep: dict[str, Any]) -> None:
    latest = result(raw("eth_getBlockByNumber", "latest", False))
    assert latest["number"] == hex(dep["block_number"])
    for key in ("hash", "parentHash", "stateRoot", "transactionsRoot", "receiptsRoot", "logsBloom", "miner",
                "gasLimit", "gasUsed", "timestamp", "baseFeePerGas", "transactions", "size", "mixHash"):
        assert key in latest
    assert len(latest["logsBloom"]) == 514 and len(latest["transactions"]) == 1
    assert latest["transactions"][0].startswith("0x") and len(latest["transactions"][0]) == 66
    full = result(raw("eth_getBlockByHash", latest["hash"], True))
    assert full["hash"] == latest["hash"] and full["transactions"][0]["hash"] == latest["transactions"][0]
    parent = result(raw("eth_getBlockByNumber", hex(dep["block_number"] - 1), False))
    assert parent["hash"] == latest["parentHash"] and int(parent["timestamp"], 16) < int(latest["timestamp"], 16)
    assert result(raw("eth_getBlockByNumber", "earliest", False))["number"] == "0x0"
    assert result(raw("eth_getBlockByNumber", hex(10**6), False)) is None
    assert result(raw("eth_getBlockByHash", "0x" + "22" * 32, False)) is None


def swap_usdc_to_weth(rpc: Any, dep: dict[str, Any], contracts: Any, account: int = IDLE) -> dict[str, Any]:
    w = wallet_for(rpc, dep, account)
    usdc = contracts["USDC"]
    router = contracts["router_a"]
    w.transact(usdc, "mint(address,uint256)", w.address, 10_000 * 10**6, gas=200_000)
    w.transact(usdc, "approve", router.address, 2**256 - 1, gas=100_000)
    return w.transact(router, "swapExactTokensForTokens", 1_000 * 10**6, 0, [usdc.address, contracts["WETH"].address],
                      w.address, 2**63, gas=300_000)


def test_get_logs_filters_and_log_index(rpc: Any, raw: Any, dep: dict[str, Any], contracts: Any) -> None:
    rc = swap_usdc_to_weth(rpc, dep, contracts)
    logs = rc["logs"]
    # USDC Transfer + Approval (transferFrom), WETH Transfer, Sync, Swap: logIndex counts per block
    assert [log["logIndex"] for log in logs] == [hex(i) for i in range(5)]
    block = rc["blockNumber"]
    got = result(raw("eth_getLogs", {"fromBlock": block, "toBlock": block}))
    assert got == logs
    assert result(raw("eth_getLogs", {"blockHash": rc["blockHash"]})) == logs
    transfers = result(raw("eth_getLogs", {"fromBlock": block, "toBlock": "latest", "topics": [TRANSFER]}))
    assert len(transfers) == 2 and all(t["topics"][0] == TRANSFER for t in transfers)
    either = result(raw("eth_getLogs", {"fromBlock": block, "toBlock": block, "topics": [[TRANSFER, SYNC]]}))
    assert len(either) == 3
    usdc = contracts["USDC"].address
    only = result(raw("eth_getLogs", {"fromBlock": block, "toBlock": block, "address": usdc}))
    assert len(only) == 2 and {log["address"] for log in only} == {usdc}
    listed = result(raw("eth_getLogs", {"fromBlock": block, "toBlock": block, "address": [usdc, contracts["WETH"].address]}))
    assert len(listed) == 3
    sender_topic = "0x" + "00" * 12 + rc["from"][2:].lower()
    by_sender = result(raw("eth_getLogs", {"fromBlock": block, "toBlock": block, "topics": [TRANSFER, sender_topic]}))
    assert len(by_sender) == 1 and by_sender[0]["address"] == usdc
    assert result(raw("eth_getLogs", {"fromBlock": block, "toBlock": block, "topics": [None, None, None, None]})) == []
    # the whole chain, fast (own per-block cache)
    t = time.monotonic()
    everything = result(raw("eth_getLogs", {"fromBlock": "0x0", "toBlock": "latest"}))
    assert time.monotonic() - t < 3 and len(everything) > 200
    mint_topic = everything[0]["topics"][0]
    assert all(is_qty(log["logIndex"]) for log in everything)
    assert mint_topic.startswith("0x") and len(mint_topic) == 66
    assert error(raw("eth_getLogs", {"fromBlock": "0x5", "toBlock": "0x4"}))["code"] == -32602
    assert result(raw("eth_getLogs", {"fromBlock": hex(10**6), "toBlock": hex(10**6 + 5)})) == []  # beyond head
    assert error(raw("eth_getLogs", {"blockHash": rc["blockHash"], "fromBlock": "0x1"}))["code"] == -32602


# --------------------------------------------------------------------------- envelope


def test_batches_and_protocol_errors(devnet: Any) -> None:
    url = devnet.url
    batch = [
        {"jsonrpc": "2.0", "id": 1, "method": "eth_chainId"},
        {"jsonrpc": "2.0", "method": "eth_chainId"},  # notification: no response
        {"jsonrpc": "2.0", "id": "b", "method": "no_such_method"},
        {"jsonrpc": "2.0", "id": 3, "method": "eth_getBalance", "params": ["0xnothex", "latest"]},
        42,
    ]
    out = post(url, batch)
    assert out[0] == {"jsonrpc": "2.0", "id": 1, "result": "0x7a69"}
    assert out[1]["id"] == "b" and out[1]["error"]["code"] == -32601
    assert out[2]["id"] == 3 and out[2]["error"]["code"] == -32602
    assert out[3]["error"]["code"] == -32600 and len(out) == 4
    assert post(url, [])["error"]["code"] == -32600
    assert post(url, b"{not json")["error"]["code"] == -32700
    assert post(url, b"\xff\xfe\x00")["error"]["code"] == -32700
    assert post(url, {"jsonrpc": "1.0", "id": 1, "method": "eth_chainId"})["error"]["code"] == -32600
    assert post(url, {"jsonrpc": "2.0", "id": 1, "method": "eth_chainId", "params": {"a": 1}})["error"]["code"] == -32602
    assert post(url, {"jsonrpc": "2.0", "id": 1, "method": "eth_getBalance", "params": []})["error"]["code"] == -32602
    assert post(url, {"jsonrpc": "2.0", "id": 1, "method": "eth_getBlockByNumber", "params": [{"x": 1}]})["error"]["code"] == -32602
    assert post(url, {"jsonrpc": "2.0", "id": 1, "method": "eth_call", "params": ["x"]})["error"]["code"] == -32602
    assert post(url, [{"jsonrpc": "2.0", "method": "eth_chainId"}]) is None  # only notifications
    # py-evm raises the recursion limit to 100000: deep JSON must be refused, not overflow the C stack
    assert post(url, b"[" * 100_000)["error"]["code"] == -32700
    assert post(url, {"jsonrpc": "2.0", "id": 9, "method": "eth_chainId"})["result"] == "0x7a69"  # still alive


def test_deep_evm_recursion_does_not_crash(raw: Any) -> None:
    who = "0x" + "aa" * 20
    # CALL(gas, address(this), 0, 0, 0, 0, 0) forever: recurses until gas runs out (~hundreds deep)
    code = "0x5f5f5f5f5f305af100"
    assert result(raw("eth_call", {"to": who, "gas": hex(30_000_000)}, "latest", {who: {"code": code}})) == "0x"
    assert result(raw("eth_chainId")) == "0x7a69"


def test_keep_alive_and_loopback_only(devnet: Any) -> None:
    parts = urllib.parse.urlsplit(devnet.url)
    assert parts.hostname == "127.0.0.1"
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    for i in range(3):
        conn.request("POST", "/", b'{"jsonrpc":"2.0","id":%d,"method":"eth_chainId"}' % i, {"Content-Type": "application/json"})
        resp = conn.getresponse()
        assert resp.status == 200 and resp.getheader("Connection") != "close"
        assert b'"0x7a69"' in resp.read()
    conn.close()
    # bound to loopback only: /proc/net/tcp lists 127.0.0.1 (0100007F) for our port
    port_hex = f"{parts.port:04X}"
    with open("/proc/net/tcp") as f:
        listening = [line.split()[1] for line in f.readlines()[1:] if line.split()[3] == "0A"]
    assert f"0100007F:{port_hex}" in listening
    assert not any(l.endswith(":" + port_hex) and not l.startswith("0100007F") for l in listening)


# --------------------------------------------------------------------------- test methods


def test_snapshot_revert_restores_everything(rpc: Any, raw: Any, dep: dict[str, Any], contracts: Any) -> None:
    idle = dep["accounts"][IDLE]["address"]
    before = {
        "block": result(raw("eth_blockNumber")),
        "balance": result(raw("eth_getBalance", idle, "latest")),
        "nonce": result(raw("eth_getTransactionCount", idle, "latest")),
        "usdc": result(raw("eth_call", {"to": contracts["USDC"].address, "data": calldata(contracts["USDC"], "balanceOf", idle)})),
    }
    sid = result(raw("evm_snapshot"))
    assert is_qty(sid)
    rc = swap_usdc_to_weth(rpc, dep, contracts)
    result(raw("anvil_setBalance", idle, "0x1"))
    assert result(raw("eth_getBalance", idle, "latest")) == "0x1"
    assert result(raw("evm_revert", sid)) is True
    after = {
        "block": result(raw("eth_blockNumber")),
        "balance": result(raw("eth_getBalance", idle, "latest")),
        "nonce": result(raw("eth_getTransactionCount", idle, "latest")),
        "usdc": result(raw("eth_call", {"to": contracts["USDC"].address, "data": calldata(contracts["USDC"], "balanceOf", idle)})),
    }
    assert after == before
    assert result(raw("eth_getTransactionReceipt", rc["transactionHash"])) is None
    assert result(raw("eth_getLogs", {"fromBlock": rc["blockNumber"], "toBlock": "latest"})) == []
    assert result(raw("evm_revert", sid)) is False  # consumed, as on anvil
    # the chain continues normally after a revert
    rc2 = swap_usdc_to_weth(rpc, dep, contracts)
    assert rc2["status"] == "0x1"


def test_mine_and_time_travel(raw: Any) -> None:
    b0 = result(raw("eth_getBlockByNumber", "latest", False))
    assert result(raw("evm_mine")) == "0x0"
    b1 = result(raw("eth_getBlockByNumber", "latest", False))
    assert int(b1["number"], 16) == int(b0["number"], 16) + 1 and b1["transactions"] == []
    total = int(result(raw("evm_increaseTime", 3600)), 16)
    assert total >= 3600
    result(raw("evm_mine"))
    b2 = result(raw("eth_getBlockByNumber", "latest", False))
    assert int(b2["timestamp"], 16) >= int(b1["timestamp"], 16) + 3600
    target = int(b2["timestamp"], 16) + 100_000
    result(raw("evm_mine", hex(target)))
    assert result(raw("eth_getBlockByNumber", "latest", False))["timestamp"] == hex(target)
    result(raw("anvil_mine", "0x3"))
    assert int(result(raw("eth_blockNumber")), 16) == int(b2["number"], 16) + 4


@pytest.mark.parametrize("prefix", ["anvil_", "hardhat_"])
def test_anvil_and_hardhat_setters(raw: Any, prefix: str) -> None:
    who = to_checksum_address("0x" + ("ef" if prefix == "anvil_" else "fe") * 20)
    assert result(raw(prefix + "setBalance", who, "0xde0b6b3a7640000")) is True
    assert result(raw("eth_getBalance", who, "latest")) == "0xde0b6b3a7640000"
    assert result(raw(prefix + "setCode", who, "0x602a60005260206000f3")) is True
    assert result(raw("eth_getCode", who, "latest")) == "0x602a60005260206000f3"
    assert int(result(raw("eth_call", {"to": who, "data": "0x"}, "latest")), 16) == 42
    assert result(raw(prefix + "setStorageAt", who, "0x1", "0x" + "00" * 31 + "09")) is True
    assert result(raw("eth_getStorageAt", who, "0x1", "latest")) == "0x" + "00" * 31 + "09"
    assert result(raw(prefix + "setNonce", who, "0x7")) is True
    assert result(raw("eth_getTransactionCount", who, "latest")) == "0x7"
    # edits survive the next mined block
    result(raw("evm_mine"))
    assert result(raw("eth_getBalance", who, "latest")) == "0xde0b6b3a7640000"


def test_multicall3(raw: Any, dep: dict[str, Any], contracts: Any, rpc: Any) -> None:
    mc = contracts["multicall"]
    assert mc.function("aggregate3", 1).selector.hex() == "82ad56cb"
    weth, router = contracts["WETH"], contracts["router_a"]
    calls = [
        (weth.address, False, weth.calldata("decimals")),
        (mc.address, False, mc.calldata("getBlockNumber")),
        (router.address, True, router.calldata("getAmountsOut", 1, [weth.address])),  # reverts
        (mc.address, False, mc.calldata("getEthBalance", dep["accounts"][IDLE]["address"])),
    ]
    out = mc.call(rpc, "aggregate3", calls)
    assert out[0] == (True, (18).to_bytes(32, "big"))
    assert int.from_bytes(out[1][1], "big") == dep["block_number"]  # eth_call runs at the latest block
    assert out[2][0] is False and out[2][1][:4] == bytes.fromhex("08c379a0")
    assert int.from_bytes(out[3][1], "big") == 10_000 * 10**18
    with pytest.raises(RpcFailure) as exc:
        mc.call(rpc, "aggregate3", [(router.address, False, router.calldata("getAmountsOut", 1, [weth.address]))])
    assert exc.value.code == 3 and exc.value.message == "execution reverted: Multicall3: call failed"
    assert mc.call(rpc, "getChainId") == 31337
