# pragma version 0.4.3
"""Test-only USDT-style token: transfer/transferFrom/approve return nothing; approve needs 0 first."""

balanceOf: public(HashMap[address, uint256])
allowance: public(HashMap[address, HashMap[address, uint256]])

@external
def mint(to: address, amount: uint256):
    self.balanceOf[to] += amount

@external
def transfer(to: address, amount: uint256):
    self.balanceOf[msg.sender] -= amount
    self.balanceOf[to] += amount

@external
def transferFrom(owner: address, to: address, amount: uint256):
    self.allowance[owner][msg.sender] -= amount
    self.balanceOf[owner] -= amount
    self.balanceOf[to] += amount

@external
def approve(spender: address, amount: uint256):
    assert amount == 0 or self.allowance[msg.sender][spender] == 0, "USDT: approve from 0"
    self.allowance[msg.sender][spender] = amount
