# pragma version 0.4.3
"""
@title aggregate3 lens for deployless Multicall
@notice The defi Chain layer injects this runtime through an eth_call state override on nodes
        without Multicall3 (Multicall.Mode.deployless). Same ABI as Multicall3 aggregate3
        (0x82ad56cb); Vyper needs static bounds: at most 64 calls, 2048 calldata bytes per call,
        return data truncated to 1024 bytes per call. Rebuild: scripts/lens/build.sh
"""

struct Call3:
    target: address
    allowFailure: bool
    callData: Bytes[2048]


struct Result:
    success: bool
    returnData: Bytes[1024]


@external
@payable
def aggregate3(calls: DynArray[Call3, 64]) -> DynArray[Result, 64]:
    results: DynArray[Result, 64] = []
    for c: Call3 in calls:
        ok: bool = False
        data: Bytes[1024] = b""
        ok, data = raw_call(c.target, c.callData, max_outsize=1024, revert_on_failure=False)
        assert ok or c.allowFailure, "Multicall3: call failed"
        results.append(Result(success=ok, returnData=data))
    return results
