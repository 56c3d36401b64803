# pragma version 0.4.3
"""Test-only ERC-3156 lender with switchable misbehaviour.
   mode 0 honest; 1 calls back twice; 2 never calls back (and lets the borrower keep the loan); 3 reports another amount; 4 lies about initiator."""
from ethereum.ercs import IERC20

interface Borrower:
    def onFlashLoan(initiator: address, token: address, amount: uint256, fee: uint256, data: Bytes[2048]) -> bytes32: nonpayable

mode: public(uint256)
FEE_BPS: constant(uint256) = 9

@external
def setMode(m: uint256):
    self.mode = m

@view
@external
def flashFee(token: address, amount: uint256) -> uint256:
    return amount * FEE_BPS // 10000

@external
def flashLoan(receiver: address, token: address, amount: uint256, data: Bytes[2048]) -> bool:
    fee: uint256 = amount * FEE_BPS // 10000
    assert extcall IERC20(token).transfer(receiver, amount, default_return_value=True)
    m: uint256 = self.mode
    if m != 2:
        reported: uint256 = amount
        if m == 3:
            reported = amount + 1
        initiator: address = msg.sender
        if m == 4:
            initiator = self
        r: bytes32 = extcall Borrower(receiver).onFlashLoan(initiator, token, reported, fee, data)
        assert r == keccak256("ERC3156FlashBorrower.onFlashLoan"), "lender: bad return"
        if m == 1:
            extcall Borrower(receiver).onFlashLoan(initiator, token, reported, fee, data)
        assert extcall IERC20(token).transferFrom(receiver, self, amount + fee, default_return_value=True)
    return True
