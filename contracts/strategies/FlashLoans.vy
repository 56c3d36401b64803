# pragma version 0.4.3
"""
@title FlashLoans: the defi executor
@notice Owner-only entry point executeStrategy(strategyId, params). It flash-borrows from the
        source named in the plan (Aave V3 flashLoanSimple / flashLoan, Uniswap V3 flash,
        Uniswap V2 flash swap, Balancer V2 Vault, any ERC-3156 lender, or its own balance),
        lets the registered strategy contract spend them (the strategy calls pay() to send the
        loan straight to the first pool), repays the lender, and reverts
        unless its balance of the plan's profit token grew by at least minProfit. The gain
        is sent to the owner before returning; nothing else is left behind.
        Plan encoding: contracts/README.md ("The plan").
@dev    Every callback passes core/FlashLoanReceiver.consume(): flash in flight, msg.sender is
        the lender this contract called, matching callback kind, data hash equal to what was
        sent, one callback per flash; Aave/ERC-3156 also require initiator == self and V2
        requires sender == self. The asset and amount reported by the lender must match the plan.
"""

from ethereum.ercs import IERC20
import core.GasOptimized as go
import core.FlashLoanReceiver as receiver
import interfaces.IStrategy as IStrategy
import interfaces.IAavePool as IAavePool
import interfaces.IUniswapV2Pair as IUniswapV2Pair
import interfaces.IUniswapV3Pool as IUniswapV3Pool
import interfaces.IBalancerVault as IBalancerVault
import interfaces.IERC3156FlashLender as IERC3156FlashLender

initializes: receiver

MAX_PARAMS: constant(uint256) = 2048
MAX_DATA: constant(uint256) = 1600

# flash source kinds
FLASH_NONE: constant(uint8) = 0          # use the executor's own balance
FLASH_AAVE_SIMPLE: constant(uint8) = 1   # Pool.flashLoanSimple -> executeOperation(address,...)
FLASH_AAVE: constant(uint8) = 2          # Pool.flashLoan (one asset, mode 0) -> executeOperation(address[],...)
FLASH_UNIV3: constant(uint8) = 3         # UniswapV3Pool.flash -> uniswapV3FlashCallback
FLASH_UNIV2: constant(uint8) = 4         # UniswapV2Pair.swap with data -> uniswapV2Call
FLASH_BALANCER: constant(uint8) = 5      # Vault.flashLoan -> receiveFlashLoan
FLASH_ERC3156: constant(uint8) = 6       # lender.flashLoan -> onFlashLoan

TOKEN1_FLAG: constant(uint256) = 1 << 255
ERC3156_OK: constant(bytes32) = keccak256("ERC3156FlashBorrower.onFlashLoan")


struct Flash:
    kind: uint8          # FLASH_*
    lender: address      # Aave Pool | V3 pool | V2 pair | Balancer Vault | ERC-3156 lender (ignored for NONE)
    asset: address       # token borrowed and handed to the strategy
    amount: uint256      # amount borrowed
    extra: uint256       # bit 255: asset is the pool's token1 (V2, V3); V2: bits 0-159 repay token
                         # (0 = repay in asset), bits 160-175 fee bps (0 -> 30)


event StrategyRegistered:
    strategyId: indexed(bytes32)
    strategy: indexed(address)

event StrategyRemoved:
    strategyId: indexed(bytes32)
    strategy: indexed(address)

event StrategyExecuted:
    strategyId: indexed(bytes32)
    strategy: indexed(address)
    profitToken: indexed(address)
    profit: uint256

event Withdrawal:
    token: indexed(address)      # empty(address) for ETH
    to: indexed(address)
    amount: uint256

event OwnershipTransferred:
    previousOwner: indexed(address)
    newOwner: indexed(address)


owner: public(address)
strategies: public(HashMap[bytes32, address])

# the flash in flight (transient: gone at the end of the transaction)
t_strategy: transient(address)
t_asset: transient(address)
t_amount: transient(uint256)
t_extra: transient(uint256)
t_budget: transient(uint256)         # what the running strategy may still pay() out
t_data: transient(Bytes[MAX_DATA])   # strategy data for FLASH_AAVE (its callback is served by __default__)


@deploy
def __init__():
    """@notice The deployer becomes the owner."""
    self.owner = msg.sender
    log OwnershipTransferred(previousOwner=empty(address), newOwner=msg.sender)


@internal
def _only_owner():
    assert msg.sender == self.owner, "FL: not owner"


# ------------------------------------------------------------------ owner administration

@external
def transferOwnership(new_owner: address):
    """@notice Owner only: hand the executor (and its profits) to `new_owner`."""
    self._only_owner()
    assert new_owner != empty(address), "FL: zero owner"
    log OwnershipTransferred(previousOwner=self.owner, newOwner=new_owner)
    self.owner = new_owner


@external
def registerStrategy(strategy_id: bytes32, strategy: address):
    """@notice Owner only: register (or replace) the strategy contract run for `strategy_id`."""
    self._only_owner()
    assert strategy.is_contract, "FL: strategy has no code"
    self.strategies[strategy_id] = strategy
    log StrategyRegistered(strategyId=strategy_id, strategy=strategy)


@external
def removeStrategy(strategy_id: bytes32):
    """@notice Owner only: unregister `strategy_id`."""
    self._only_owner()
    strategy: address = self.strategies[strategy_id]
    assert strategy != empty(address), "FL: unknown strategy"
    self.strategies[strategy_id] = empty(address)
    log StrategyRemoved(strategyId=strategy_id, strategy=strategy)


@external
@nonreentrant
def withdraw(token: address, to: address, amount: uint256):
    """@notice Owner only: send `amount` of ERC-20 `token` held here to `to`."""
    self._only_owner()
    go.safe_transfer(token, to, amount)
    log Withdrawal(token=token, to=to, amount=amount)


@external
@nonreentrant
def sweep(token: address):
    """@notice Owner only: send the whole balance of ERC-20 `token` to the owner."""
    self._only_owner()
    amount: uint256 = go.balance_of(token, self)
    if amount > 0:
        go.safe_transfer(token, msg.sender, amount)
    log Withdrawal(token=token, to=msg.sender, amount=amount)


@external
@nonreentrant
def withdrawETH(to: address, amount: uint256):
    """@notice Owner only: send `amount` wei held here to `to`."""
    self._only_owner()
    send(to, amount)
    log Withdrawal(token=empty(address), to=to, amount=amount)


@external
@payable
def __default__() -> bool:
    """
    @notice Accepts plain ETH (withdrawn with withdrawETH), and serves the Aave V3 multi-asset
            callback executeOperation(address[],uint256[],uint256[],address,bytes) (0x920f5c84),
            which Vyper cannot overload next to the simple one. The executor always sends empty
            params with one asset, so the call is exactly 388 bytes in canonical ABI layout; the
            strategy data waits in transient storage. Anything else reverts.
    """
    if len(msg.data) == 0:
        return False
    assert len(msg.data) == 388 and convert(slice(msg.data, 0, 4), bytes4) == 0x920f5c84, "FL: unknown call"
    receiver.consume(FLASH_AAVE, keccak256(b""))
    b: Bytes[384] = slice(msg.data, 4, 384)
    # canonical layout: offsets 160/224/288, initiator, offset 352; then [1, asset] [1, amount] [1, premium] [0]
    assert extract32(b, 0, output_type=uint256) == 160 and extract32(b, 32, output_type=uint256) == 224, "FL: bad layout"
    assert extract32(b, 64, output_type=uint256) == 288 and extract32(b, 128, output_type=uint256) == 352, "FL: bad layout"
    assert extract32(b, 160, output_type=uint256) == 1 and extract32(b, 224, output_type=uint256) == 1, "FL: one asset only"
    assert extract32(b, 288, output_type=uint256) == 1 and extract32(b, 352, output_type=uint256) == 0, "FL: bad layout"
    assert extract32(b, 96, output_type=address) == self, "FL: initiator is not the executor"
    asset: address = extract32(b, 192, output_type=address)
    amount: uint256 = extract32(b, 256, output_type=uint256)
    premium: uint256 = extract32(b, 320, output_type=uint256)
    self._run_flash(asset, amount, self.t_data)
    go.safe_approve(asset, msg.sender, amount + premium)
    return True


# ------------------------------------------------------------------ execution

@external
@nonreentrant
def executeStrategy(strategy_id: bytes32, params: Bytes[MAX_PARAMS]) -> uint256:
    """
    @notice Owner only: run the registered strategy `strategy_id` on flash-borrowed funds.
    @param params abi.encode((uint8 kind, address lender, address asset, uint256 amount, uint256 extra) flash,
                  address profitToken, uint256 minProfit, bytes strategyData)
    @return The profit (in profitToken) sent to the owner; reverts "FL: profit below minimum" otherwise.
    """
    self._only_owner()
    strategy: address = self.strategies[strategy_id]
    assert strategy != empty(address), "FL: unknown strategy"
    flash: Flash = empty(Flash)
    profit_token: address = empty(address)
    min_profit: uint256 = 0
    data: Bytes[MAX_DATA] = b""
    flash, profit_token, min_profit, data = abi_decode(params, (Flash, address, uint256, Bytes[MAX_DATA]))
    assert flash.amount > 0, "FL: zero amount"

    before: uint256 = go.balance_of(profit_token, self)

    self.t_strategy = strategy
    self.t_asset = flash.asset
    if flash.kind == FLASH_NONE:
        self._run(strategy, flash.asset, flash.amount, data)
    else:
        self.t_amount = flash.amount
        self.t_extra = flash.extra
        if flash.kind == FLASH_AAVE:
            self.t_data = data
            receiver.arm(flash.lender, flash.kind, keccak256(b""))
        else:
            receiver.arm(flash.lender, flash.kind, keccak256(data))
        self._borrow(flash, data)
        receiver.disarm()
    self.t_strategy = empty(address)

    after: uint256 = go.balance_of(profit_token, self)
    assert after >= before + min_profit, "FL: profit below minimum"
    profit: uint256 = after - before
    if profit > 0:
        go.safe_transfer(profit_token, msg.sender, profit)
    log StrategyExecuted(strategyId=strategy_id, strategy=strategy, profitToken=profit_token, profit=profit)
    return profit


@internal
def _borrow(flash: Flash, data: Bytes[MAX_DATA]):
    if flash.kind == FLASH_AAVE_SIMPLE:
        extcall IAavePool(flash.lender).flashLoanSimple(self, flash.asset, flash.amount, data, 0)
        self._reset_allowance(flash.asset, flash.lender)
    elif flash.kind == FLASH_AAVE:
        extcall IAavePool(flash.lender).flashLoan(self, [flash.asset], [flash.amount], [0], self, b"", 0)
        self._reset_allowance(flash.asset, flash.lender)
    elif flash.kind == FLASH_UNIV3:
        if flash.extra & TOKEN1_FLAG != 0:
            extcall IUniswapV3Pool(flash.lender).flash(self, 0, flash.amount, data)
        else:
            extcall IUniswapV3Pool(flash.lender).flash(self, flash.amount, 0, data)
    elif flash.kind == FLASH_UNIV2:
        if flash.extra & TOKEN1_FLAG != 0:
            extcall IUniswapV2Pair(flash.lender).swap(0, flash.amount, self, data)
        else:
            extcall IUniswapV2Pair(flash.lender).swap(flash.amount, 0, self, data)
    elif flash.kind == FLASH_BALANCER:
        extcall IBalancerVault(flash.lender).flashLoan(self, [flash.asset], [flash.amount], data)
    elif flash.kind == FLASH_ERC3156:
        ok: bool = extcall IERC3156FlashLender(flash.lender).flashLoan(self, flash.asset, flash.amount, data)
        assert ok, "FL: ERC-3156 lender refused"
        self._reset_allowance(flash.asset, flash.lender)
    else:
        raise "FL: bad flash kind"


@internal
def _reset_allowance(token: address, spender: address):
    # pull-repay lenders take exactly what was approved; clear anything a lender left unused
    if staticcall IERC20(token).allowance(self, spender) != 0:
        go.safe_approve(token, spender, 0)


@internal
def _run(strategy: address, asset: address, amount: uint256, data: Bytes[MAX_DATA]):
    self.t_budget = amount
    extcall IStrategy(strategy).execute(asset, amount, data)
    self.t_budget = 0


@external
def pay(token: address, to: address, amount: uint256):
    """
    @notice Only the strategy this executor is running right now: send `amount` of the loan asset
            from the executor to `to` (a pool, or the strategy itself). At most the loan amount in
            total per run; reverts "FL: not the running strategy" / "FL: pay over budget".
    """
    assert msg.sender == self.t_strategy and msg.sender != empty(address), "FL: not the running strategy"
    assert token == self.t_asset, "FL: pay in the loan asset only"
    budget: uint256 = self.t_budget
    assert amount <= budget, "FL: pay over budget"
    self.t_budget = budget - amount
    go.safe_transfer(token, to, amount)


@internal
def _run_flash(asset: address, amount: uint256, data: Bytes[MAX_DATA]):
    assert asset == self.t_asset and amount == self.t_amount, "FL: loan differs from plan"
    self._run(self.t_strategy, asset, amount, data)


# ------------------------------------------------------------------ lender callbacks

@external
def executeOperation(asset: address, amount: uint256, premium: uint256, initiator: address, params: Bytes[MAX_DATA]) -> bool:
    """@notice Aave V3 flashLoanSimple callback: run the strategy, approve amount + premium to the Pool."""
    receiver.consume(FLASH_AAVE_SIMPLE, keccak256(params))
    assert initiator == self, "FL: initiator is not the executor"
    self._run_flash(asset, amount, params)
    go.safe_approve(asset, msg.sender, amount + premium)
    return True


@external
def uniswapV3FlashCallback(fee0: uint256, fee1: uint256, data: Bytes[MAX_DATA]):
    """@notice Uniswap V3 flash callback: run the strategy, transfer amount + fee back to the pool."""
    receiver.consume(FLASH_UNIV3, keccak256(data))
    fee: uint256 = fee0
    if self.t_extra & TOKEN1_FLAG != 0:
        fee = fee1
    asset: address = self.t_asset
    amount: uint256 = self.t_amount
    self._run(self.t_strategy, asset, amount, data)
    go.safe_transfer(asset, msg.sender, amount + fee)


@external
def uniswapV2Call(sender: address, amount0: uint256, amount1: uint256, data: Bytes[MAX_DATA]):
    """@notice Uniswap V2 flash-swap callback: run the strategy, repay the pair (same or other token)."""
    receiver.consume(FLASH_UNIV2, keccak256(data))
    assert sender == self, "FL: sender is not the executor"
    extra: uint256 = self.t_extra
    token1: bool = extra & TOKEN1_FLAG != 0
    amount: uint256 = amount0
    if token1:
        amount = amount1
    self._run_flash(self.t_asset, amount, data)
    fee: uint256 = (extra >> 160) & 65535
    if fee == 0:
        fee = 30
    repay_token: address = convert(convert(extra % (1 << 160), uint160), address)
    repay: uint256 = 0
    if repay_token == empty(address):
        repay_token = self.t_asset
        repay = (amount * 10000 + 9999 - fee) // (10000 - fee)
    else:
        r0: uint112 = 0
        r1: uint112 = 0
        ts: uint32 = 0
        r0, r1, ts = staticcall IUniswapV2Pair(msg.sender).getReserves()
        if token1:
            repay = go.v2_amount_in(amount, convert(r0, uint256), convert(r1, uint256), fee)
        else:
            repay = go.v2_amount_in(amount, convert(r1, uint256), convert(r0, uint256), fee)
    go.safe_transfer(repay_token, msg.sender, repay)


@external
def receiveFlashLoan(tokens: DynArray[address, 1], amounts: DynArray[uint256, 1], feeAmounts: DynArray[uint256, 1], userData: Bytes[MAX_DATA]):
    """@notice Balancer V2 Vault flash-loan callback: run the strategy, transfer amount + fee back."""
    receiver.consume(FLASH_BALANCER, keccak256(userData))
    assert len(tokens) == 1 and len(amounts) == 1 and len(feeAmounts) == 1, "FL: one asset only"
    self._run_flash(tokens[0], amounts[0], userData)
    go.safe_transfer(tokens[0], msg.sender, amounts[0] + feeAmounts[0])


@external
def onFlashLoan(initiator: address, token: address, amount: uint256, fee: uint256, data: Bytes[MAX_DATA]) -> bytes32:
    """@notice ERC-3156 callback: run the strategy, approve amount + fee to the lender."""
    receiver.consume(FLASH_ERC3156, keccak256(data))
    assert initiator == self, "FL: initiator is not the executor"
    self._run_flash(token, amount, data)
    go.safe_approve(token, msg.sender, amount + fee)
    return ERC3156_OK
