# pragma version 0.4.3
"""
@title FeeOnTransferToken (test only)
@notice An ERC-20 that burns `fee_bps` / 10000 of every transfer (rounded down), like the fee-on-transfer tokens
        `defi`'s TokenProbe must detect. Anyone may mint: it exists only on the devnet during tests.
"""

event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    value: uint256

event Approval:
    owner: indexed(address)
    spender: indexed(address)
    value: uint256

name: public(String[32])
symbol: public(String[8])
decimals: public(uint8)
totalSupply: public(uint256)
balanceOf: public(HashMap[address, uint256])
allowance: public(HashMap[address, HashMap[address, uint256]])
fee_bps: public(immutable(uint256))


@deploy
def __init__(bps: uint256):
    assert bps <= 10000
    fee_bps = bps
    self.name = "Fee Token"
    self.symbol = "FEE"
    self.decimals = 18


@internal
def _move(sender: address, receiver: address, amount: uint256):
    fee: uint256 = amount * fee_bps // 10000
    self.balanceOf[sender] -= amount
    self.balanceOf[receiver] += amount - fee
    self.totalSupply -= fee
    log Transfer(sender=sender, receiver=receiver, value=amount - fee)


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
    log Approval(owner=msg.sender, spender=spender, value=amount)
    return True


@external
def mint(receiver: address, amount: uint256):
    self.balanceOf[receiver] += amount
    self.totalSupply += amount
    log Transfer(sender=empty(address), receiver=receiver, value=amount)
