# pragma version 0.4.3
"""Test-only fixed-rate venue with a Curve-shaped exchange (int128 and uint256 indices) and a
   Balancer-Vault-shaped swap; both pull the input with transferFrom like the real ones.
   out = in * num[i] // den[i] where i is the input coin's index."""
from ethereum.ercs import IERC20

struct SingleSwap:
    poolId: bytes32
    kind: uint8
    assetIn: address
    assetOut: address
    amount: uint256
    userData: Bytes[64]

struct FundManagement:
    sender: address
    fromInternalBalance: bool
    recipient: address
    toInternalBalance: bool

coins: public(address[2])
num: uint256[2]
den: uint256[2]

@deploy
def __init__(c0: address, c1: address, num0: uint256, den0: uint256, num1: uint256, den1: uint256):
    self.coins = [c0, c1]
    self.num = [num0, num1]
    self.den = [den0, den1]

@internal
def _trade(i: uint256, dx: uint256, payer: address, to: address) -> uint256:
    assert extcall IERC20(self.coins[i]).transferFrom(payer, self, dx, default_return_value=True)
    dy: uint256 = dx * self.num[i] // self.den[i]
    assert extcall IERC20(self.coins[1 - i]).transfer(to, dy, default_return_value=True)
    return dy

@external
def exchange(i: int128, j: int128, dx: uint256, min_dy: uint256):
    """Classic StableSwap shape (3pool returns nothing)."""
    assert self._trade(convert(i, uint256), dx, msg.sender, msg.sender) >= min_dy, "curve: slippage"

@external
def swap(single: SingleSwap, funds: FundManagement, limit: uint256, deadline: uint256) -> uint256:
    assert single.kind == 0 and deadline >= block.timestamp
    i: uint256 = 0 if single.assetIn == self.coins[0] else 1
    assert self.coins[i] == single.assetIn and self.coins[1 - i] == single.assetOut, "BAL#521"
    out: uint256 = self._trade(i, single.amount, funds.sender, funds.recipient)
    assert out >= limit, "BAL#507"
    return out
