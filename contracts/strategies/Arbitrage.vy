# pragma version 0.4.3
"""
@title Arbitrage strategy: a multi-hop route executed directly on the pools
@notice Called by the executor with the borrowed funds already here. Runs the hops of
        core/Swaps (V2 pair.swap, V3 pool.swap, Curve exchange, Balancer Vault.swap) and sends
        the final output straight to the executor, which repays the lender and checks profit.
        strategyData = abi.encode(Hop[] hops) with Hop = (uint8 kind, address pool, address tokenIn,
        address tokenOut, uint256 amountIn, uint256 minOut, uint256 extra); see contracts/README.md.
"""

import core.GasOptimized as go
import core.StrategyBase as base
import core.Swaps as swaps

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
    @notice Executor only: swap `amount` of `asset` (already transferred here) along the route in
            `data`; the proceeds go to the executor. Any unspent `asset` (first hop amountIn below
            `amount`) is returned to the executor too.
    """
    base.only_executor()
    hops: DynArray[swaps.Hop, swaps.MAX_HOPS] = abi_decode(data, DynArray[swaps.Hop, swaps.MAX_HOPS])
    assert len(hops) > 0 and hops[0].tokenIn == asset, "AR: route must start with the loan asset"
    swaps.run(hops, msg.sender)
    if hops[0].amountIn != 0:
        left: uint256 = go.balance_of(asset, self)
        if left > 0:
            go.safe_transfer(asset, msg.sender, left)


@external
def uniswapV3SwapCallback(amount0Delta: int256, amount1Delta: int256, data: Bytes[32]):
    """@notice Uniswap V3 swap callback: pays only the pool this contract is calling right now, once."""
    swaps.v3_callback(amount0Delta, amount1Delta)
