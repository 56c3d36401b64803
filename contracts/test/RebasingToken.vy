# pragma version 0.4.3
"""
@title RebasingToken (test only)
@notice An elastic-supply ERC-20 like interest-bearing tokens: holdings are shares, and balanceOf(owner) =
        shares * index / 1e18 where the index grows by `rate_per_second` (1e18 scale) every second since
        deployment. Balances change with time alone, which TokenProbe's rebasing check detects. Anyone may mint.
"""

event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    value: uint256

WAD: constant(uint256) = 10**18

name: public(String[32])
symbol: public(String[8])
decimals: public(uint8)
shares: public(HashMap[address, uint256])
allowance: public(HashMap[address, HashMap[address, uint256]])
total_shares: public(uint256)
start: public(immutable(uint256))
rate_per_second: public(immutable(uint256))


@deploy
def __init__(rate: uint256):
    start = block.timestamp
    rate_per_second = rate
    self.name = "Rebase Token"
    self.symbol = "REB"
    self.decimals = 18


@internal
@view
def _index() -> uint256:
    return WAD + rate_per_second * (block.timestamp - start)


@external
@view
def balanceOf(owner: address) -> uint256:
    return self.shares[owner] * self._index() // WAD


@external
@view
def totalSupply() -> uint256:
    return self.total_shares * self._index() // WAD


@internal
def _move(sender: address, receiver: address, amount: uint256):
    s: uint256 = amount * WAD // self._index()
    self.shares[sender] -= s
    self.shares[receiver] += s
    log Transfer(sender=sender, receiver=receiver, value=amount)


@external
def transfer(receiver: address, amount: uint256) -> bool:
    self._move(msg.sender, receiver, amount)
    return True


@external
def transferFrom(sender: address, receiver: address, amount: uint256) -> bool:
    self.allowance[sender][msg.sender] -= amount
    self._move(sender, receiver, amount)
    return True


@external
def approve(spender: address, amount: uint256) -> bool:
    self.allowance[msg.sender][spender] = amount
    return True


@external
def mint(receiver: address, amount: uint256):
    s: uint256 = amount * WAD // self._index()
    self.shares[receiver] += s
    self.total_shares += s
    log Transfer(sender=empty(address), receiver=receiver, value=amount)
