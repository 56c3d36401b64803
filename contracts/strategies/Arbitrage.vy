# pragma version 0.4.3
"""
@title Arbitrage strategy: a multi-hop route executed directly on the pools
@notice Called by the executor, which keeps the loan and pays the first hop's pool directly
        (IExecutor.pay) when the strategy asks. Runs the hops of
        core/Swaps (V2 pair.swap, V3 pool.swap, Curve exchange, Balancer Vault.swap) and sends
        the final output straight to the executor, which repays the lender and checks profit.
        strategyData = abi.encode(Hop[] hops) with Hop = (uint8 kind, address pool, address tokenIn,
        address tokenOut, uint256 amountIn, uint256 minOut, uint256 extra); see contracts/README.md.
"""

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
    @notice Executor only: swap `amount` of `asset` (held by the executor, paid out on request
            to the first pool) along the route in `data`; the proceeds go to the executor. A first
            hop amountIn below `amount` simply leaves the rest in the executor.
    """
    base.only_executor()
    hops: DynArray[swaps.Hop, swaps.MAX_HOPS] = abi_decode(data, DynArray[swaps.Hop, swaps.MAX_HOPS])
    assert len(hops) > 0 and hops[0].tokenIn == asset, "AR: route must start with the loan asset"
    assert hops[0].amountIn <= amount, "AR: first hop exceeds the loan"
    swaps.run(hops, msg.sender, msg.sender, amount)


@external
def uniswapV3SwapCallback(amount0Delta: int256, amount1Delta: int256, data: Bytes[32]):
    """@notice Uniswap V3 swap callback: pays only the pool this contract is calling right now, once."""
    swaps.v3_callback(amount0Delta, amount1Delta)
