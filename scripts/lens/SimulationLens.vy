# pragma version 0.4.3
# @title SimulationLens: runs one call as the sender and records balances before and after it.
# @notice Never deployed. `defi simulate` installs this runtime code at the transaction's sender with an eth_call
#         state override and calls `probe` from that same address, so the inner CALL has the real `from` as
#         msg.sender (the executor's owner check passes) and the real calldata and value. Everything happens in
#         one eth_call at one pinned block, so the before/after balances are exact for that block.

interface ERC20:
    def balanceOf(holder: address) -> uint256: view

MAX_DATA: constant(uint256) = 16384
MAX_TOKENS: constant(uint256) = 16
MAX_HOLDERS: constant(uint256) = 4
MAX_READS: constant(uint256) = 64


@internal
@view
def _balances(tokens: DynArray[address, MAX_TOKENS], holders: DynArray[address, MAX_HOLDERS]) -> DynArray[uint256, MAX_READS]:
    out: DynArray[uint256, MAX_READS] = []
    for h: address in holders:
        for t: address in tokens:
            if t == empty(address):
                out.append(h.balance)
            else:
                out.append(staticcall ERC20(t).balanceOf(h))
    return out


@external
@payable
def probe(
    target: address,
    data: Bytes[MAX_DATA],
    tokens: DynArray[address, MAX_TOKENS],
    holders: DynArray[address, MAX_HOLDERS],
) -> (bool, Bytes[MAX_DATA], DynArray[uint256, MAX_READS], DynArray[uint256, MAX_READS], uint256):
    """
    @notice Calls `target` with `data` and msg.value; returns (success, return-or-revert data, balances before,
            balances after, gas the inner call consumed). Balances are holder-major: for each holder, each token
            (address 0 = the native balance).
    """
    before: DynArray[uint256, MAX_READS] = self._balances(tokens, holders)
    gas_start: uint256 = msg.gas
    ok: bool = False
    result: Bytes[MAX_DATA] = b""
    ok, result = raw_call(target, data, max_outsize=MAX_DATA, value=msg.value, revert_on_failure=False)
    used: uint256 = gas_start - msg.gas
    after: DynArray[uint256, MAX_READS] = self._balances(tokens, holders)
    return ok, result, before, after, used


@external
@payable
def __default__():
    pass
