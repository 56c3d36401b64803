# pragma version 0.4.3
"""
@title Liquidator strategy: Aave V3 liquidationCall, then sell the seized collateral
@notice Called by the executor; pulls the flash-borrowed debt asset with IExecutor.pay, approves the
        Aave Pool for exactly `amount`, liquidates, resets the approval if some was unused, sells
        all seized collateral along the route (core/Swaps) with the output sent to the executor,
        and returns any unused debt asset to the executor.
        strategyData = abi.encode(address aavePool, address collateral, address user,
        uint256 debtToCover, Hop[] hops); see contracts/README.md.
"""

import core.GasOptimized as go
import core.StrategyBase as base
import core.Swaps as swaps
import interfaces.IAavePool as IAavePool
import interfaces.IExecutor as IExecutor

initializes: base
initializes: swaps

exports: (base.owner, base.executor, base.setExecutor, base.transferOwnership, base.rescue)


@deploy
def __init__():
    """@notice The deployer owns the strategy; call setExecutor(executor) next."""
    base.__init__()


@external
def execute(asset: address, amount: uint256, data: Bytes[1600]):
    """
    @notice Executor only: liquidate with `amount` of debt asset `asset`, sell the collateral back
            to `asset` along the route, and send everything to the executor.
    """
    base.only_executor()
    pool: address = empty(address)
    collateral: address = empty(address)
    user: address = empty(address)
    debt_to_cover: uint256 = 0
    hops: DynArray[swaps.Hop, swaps.MAX_HOPS] = []
    pool, collateral, user, debt_to_cover, hops = abi_decode(data, (address, address, address, uint256, DynArray[swaps.Hop, swaps.MAX_HOPS]))
    n: uint256 = len(hops)
    assert n > 0 and hops[0].tokenIn == collateral and hops[n - 1].tokenOut == asset, "LQ: route must sell collateral for the debt asset"
    assert hops[0].amountIn == 0, "LQ: first hop must sell all collateral"

    extcall IExecutor(msg.sender).pay(asset, self, amount)
    go.safe_approve(asset, pool, amount)
    extcall IAavePool(pool).liquidationCall(collateral, asset, user, debt_to_cover, False)
    unused: uint256 = go.balance_of(asset, self)
    if unused > 0:
        go.safe_approve(asset, pool, 0)

    swaps.run(hops, msg.sender, empty(address), 0)
    if unused > 0:
        go.safe_transfer(asset, msg.sender, unused)


@external
def uniswapV3SwapCallback(amount0Delta: int256, amount1Delta: int256, data: Bytes[32]):
    """@notice Uniswap V3 swap callback: pays only the pool this contract is calling right now, once."""
    swaps.v3_callback(amount0Delta, amount1Delta)
