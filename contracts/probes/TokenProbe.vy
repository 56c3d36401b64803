# pragma version 0.4.3
"""
@title TokenProbe
@notice Never deployed: `defi` runs this runtime code through eth_call with a geth state override that puts it
        at the address of an account holding the token (a pool or pair), so `self` is the holder. `probe` makes
        the holder transfer `amount` to `to` and reports the balances before and after on both sides, so the
        caller sees exactly what left the sender and what arrived. Nothing persists: it is a call, not a tx.
@dev    No storage variables: the overridden account keeps its own storage, which this code never touches.
        The transfer uses raw_call so tokens that return nothing (USDT-style) and tokens that revert or return
        false are all reported rather than aborting the probe.
"""

interface IBalance:
    def balanceOf(owner: address) -> uint256: view


@external
def probe(token: address, to: address, amount: uint256) -> (bool, uint256, uint256, uint256, uint256):
    """
    @notice (transferred, senderBefore, senderAfter, recipientBefore, recipientAfter). `transferred` is false
            when the token's transfer reverted or returned false; the balances are then the unchanged ones.
    """
    sender_before: uint256 = staticcall IBalance(token).balanceOf(self)
    to_before: uint256 = staticcall IBalance(token).balanceOf(to)
    ok: bool = False
    response: Bytes[32] = b""
    ok, response = raw_call(
        token,
        abi_encode(to, amount, method_id=method_id("transfer(address,uint256)")),
        max_outsize=32,
        revert_on_failure=False,
    )
    if ok and len(response) > 0:
        ok = convert(response, uint256) != 0
    sender_after: uint256 = staticcall IBalance(token).balanceOf(self)
    to_after: uint256 = staticcall IBalance(token).balanceOf(to)
    return ok, sender_before, sender_after, to_before, to_after


@view
@external
def balances(token: address, owners: DynArray[address, 8]) -> DynArray[uint256, 8]:
    """
    @notice balanceOf for each owner, in one call (the rebasing check reads them at two timestamps).
    """
    out: DynArray[uint256, 8] = []
    for o: address in owners:
        out.append(staticcall IBalance(token).balanceOf(o))
    return out
