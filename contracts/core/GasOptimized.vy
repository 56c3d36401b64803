# pragma version 0.4.3
"""
@title Gas helpers shared by the executor and the strategies (a stateless Vyper module)
@notice ERC-20 calls through raw_call so tokens that return nothing (USDT-style) work: empty
        return data counts as success when the target has code; a returned value must decode
        to true. Balance reads use a 32-byte staticcall. The V2 amount math mirrors
        UniswapV2Library with the fee in basis points.
        Measured costs (devnet, warm token, see contracts/README.md "Gas"): transfer ~ the
        token's own cost + ~150 gas of wrapper overhead; balance read ~ 2.7k cold / 0.8k warm.
"""

TRANSFER: constant(bytes4) = 0xa9059cbb        # transfer(address,uint256)
APPROVE: constant(bytes4) = 0x095ea7b3         # approve(address,uint256)
BALANCE_OF: constant(bytes4) = 0x70a08231      # balanceOf(address)


@internal
def _check_return(token: address, ok: bool, ret: Bytes[32], reason: String[32]):
    assert ok, reason
    if len(ret) == 0:
        # no return value (USDT-style): only acceptable from a contract
        assert token.is_contract, "GO: token has no code"
    else:
        assert abi_decode(ret, bool), reason


@internal
def safe_transfer(token: address, to: address, amount: uint256):
    """@dev ERC-20 transfer that accepts tokens returning nothing; reverts "GO: transfer failed"."""
    ok: bool = False
    ret: Bytes[32] = b""
    ok, ret = raw_call(token, abi_encode(to, amount, method_id=TRANSFER), max_outsize=32, revert_on_failure=False)
    self._check_return(token, ok, ret, "GO: transfer failed")


@internal
def safe_approve(token: address, spender: address, amount: uint256):
    """@dev ERC-20 approve that accepts tokens returning nothing; reverts "GO: approve failed".
    Callers approve exact amounts and reset to 0 afterwards, so USDT's "approve from 0" holds."""
    ok: bool = False
    ret: Bytes[32] = b""
    ok, ret = raw_call(token, abi_encode(spender, amount, method_id=APPROVE), max_outsize=32, revert_on_failure=False)
    self._check_return(token, ok, ret, "GO: approve failed")


@view
@internal
def balance_of(token: address, owner: address) -> uint256:
    """@dev balanceOf through a 32-byte staticcall; reverts "GO: balanceOf failed"."""
    ok: bool = False
    ret: Bytes[32] = b""
    ok, ret = raw_call(token, abi_encode(owner, method_id=BALANCE_OF), max_outsize=32, is_static_call=True, revert_on_failure=False)
    assert ok and len(ret) == 32, "GO: balanceOf failed"
    return convert(ret, uint256)


@pure
@internal
def v2_amount_out(amount_in: uint256, reserve_in: uint256, reserve_out: uint256, fee_bps: uint256) -> uint256:
    """@dev UniswapV2Library.getAmountOut with the fee in bps (30 = 0.3%; 1000/997 == 10000/9970)."""
    x: uint256 = amount_in * (10000 - fee_bps)
    return x * reserve_out // (reserve_in * 10000 + x)


@pure
@internal
def v2_amount_in(amount_out: uint256, reserve_in: uint256, reserve_out: uint256, fee_bps: uint256) -> uint256:
    """@dev UniswapV2Library.getAmountIn (rounded up by +1) with the fee in bps."""
    assert amount_out < reserve_out, "GO: V2 insufficient liquidity"
    return reserve_in * amount_out * 10000 // ((reserve_out - amount_out) * (10000 - fee_bps)) + 1
