# pragma version 0.4.3
"""
@title Multi-hop swap engine shared by strategies/Arbitrage and strategies/Liquidator (module)
@notice Swaps directly on the venues, never through routers:
        V2   transfer-in then pair.swap with the output computed on-chain from getReserves;
        V3   pool.swap, paying in uniswapV3SwapCallback (only the pool being called, once);
        Curve exchange (int128 or uint256 indices) with an exact approve reset to 0;
        Balancer Vault.swap (GIVEN_IN) with an exact approve reset to 0.
        Each hop's output goes straight to where it is needed next: the next V2 pair when
        that hop chains (amountIn == 0), the final recipient on the last hop, else this contract.
        The first hop's input can be paid by a funder (the executor, IExecutor.pay) straight to
        the pair / V3 pool, so the loan never makes an extra stop in the strategy.
        Every hop checks amountOut >= minOut ("SW: min out").
"""

from ethereum.ercs import IERC20
import core.GasOptimized as go
import interfaces.IUniswapV2Pair as IUniswapV2Pair
import interfaces.IUniswapV3Pool as IUniswapV3Pool
import interfaces.IBalancerVault as IBalancerVault
import interfaces.IExecutor as IExecutor

MAX_HOPS: constant(uint256) = 6

KIND_V2: constant(uint8) = 1
KIND_V3: constant(uint8) = 2
KIND_CURVE: constant(uint8) = 3          # exchange(int128,int128,uint256,uint256)
KIND_CURVE_U256: constant(uint8) = 4     # exchange(uint256,uint256,uint256,uint256)
KIND_BALANCER: constant(uint8) = 5

MIN_SQRT_RATIO_PLUS_1: constant(uint160) = 4295128740
MAX_SQRT_RATIO_MINUS_1: constant(uint160) = 1461446703485210103287273052203988822378723970341


struct Hop:
    kind: uint8          # KIND_*
    pool: address        # V2 pair | V3 pool | Curve pool | Balancer Vault
    tokenIn: address
    tokenOut: address
    amountIn: uint256    # 0 = the previous hop's output (first hop: this contract's whole tokenIn balance)
    minOut: uint256      # revert "SW: min out" below this
    extra: uint256       # V2: fee bps (0 -> 30); V3: sqrtPriceLimitX96 (0 -> no limit);
                         # Curve: i | j << 8; Balancer: poolId


# V3 swap in flight: the pool we are calling, the token we owe it and the most we agreed to pay.
v3_pool: transient(address)
v3_token_in: transient(address)
v3_max_in: transient(uint256)
v3_payer: transient(address)     # empty = this contract pays, else the executor pays (IExecutor.pay)


@internal
def run(hops: DynArray[Hop, MAX_HOPS], final_recipient: address, funder: address, funded: uint256) -> uint256:
    """
    @dev Execute `hops` in order; the last output is sent to `final_recipient`. Returns it.
         `funder` != empty: the first hop's input is paid by that executor via IExecutor.pay and
         defaults to `funded`; `funder` == empty: it comes from this contract's balance (default:
         all of it).
    """
    n: uint256 = len(hops)
    assert n > 0, "SW: no hops"
    prev_out: uint256 = 0
    prefunded: bool = False
    payer: address = funder
    for i: uint256 in range(n, bound=MAX_HOPS):
        hop: Hop = hops[i]
        amount_in: uint256 = hop.amountIn
        if i > 0:
            payer = empty(address)
        if amount_in == 0:
            if i > 0:
                amount_in = prev_out
            elif payer != empty(address):
                amount_in = funded
            else:
                amount_in = go.balance_of(hop.tokenIn, self)
        else:
            assert i == 0, "SW: only the first hop takes amountIn"
        assert amount_in > 0, "SW: zero input"

        recipient: address = self
        next_prefunded: bool = False
        if i + 1 == n:
            recipient = final_recipient
        elif hops[i + 1].kind == KIND_V2 and hops[i + 1].amountIn == 0:
            recipient = hops[i + 1].pool
            next_prefunded = True

        out: uint256 = 0
        if hop.kind == KIND_V2:
            if payer != empty(address):
                extcall IExecutor(payer).pay(hop.tokenIn, hop.pool, amount_in)
                prefunded = True
            out = self._v2(hop, amount_in, recipient, prefunded)
        elif hop.kind == KIND_V3:
            out = self._v3(hop, amount_in, recipient, payer)
        else:
            if payer != empty(address):
                # Curve and Balancer pull from this contract: fetch the input first
                extcall IExecutor(payer).pay(hop.tokenIn, self, amount_in)
            if hop.kind == KIND_CURVE or hop.kind == KIND_CURVE_U256:
                out = self._curve(hop, amount_in)
                if recipient != self:
                    go.safe_transfer(hop.tokenOut, recipient, out)
            elif hop.kind == KIND_BALANCER:
                out = self._balancer(hop, amount_in, recipient)
            else:
                raise "SW: bad hop kind"
        assert out >= hop.minOut, "SW: min out"
        prev_out = out
        prefunded = next_prefunded
    return prev_out


@internal
def _v2(hop: Hop, amount_in: uint256, recipient: address, prefunded: bool) -> uint256:
    if not prefunded:
        go.safe_transfer(hop.tokenIn, hop.pool, amount_in)
    r0: uint112 = 0
    r1: uint112 = 0
    ts: uint32 = 0
    r0, r1, ts = staticcall IUniswapV2Pair(hop.pool).getReserves()
    fee: uint256 = hop.extra
    if fee == 0:
        fee = 30
    zero_for_one: bool = convert(hop.tokenIn, uint160) < convert(hop.tokenOut, uint160)
    out: uint256 = 0
    if zero_for_one:
        out = go.v2_amount_out(amount_in, convert(r0, uint256), convert(r1, uint256), fee)
        extcall IUniswapV2Pair(hop.pool).swap(0, out, recipient, b"")
    else:
        out = go.v2_amount_out(amount_in, convert(r1, uint256), convert(r0, uint256), fee)
        extcall IUniswapV2Pair(hop.pool).swap(out, 0, recipient, b"")
    return out


@internal
def _v3(hop: Hop, amount_in: uint256, recipient: address, payer: address) -> uint256:
    zero_for_one: bool = convert(hop.tokenIn, uint160) < convert(hop.tokenOut, uint160)
    limit: uint160 = convert(hop.extra, uint160)
    if limit == 0:
        limit = MIN_SQRT_RATIO_PLUS_1 if zero_for_one else MAX_SQRT_RATIO_MINUS_1
    self.v3_pool = hop.pool
    self.v3_token_in = hop.tokenIn
    self.v3_max_in = amount_in
    self.v3_payer = payer
    a0: int256 = 0
    a1: int256 = 0
    a0, a1 = extcall IUniswapV3Pool(hop.pool).swap(recipient, zero_for_one, convert(amount_in, int256), limit, b"")
    assert self.v3_pool == empty(address), "SW: V3 callback missing"
    if zero_for_one:
        assert a0 == convert(amount_in, int256), "SW: V3 partial fill"
        return convert(-a1, uint256)
    assert a1 == convert(amount_in, int256), "SW: V3 partial fill"
    return convert(-a0, uint256)


@internal
def v3_callback(amount0_delta: int256, amount1_delta: int256):
    """@dev Body of uniswapV3SwapCallback: only the pool being called right now, only once."""
    pool: address = self.v3_pool
    assert pool != empty(address) and msg.sender == pool, "SW: unexpected V3 callback"
    self.v3_pool = empty(address)
    owed: int256 = max(amount0_delta, amount1_delta)
    assert owed > 0, "SW: V3 nothing owed"
    assert convert(owed, uint256) <= self.v3_max_in, "SW: V3 owes too much"
    payer: address = self.v3_payer
    if payer == empty(address):
        go.safe_transfer(self.v3_token_in, pool, convert(owed, uint256))
    else:
        extcall IExecutor(payer).pay(self.v3_token_in, pool, convert(owed, uint256))


@internal
def _curve(hop: Hop, amount_in: uint256) -> uint256:
    i: uint256 = hop.extra & 255
    j: uint256 = (hop.extra >> 8) & 255
    before: uint256 = go.balance_of(hop.tokenOut, self)
    go.safe_approve(hop.tokenIn, hop.pool, amount_in)
    if hop.kind == KIND_CURVE:
        raw_call(hop.pool, abi_encode(convert(i, int128), convert(j, int128), amount_in, hop.minOut, method_id=method_id("exchange(int128,int128,uint256,uint256)")))
    else:
        raw_call(hop.pool, abi_encode(i, j, amount_in, hop.minOut, method_id=method_id("exchange(uint256,uint256,uint256,uint256)")))
    if staticcall IERC20(hop.tokenIn).allowance(self, hop.pool) != 0:
        go.safe_approve(hop.tokenIn, hop.pool, 0)
    return go.balance_of(hop.tokenOut, self) - before


@internal
def _balancer(hop: Hop, amount_in: uint256, recipient: address) -> uint256:
    go.safe_approve(hop.tokenIn, hop.pool, amount_in)
    out: uint256 = extcall IBalancerVault(hop.pool).swap(
        IBalancerVault.SingleSwap(poolId=convert(hop.extra, bytes32), kind=0, assetIn=hop.tokenIn, assetOut=hop.tokenOut, amount=amount_in, userData=b""),
        IBalancerVault.FundManagement(sender=self, fromInternalBalance=False, recipient=recipient, toInternalBalance=False),
        hop.minOut,
        block.timestamp,
    )
    if staticcall IERC20(hop.tokenIn).allowance(self, hop.pool) != 0:
        go.safe_approve(hop.tokenIn, hop.pool, 0)
    return out
