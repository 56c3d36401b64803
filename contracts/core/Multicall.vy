# pragma version 0.4.3
"""
@title Multicall: Multicall3-compatible batching (aggregate3, selector 0x82ad56cb)
@notice Same ABI and semantics as Multicall3's aggregate3 / aggregate3Value and its block getters,
        so existing Multicall3 clients work unchanged. Vyper needs static bounds: at most 64 calls
        per batch, 2048 bytes of calldata per call, return data truncated to 1024 bytes per call.
        Inside a call msg.sender is this contract: use it for reads and sender-agnostic calls only.
"""

MAX_CALLS: constant(uint256) = 64
MAX_CALLDATA: constant(uint256) = 2048
MAX_RETURN: constant(uint256) = 1024


struct Call3:
    target: address
    allowFailure: bool
    callData: Bytes[MAX_CALLDATA]


struct Call3Value:
    target: address
    allowFailure: bool
    value: uint256
    callData: Bytes[MAX_CALLDATA]


struct Result:
    success: bool
    returnData: Bytes[MAX_RETURN]


@external
@payable
def aggregate3(calls: DynArray[Call3, MAX_CALLS]) -> DynArray[Result, MAX_CALLS]:
    """
    @notice Call each target in order; a failed call reverts the whole batch with
            "Multicall3: call failed" unless its allowFailure is set.
    @return One (success, returnData) per call; a failed call's returnData is its revert data.
    """
    results: DynArray[Result, MAX_CALLS] = []
    for c: Call3 in calls:
        ok: bool = False
        ret: Bytes[MAX_RETURN] = b""
        ok, ret = raw_call(c.target, c.callData, max_outsize=MAX_RETURN, revert_on_failure=False)
        assert ok or c.allowFailure, "Multicall3: call failed"
        results.append(Result(success=ok, returnData=ret))
    return results


@external
@payable
def aggregate3Value(calls: DynArray[Call3Value, MAX_CALLS]) -> DynArray[Result, MAX_CALLS]:
    """
    @notice aggregate3 with a value per call (0x174dea71); msg.value must equal the sum of values
            ("Multicall3: value mismatch").
    """
    results: DynArray[Result, MAX_CALLS] = []
    total: uint256 = 0
    for c: Call3Value in calls:
        total += c.value
        ok: bool = False
        ret: Bytes[MAX_RETURN] = b""
        ok, ret = raw_call(c.target, c.callData, max_outsize=MAX_RETURN, value=c.value, revert_on_failure=False)
        assert ok or c.allowFailure, "Multicall3: call failed"
        results.append(Result(success=ok, returnData=ret))
    assert msg.value == total, "Multicall3: value mismatch"
    return results


@view
@external
def getBlockNumber() -> uint256:
    """@notice The current block number."""
    return block.number


@view
@external
def getEthBalance(addr: address) -> uint256:
    """@notice `addr`'s ETH balance in wei."""
    return addr.balance


@view
@external
def getBasefee() -> uint256:
    """@notice The current block's base fee."""
    return block.basefee


@view
@external
def getChainId() -> uint256:
    """@notice The chain id."""
    return chain.id


@view
@external
def getCurrentBlockTimestamp() -> uint256:
    """@notice The current block's timestamp."""
    return block.timestamp


@view
@external
def getBlockHash(blockNumber: uint256) -> bytes32:
    """@notice blockhash(blockNumber) (zero outside the last 256 blocks)."""
    return blockhash(blockNumber)
