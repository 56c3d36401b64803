# pragma version 0.4.3
"""Test-only: measures contracts/core/GasOptimized against plain interface calls (compile with -p contracts)."""
from ethereum.ercs import IERC20
import core.GasOptimized as go

@external
def measure(token: address, to: address, amount: uint256, standard: bool) -> uint256[4]:
    """Warm costs: [safe_transfer, plain transfer (standard tokens only, else 0), balance_of (warm), safe_approve]"""
    out: uint256[4] = empty(uint256[4])
    go.safe_transfer(token, to, amount)   # warm-up: token account and both balance slots warm
    g: uint256 = msg.gas
    go.safe_transfer(token, to, amount)
    out[0] = g - msg.gas
    if standard:
        g = msg.gas
        extcall IERC20(token).transfer(to, amount)
        out[1] = g - msg.gas
    g = msg.gas
    b: uint256 = go.balance_of(token, self)
    out[2] = g - msg.gas
    g = msg.gas
    go.safe_approve(token, to, amount)
    out[3] = g - msg.gas
    return out

@external
def safe_transfer(token: address, to: address, amount: uint256):
    go.safe_transfer(token, to, amount)
