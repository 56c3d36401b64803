# pragma version 0.4.3
"""
@title CometLiquidator strategy: Compound III absorb, buyCollateral, then sell the bought collateral
@notice Called by the executor with a flash-borrowed amount of the Comet's base asset. Absorbs the
        given underwater accounts (`absorb(self, accounts)`, batchable; may be empty to only buy),
        pulls the base asset with IExecutor.pay, approves the Comet for exactly `baseAmount`, buys
        collateral at the store-front discount with `buyCollateral(collateral, minAmount, baseAmount,
        self)`, resets the approval, sells all bought collateral along the route (core/Swaps) with the
        output sent to the executor, and returns the unused base asset to the executor.
        strategyData = abi.encode(address comet, address collateral, uint256 minAmount,
        uint256 baseAmount, address[] accounts, Hop[] hops); see contracts/README.md.
"""

import core.GasOptimized as go
import core.StrategyBase as base
import core.Swaps as swaps
import interfaces.IExecutor as IExecutor

initializes: base
initializes: swaps

exports: (base.owner, base.executor, base.setExecutor, base.transferOwnership, base.rescue)

interface IComet:
    def absorb(absorber: address, accounts: DynArray[address, MAX_ACCOUNTS]): nonpayable
    def buyCollateral(asset: address, minAmount: uint256, baseAmount: uint256, recipient: address): nonpayable
    def baseToken() -> address: view

# Bounds that keep the decoded data within IStrategy's Bytes[1600]: 6 head words + 5 accounts + 5 hops = 1536 B.
MAX_ACCOUNTS: constant(uint256) = 5
MAX_ROUTE_HOPS: constant(uint256) = 5


@deploy
def __init__():
    """@notice The deployer owns the strategy; call setExecutor(executor) next."""
    base.__init__()


@external
def execute(asset: address, amount: uint256, data: Bytes[1600]):
    """
    @notice Executor only: absorb `accounts`, buy `collateral` with `baseAmount` of the flash-borrowed
            base asset `asset`, sell it back to `asset` along the route and send everything to the executor.
    """
    base.only_executor()
    comet: address = empty(address)
    collateral: address = empty(address)
    min_amount: uint256 = 0
    base_amount: uint256 = 0
    accounts: DynArray[address, MAX_ACCOUNTS] = []
    hops: DynArray[swaps.Hop, MAX_ROUTE_HOPS] = []
    comet, collateral, min_amount, base_amount, accounts, hops = abi_decode(
        data, (address, address, uint256, uint256, DynArray[address, MAX_ACCOUNTS], DynArray[swaps.Hop, MAX_ROUTE_HOPS]))
    assert staticcall IComet(comet).baseToken() == asset, "CL: loan asset must be the Comet's base"
    assert base_amount > 0 and base_amount <= amount, "CL: base amount out of range"
    n: uint256 = len(hops)
    assert n > 0 and hops[0].tokenIn == collateral and hops[n - 1].tokenOut == asset, "CL: route must sell collateral for the base asset"
    assert hops[0].amountIn == 0, "CL: first hop must sell all collateral"

    if len(accounts) > 0:
        extcall IComet(comet).absorb(self, accounts)
    extcall IExecutor(msg.sender).pay(asset, self, amount)
    go.safe_approve(asset, comet, base_amount)
    extcall IComet(comet).buyCollateral(collateral, min_amount, base_amount, self)
    go.safe_approve(asset, comet, 0)

    swaps.run(hops, msg.sender, empty(address), 0)
    unused: uint256 = go.balance_of(asset, self)
    if unused > 0:
        go.safe_transfer(asset, msg.sender, unused)


@external
def uniswapV3SwapCallback(amount0Delta: int256, amount1Delta: int256, data: Bytes[32]):
    """@notice Uniswap V3 swap callback: pays only the pool this contract is calling right now, once."""
    swaps.v3_callback(amount0Delta, amount1Delta)
