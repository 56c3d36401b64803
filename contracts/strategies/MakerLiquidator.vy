# pragma version 0.4.3
"""
@title MakerLiquidator strategy: take a Maker (LIQ 2.0) Clipper auction, then sell the collateral
@notice Called by the executor with flash-borrowed DAI: pulls it with IExecutor.pay, DaiJoin.join(self, amount)
        (the flash amount is owe rounded up to a wad), vat.hope(clipper), clipper.take(id, amt, max, self, ""),
        GemJoin.exit(self, all internal gem), sells all of it along the route (core/Swaps) with the output sent
        to the executor, DaiJoin.exit's any leftover whole DAI and returns every unused DAI to the executor.
        strategyData = abi.encode(address clipper, address daiJoin, address gemJoin, uint256 id, uint256 amt,
        uint256 max, Hop[] hops); see contracts/README.md.
"""

import core.GasOptimized as go
import core.StrategyBase as base
import core.Swaps as swaps
import interfaces.IExecutor as IExecutor

interface IClipper:
    def vat() -> address: view
    def ilk() -> bytes32: view
    def take(id: uint256, amt: uint256, max_: uint256, who: address, data: Bytes[32]): nonpayable

interface IVat:
    def hope(usr: address): nonpayable
    def gem(ilk: bytes32, usr: address) -> uint256: view
    def dai(usr: address) -> uint256: view

interface IJoin:
    def join(usr: address, wad: uint256): nonpayable
    def exit(usr: address, wad: uint256): nonpayable
    def gem() -> address: view

RAY: constant(uint256) = 10**27

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
    @notice Executor only: take auction `id` paying with `amount` of DAI `asset`, sell the collateral back to
            `asset` along the route, and send everything to the executor.
    """
    base.only_executor()
    clipper: address = empty(address)
    dai_join: address = empty(address)
    gem_join: address = empty(address)
    id: uint256 = 0
    amt: uint256 = 0
    top: uint256 = 0
    hops: DynArray[swaps.Hop, swaps.MAX_HOPS] = []
    clipper, dai_join, gem_join, id, amt, top, hops = abi_decode(data, (address, address, address, uint256, uint256, uint256, DynArray[swaps.Hop, swaps.MAX_HOPS]))
    gem: address = staticcall IJoin(gem_join).gem()
    n: uint256 = len(hops)
    assert n > 0 and hops[0].tokenIn == gem and hops[n - 1].tokenOut == asset, "MLQ: route must sell collateral for DAI"
    assert hops[0].amountIn == 0, "MLQ: first hop must sell all collateral"
    vat: address = staticcall IClipper(clipper).vat()
    ilk: bytes32 = staticcall IClipper(clipper).ilk()

    extcall IExecutor(msg.sender).pay(asset, self, amount)
    go.safe_approve(asset, dai_join, amount)
    extcall IJoin(dai_join).join(self, amount)
    extcall IVat(vat).hope(clipper)
    extcall IClipper(clipper).take(id, amt, top, self, b"")
    extcall IJoin(gem_join).exit(self, staticcall IVat(vat).gem(ilk, self))
    whole: uint256 = staticcall IVat(vat).dai(self) // RAY
    if whole > 0:
        extcall IVat(vat).hope(dai_join)
        extcall IJoin(dai_join).exit(self, whole)

    swaps.run(hops, msg.sender, empty(address), 0)
    unused: uint256 = go.balance_of(asset, self)
    if unused > 0:
        go.safe_transfer(asset, msg.sender, unused)


@external
def uniswapV3SwapCallback(amount0Delta: int256, amount1Delta: int256, data: Bytes[32]):
    """@notice Uniswap V3 swap callback: pays only the pool this contract is calling right now, once."""
    swaps.v3_callback(amount0Delta, amount1Delta)
