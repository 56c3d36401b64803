# pragma version 0.4.3
"""
@title Shared flash-loan callback authentication (module, transient storage only)
@notice The executor arms this right before it calls a lender and checks it at the top of
        every callback: a flash operation must be in flight, msg.sender must be the lender the
        executor called, the callback kind must match the source it used, the data handed back
        must hash to what the executor sent, and each arming admits exactly one callback
        (it is consumed on entry, so a lender or pool cannot call back twice or re-enter).
        Everything lives in transient storage (EIP-1153): nothing survives the transaction.
"""

expected_lender: transient(address)
expected_kind: transient(uint8)
data_hash: transient(bytes32)
callback_done: transient(bool)


@internal
def arm(lender: address, kind: uint8, data_hash: bytes32):
    """@dev Record the lender about to be called; a second arming in one flight is refused."""
    assert self.expected_lender == empty(address), "FR: flash in flight"
    self.expected_lender = lender
    self.expected_kind = kind
    self.data_hash = data_hash
    self.callback_done = False


@internal
def consume(kind: uint8, data_hash: bytes32):
    """@dev Authenticate a callback: in flight, from the armed lender, right kind, same data; once."""
    lender: address = self.expected_lender
    assert lender != empty(address), "FR: no flash in flight"
    assert msg.sender == lender, "FR: caller is not the lender"
    assert self.expected_kind == kind, "FR: wrong callback kind"
    assert not self.callback_done, "FR: callback already ran"
    assert self.data_hash == data_hash, "FR: data mismatch"
    self.callback_done = True


@internal
def disarm():
    """@dev After the lender returns: the callback must have run; then clear everything."""
    assert self.callback_done, "FR: callback did not run"
    self.expected_lender = empty(address)
    self.expected_kind = 0
    self.data_hash = empty(bytes32)
    self.callback_done = False
