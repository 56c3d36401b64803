# pragma version 0.4.3
"""
@title Multicall3-compatible batcher for the defi devnet
@notice Same selectors and semantics as Multicall3 (mds1/multicall) for aggregate3,
        getBlockNumber, getEthBalance, getBasefee, getChainId and getCurrentBlockTimestamp.
        Vyper needs static bounds: at most 64 calls per batch, 2048 bytes of calldata per
        call, and each call's return data is truncated to 1024 bytes.
"""

MAX_CALLS: constant(uint256) = 64
MAX_CALLDATA: constant(uint256) = 2048
MAX_RETURN: constant(uint256) = 1024


struct Call3:
    target: address
    allowFailure: bool
    callData: Bytes[MAX_CALLDATA]


struct Result:
    success: bool
    returnData: Bytes[MAX_RETURN]


@external
@payable
def aggregate3(calls: DynArray[Call3, MAX_CALLS]) -> DynArray[Result, MAX_CALLS]:
    """
    @notice Call each target in order; a failed call reverts the batch unless allowFailure.
    @return One (success, returnData) per call; returnData of a failed call is its revert data.
    """
    results: DynArray[Result, MAX_CALLS] = []
    for c: Call3 in calls:
        success: bool = False
        data: Bytes[MAX_RETURN] = b""
        success, data = raw_call(c.target, c.callData, max_outsize=MAX_RETURN, revert_on_failure=False)
        assert success or c.allowFailure, "Multicall3: call failed"
        results.append(Result(success=success, returnData=data))
    return results


@external
@view
def getBlockNumber() -> uint256:
    return block.number


@external
@view
def getEthBalance(addr: address) -> uint256:
    return addr.balance


@external
@view
def getBasefee() -> uint256:
    return block.basefee


@external
@view
def getChainId() -> uint256:
    return chain.id


@external
@view
def getCurrentBlockTimestamp() -> uint256:
    return block.timestamp
