# pragma version 0.4.3
"""
@title Owner / executor bookkeeping shared by the strategy contracts (module)
@notice The deployer owns the strategy and points it at the executor (setExecutor); only that
        executor may call execute(). Strategies hold funds only inside one execute() call;
        rescue() lets the owner recover anything sent to them by mistake.
"""

import core.GasOptimized as go

event ExecutorSet:
    executor: indexed(address)

event OwnershipTransferred:
    previousOwner: indexed(address)
    newOwner: indexed(address)

owner: public(address)
executor: public(address)


@deploy
def __init__():
    self.owner = msg.sender
    log OwnershipTransferred(previousOwner=empty(address), newOwner=msg.sender)


@internal
def only_executor():
    assert msg.sender == self.executor and msg.sender != empty(address), "ST: not executor"


@internal
def only_owner():
    assert msg.sender == self.owner, "ST: not owner"


@external
def setExecutor(executor: address):
    """@notice Owner only: the executor (strategies/FlashLoans) allowed to call execute()."""
    self.only_owner()
    self.executor = executor
    log ExecutorSet(executor=executor)


@external
def transferOwnership(new_owner: address):
    """@notice Owner only: hand the strategy to `new_owner`."""
    self.only_owner()
    assert new_owner != empty(address), "ST: zero owner"
    log OwnershipTransferred(previousOwner=self.owner, newOwner=new_owner)
    self.owner = new_owner


@external
def rescue(token: address, to: address, amount: uint256):
    """@notice Owner only: recover ERC-20 `token` sent here by mistake."""
    self.only_owner()
    go.safe_transfer(token, to, amount)
