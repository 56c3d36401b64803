# pragma version 0.4.3
"""Test-only attacker: forwards arbitrary calldata from a contract address (a fake pool/lender),
   bubbling the callee's revert data."""

@external
def poke(target: address, data: Bytes[4096]):
    raw_call(target, data)
