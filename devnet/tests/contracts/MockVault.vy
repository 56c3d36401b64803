# pragma version 0.4.3
"""Test-only Balancer-V2-Vault-shaped flash lender (receiveFlashLoan, push repayment, fee 0)."""
from ethereum.ercs import IERC20

interface Recipient:
    def receiveFlashLoan(tokens: DynArray[address, 4], amounts: DynArray[uint256, 4], feeAmounts: DynArray[uint256, 4], userData: Bytes[2048]): nonpayable

@external
def flashLoan(recipient: address, tokens: DynArray[address, 4], amounts: DynArray[uint256, 4], userData: Bytes[2048]):
    before: uint256 = staticcall IERC20(tokens[0]).balanceOf(self)
    assert extcall IERC20(tokens[0]).transfer(recipient, amounts[0], default_return_value=True)
    extcall Recipient(recipient).receiveFlashLoan(tokens, amounts, [0], userData)
    assert staticcall IERC20(tokens[0]).balanceOf(self) >= before, "BAL#515"
