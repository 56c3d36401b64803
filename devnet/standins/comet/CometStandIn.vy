# pragma version 0.4.3
"""
@title Comet (Compound III) market stand-in, devnet only
@notice stand-in: no Comet bytecode is obtainable here (no Solidity compiler can be installed on this
        machine and no PyPI wheel ships Comet's artifacts), so this is our own Vyper port of the rules of
        compound-finance/comet `contracts/Comet.sol`, `CometCore.sol` and the parts of `CometExt.sol` that
        readers use. Written from the Solidity source; no code copied.

        Reproduces exactly (same integer rounding, same order of operations):
        - supply/supplyTo/withdraw/withdrawTo of base and collateral (uint256.max = whole balance / whole debt),
          borrowing by withdrawing base (BorrowTooSmall below baseBorrowMin, NotCollateralized), supplyCap;
        - principal <-> present value with baseSupplyIndex/baseBorrowIndex (BASE_INDEX_SCALE 1e15; supply
          floors, borrow principal rounds the debt up), repayAndSupplyAmount / withdrawAndBorrowAmount totals;
        - interest accrual: the real kink model (getUtilization, getSupplyRate, getBorrowRate, per-year rates
          divided by 31,536,000 in the constructor) and accruedInterestIndices/accrueInternal; the view
          functions (getReserves, totalSupply, totalBorrow, balanceOf, borrowBalanceOf) accrue in memory;
        - isBorrowCollateralized / isLiquidatable (early exit once liquidity >= 0, signedMulPrice truncating
          toward zero, stored indices as in Comet);
        - absorb(absorber, accounts[]) / absorbInternal: NotLiquidatable, seize all collateral, credit
          mulFactor(value, liquidationFactor), floor the balance at 0, reserves pay the rest, AbsorbCollateral
          and AbsorbDebt events, liquidator points;
        - buyCollateral with NotForSale (reserves >= 0 and >= targetReserves), TooMuchSlippage,
          InsufficientReserves, fee-aware doTransferIn, BuyCollateral event; quoteCollateral with the
          storeFrontPriceFactor discount;
        - getAssetInfo / getAssetInfoByAddress (factors stored to 4 decimals and supply caps to whole units,
          as Comet's packed asset words do), getPrice (BadPrice for <= 0), getCollateralReserves, getReserves;
        - the reverts use Comet's custom-error selectors (NotLiquidatable(), NotForSale(), ...).

        Differs from the real Comet in:
        - no proxy / configurator / CometExt delegate: configuration comes from the constructor and cannot
          change; the governor is the deployer (withdrawReserves, approveThis, pause);
        - no rewards tracking: base tracking speeds are 0, so trackingSupplyIndex/trackingBorrowIndex and every
          account's baseTrackingIndex/baseTrackingAccrued stay 0 (what the real Comet does with zero speeds);
        - no allow/allowBySig/transfer/transferFrom/transferAsset of base or collateral (supplyFrom and
          withdrawFrom are not implemented);
        - arithmetic overflow reverts with empty data (Vyper) instead of Solidity's Panic(0x11).
"""

interface IERC20:
    def balanceOf(a: address) -> uint256: view
    def transfer(to: address, amount: uint256) -> bool: nonpayable
    def transferFrom(src: address, to: address, amount: uint256) -> bool: nonpayable
    def approve(spender: address, amount: uint256) -> bool: nonpayable
    def decimals() -> uint8: view

interface IPriceFeed:
    def latestRoundData() -> (uint80, int256, uint256, uint256, uint80): view

struct AssetConfig:
    asset: address
    priceFeed: address
    decimals: uint8
    borrowCollateralFactor: uint64
    liquidateCollateralFactor: uint64
    liquidationFactor: uint64
    supplyCap: uint128

struct AssetInfo:
    offset: uint8
    asset: address
    priceFeed: address
    scale: uint64
    borrowCollateralFactor: uint64
    liquidateCollateralFactor: uint64
    liquidationFactor: uint64
    supplyCap: uint128

struct UserBasic:
    principal: int104
    baseTrackingIndex: uint64
    baseTrackingAccrued: uint64
    assetsIn: uint16
    _reserved: uint8

struct UserCollateral:
    balance: uint128
    _reserved: uint128

struct TotalsCollateral:
    totalSupplyAsset: uint128
    _reserved: uint128

struct TotalsBasic:
    baseSupplyIndex: uint64
    baseBorrowIndex: uint64
    trackingSupplyIndex: uint64
    trackingBorrowIndex: uint64
    totalSupplyBase: uint104
    totalBorrowBase: uint104
    lastAccrualTime: uint40
    pauseFlags: uint8

struct LiquidatorPoints:
    numAbsorbs: uint32
    numAbsorbed: uint64
    approxSpend: uint128
    _reserved: uint32

event Supply:
    sender: indexed(address)
    dst: indexed(address)
    amount: uint256

event Transfer:
    sender: indexed(address)
    to: indexed(address)
    amount: uint256

event Withdraw:
    src: indexed(address)
    to: indexed(address)
    amount: uint256

event SupplyCollateral:
    sender: indexed(address)
    dst: indexed(address)
    asset: indexed(address)
    amount: uint256

event WithdrawCollateral:
    src: indexed(address)
    to: indexed(address)
    asset: indexed(address)
    amount: uint256

event AbsorbDebt:
    absorber: indexed(address)
    borrower: indexed(address)
    basePaidOut: uint256
    usdValue: uint256

event AbsorbCollateral:
    absorber: indexed(address)
    borrower: indexed(address)
    asset: indexed(address)
    collateralAbsorbed: uint256
    usdValue: uint256

event BuyCollateral:
    buyer: indexed(address)
    asset: indexed(address)
    baseAmount: uint256
    collateralAmount: uint256

event PauseAction:
    supplyPaused: bool
    transferPaused: bool
    withdrawPaused: bool
    absorbPaused: bool
    buyPaused: bool

event WithdrawReserves:
    to: indexed(address)
    amount: uint256

MAX_ASSETS: constant(uint8) = 15
FACTOR_SCALE: constant(uint256) = 10**18
BASE_INDEX_SCALE: constant(uint256) = 10**15
PRICE_SCALE: constant(uint256) = 10**8
SECONDS_PER_YEAR: constant(uint256) = 31_536_000
# Comet packs factors as uint16 in units of 1e14 (4 decimals) and supply caps as uint64 whole units.
DESCALE: constant(uint256) = 10**14

PAUSE_SUPPLY: constant(uint8) = 0
PAUSE_TRANSFER: constant(uint8) = 1
PAUSE_WITHDRAW: constant(uint8) = 2
PAUSE_ABSORB: constant(uint8) = 3
PAUSE_BUY: constant(uint8) = 4

governor: public(immutable(address))
pauseGuardian: public(immutable(address))
baseToken: public(immutable(address))
baseTokenPriceFeed: public(immutable(address))
baseScale: public(immutable(uint256))
BASE_DECIMALS: immutable(uint8)
baseBorrowMin: public(immutable(uint256))
baseMinForRewards: public(immutable(uint256))
targetReserves: public(immutable(uint256))
storeFrontPriceFactor: public(immutable(uint256))
supplyKink: public(immutable(uint256))
supplyPerSecondInterestRateSlopeLow: public(immutable(uint256))
supplyPerSecondInterestRateSlopeHigh: public(immutable(uint256))
supplyPerSecondInterestRateBase: public(immutable(uint256))
borrowKink: public(immutable(uint256))
borrowPerSecondInterestRateSlopeLow: public(immutable(uint256))
borrowPerSecondInterestRateSlopeHigh: public(immutable(uint256))
borrowPerSecondInterestRateBase: public(immutable(uint256))
trackingIndexScale: public(constant(uint256)) = 10**15
baseTrackingSupplySpeed: public(constant(uint256)) = 0
baseTrackingBorrowSpeed: public(constant(uint256)) = 0

numAssets: public(uint8)
assetInfos: HashMap[uint8, AssetInfo]
assetOffsetPlusOne: HashMap[address, uint8]

baseSupplyIndex: uint64
baseBorrowIndex: uint64
trackingSupplyIndex: uint64
trackingBorrowIndex: uint64
totalSupplyBase: uint104
totalBorrowBase: uint104
lastAccrualTime: uint40
pauseFlags: uint8

userBasic: public(HashMap[address, UserBasic])
userCollateral: public(HashMap[address, HashMap[address, UserCollateral]])
totalsCollateral: public(HashMap[address, TotalsCollateral])
liquidatorPoints: public(HashMap[address, LiquidatorPoints])


@deploy
def __init__(
    base_token: address, base_price_feed: address, base_borrow_min: uint256, target_reserves: uint256,
    store_front_price_factor: uint256, supply_rates: uint256[4], borrow_rates: uint256[4],
    assets: DynArray[AssetConfig, MAX_ASSETS],
):
    """
    @param supply_rates [kink, slopeLowPerYear, slopeHighPerYear, basePerYear], 1e18 (as Comet's Configuration)
    @param borrow_rates likewise for borrowing
    """
    governor = msg.sender
    pauseGuardian = msg.sender
    baseToken = base_token
    baseTokenPriceFeed = base_price_feed
    decimals: uint8 = staticcall IERC20(base_token).decimals()
    assert decimals <= 18, "BadDecimals"
    baseScale = 10 ** convert(decimals, uint256)
    BASE_DECIMALS = decimals
    baseBorrowMin = base_borrow_min
    baseMinForRewards = 1
    targetReserves = target_reserves
    assert store_front_price_factor <= FACTOR_SCALE, "BadDiscount"
    storeFrontPriceFactor = store_front_price_factor
    supplyKink = supply_rates[0]
    supplyPerSecondInterestRateSlopeLow = supply_rates[1] // SECONDS_PER_YEAR
    supplyPerSecondInterestRateSlopeHigh = supply_rates[2] // SECONDS_PER_YEAR
    supplyPerSecondInterestRateBase = supply_rates[3] // SECONDS_PER_YEAR
    borrowKink = borrow_rates[0]
    borrowPerSecondInterestRateSlopeLow = borrow_rates[1] // SECONDS_PER_YEAR
    borrowPerSecondInterestRateSlopeHigh = borrow_rates[2] // SECONDS_PER_YEAR
    borrowPerSecondInterestRateBase = borrow_rates[3] // SECONDS_PER_YEAR
    i: uint8 = 0
    for c: AssetConfig in assets:
        assert c.asset != base_token and self.assetOffsetPlusOne[c.asset] == 0, "BadAsset"
        assert c.decimals == staticcall IERC20(c.asset).decimals(), "BadDecimals"
        assert c.borrowCollateralFactor < c.liquidateCollateralFactor, "BorrowCFTooLarge"
        assert c.liquidateCollateralFactor <= convert(FACTOR_SCALE, uint64), "LiquidateCFTooLarge"
        assert c.liquidationFactor <= convert(FACTOR_SCALE, uint64), "LiquidationFactorTooLarge"
        scale: uint256 = 10 ** convert(c.decimals, uint256)
        self.assetInfos[i] = AssetInfo(
            offset=i, asset=c.asset, priceFeed=c.priceFeed, scale=convert(scale, uint64),
            borrowCollateralFactor=c.borrowCollateralFactor // convert(DESCALE, uint64) * convert(DESCALE, uint64),
            liquidateCollateralFactor=c.liquidateCollateralFactor // convert(DESCALE, uint64) * convert(DESCALE, uint64),
            liquidationFactor=c.liquidationFactor // convert(DESCALE, uint64) * convert(DESCALE, uint64),
            supplyCap=convert(convert(c.supplyCap, uint256) // scale * scale, uint128),
        )
        i += 1
        self.assetOffsetPlusOne[c.asset] = i
    self.numAssets = i
    # initializeStorage
    self.lastAccrualTime = self._now()
    self.baseSupplyIndex = convert(BASE_INDEX_SCALE, uint64)
    self.baseBorrowIndex = convert(BASE_INDEX_SCALE, uint64)


# ------------------------------------------------------------------ errors, helpers


@internal
@pure
def _fail(sig: String[32]):
    raw_revert(slice(keccak256(sig), 0, 4))


@internal
@view
def _now() -> uint40:
    if block.timestamp >= 2**40:
        self._fail("TimestampTooLarge()")
    return convert(block.timestamp, uint40)


@internal
@pure
def _mul_factor(n: uint256, factor: uint256) -> uint256:
    return n * factor // FACTOR_SCALE


@internal
@pure
def _mul_price(n: uint256, price: uint256, from_scale: uint256) -> uint256:
    return n * price // from_scale


@internal
@pure
def _signed_mul_price(n: int256, price: uint256, from_scale: uint256) -> int256:
    # Solidity's signed division truncates toward zero; so does Vyper's `//` on signed integers.
    return n * convert(price, int256) // convert(from_scale, int256)


@internal
@pure
def _div_price(n: uint256, price: uint256, to_scale: uint256) -> uint256:
    return n * to_scale // price


@internal
@pure
def _is_in(assets_in: uint16, offset: uint8) -> bool:
    return convert(assets_in, uint256) & (1 << convert(offset, uint256)) != 0


@internal
@pure
def _pv_supply(index: uint64, principal: uint256) -> uint256:
    return principal * convert(index, uint256) // BASE_INDEX_SCALE


@internal
@pure
def _pv_borrow(index: uint64, principal: uint256) -> uint256:
    return principal * convert(index, uint256) // BASE_INDEX_SCALE


@internal
@view
def _present_value(principal: int104) -> int256:
    if principal >= 0:
        return convert(self._pv_supply(self.baseSupplyIndex, convert(principal, uint256)), int256)
    return -convert(self._pv_borrow(self.baseBorrowIndex, convert(-convert(principal, int256), uint256)), int256)


@internal
@view
def _principal_value(pv: int256) -> int104:
    if pv >= 0:
        return convert(convert(pv, uint256) * BASE_INDEX_SCALE // convert(self.baseSupplyIndex, uint256), int104)
    index: uint256 = convert(self.baseBorrowIndex, uint256)
    m: uint256 = (convert(-pv, uint256) * BASE_INDEX_SCALE + index - 1) // index
    # safe104 on the magnitude, then negate
    assert m < 2**103, "InvalidInt104"
    return -convert(m, int104)


@internal
@view
def _asset_info(i: uint8) -> AssetInfo:
    if i >= self.numAssets:
        self._fail("BadAsset()")
    return self.assetInfos[i]


@internal
@view
def _asset_info_by_address(asset: address) -> AssetInfo:
    p: uint8 = self.assetOffsetPlusOne[asset]
    if p == 0:
        self._fail("BadAsset()")
    return self.assetInfos[p - 1]


@internal
@view
def _price(feed: address) -> uint256:
    round_id: uint80 = 0
    price: int256 = 0
    started: uint256 = 0
    updated: uint256 = 0
    answered: uint80 = 0
    round_id, price, started, updated, answered = staticcall IPriceFeed(feed).latestRoundData()
    if price <= 0:
        self._fail("BadPrice()")
    return convert(price, uint256)


@internal
@view
def _utilization() -> uint256:
    supply: uint256 = self._pv_supply(self.baseSupplyIndex, convert(self.totalSupplyBase, uint256))
    borrow: uint256 = self._pv_borrow(self.baseBorrowIndex, convert(self.totalBorrowBase, uint256))
    if supply == 0:
        return 0
    return borrow * FACTOR_SCALE // supply


@internal
@view
def _supply_rate(u: uint256) -> uint64:
    if u <= supplyKink:
        return convert(supplyPerSecondInterestRateBase + self._mul_factor(supplyPerSecondInterestRateSlopeLow, u), uint64)
    return convert(
        supplyPerSecondInterestRateBase + self._mul_factor(supplyPerSecondInterestRateSlopeLow, supplyKink)
        + self._mul_factor(supplyPerSecondInterestRateSlopeHigh, u - supplyKink), uint64)


@internal
@view
def _borrow_rate(u: uint256) -> uint64:
    if u <= borrowKink:
        return convert(borrowPerSecondInterestRateBase + self._mul_factor(borrowPerSecondInterestRateSlopeLow, u), uint64)
    return convert(
        borrowPerSecondInterestRateBase + self._mul_factor(borrowPerSecondInterestRateSlopeLow, borrowKink)
        + self._mul_factor(borrowPerSecondInterestRateSlopeHigh, u - borrowKink), uint64)


@internal
@view
def _accrued_indices(elapsed: uint256) -> (uint64, uint64):
    s: uint64 = self.baseSupplyIndex
    b: uint64 = self.baseBorrowIndex
    if elapsed > 0:
        u: uint256 = self._utilization()
        sr: uint256 = convert(self._supply_rate(u), uint256)
        br: uint256 = convert(self._borrow_rate(u), uint256)
        s += convert(self._mul_factor(convert(s, uint256), sr * elapsed), uint64)
        b += convert(self._mul_factor(convert(b, uint256), br * elapsed), uint64)
    return s, b


@internal
def _accrue():
    now: uint40 = self._now()
    elapsed: uint256 = convert(now - self.lastAccrualTime, uint256)
    if elapsed > 0:
        self.baseSupplyIndex, self.baseBorrowIndex = self._accrued_indices(elapsed)
        # tracking speeds are 0: the tracking indices do not move
        self.lastAccrualTime = now


@internal
@view
def _elapsed() -> uint256:
    return convert(self._now() - self.lastAccrualTime, uint256)


@internal
@view
def _liquidity(account: address, use_liquidate_cf: bool) -> int256:
    """The loop shared by isBorrowCollateralized and isLiquidatable (early exit once liquidity >= 0)."""
    basic: UserBasic = self.userBasic[account]
    liquidity: int256 = self._signed_mul_price(
        self._present_value(basic.principal), self._price(baseTokenPriceFeed), baseScale)
    for i: uint8 in range(MAX_ASSETS):
        if i >= self.numAssets:
            break
        if self._is_in(basic.assetsIn, i):
            if liquidity >= 0:
                return liquidity
            a: AssetInfo = self.assetInfos[i]
            amount: uint256 = self._mul_price(
                convert(self.userCollateral[account][a.asset].balance, uint256), self._price(a.priceFeed),
                convert(a.scale, uint256))
            factor: uint64 = a.borrowCollateralFactor
            if use_liquidate_cf:
                factor = a.liquidateCollateralFactor
            liquidity += convert(self._mul_factor(amount, convert(factor, uint256)), int256)
    return liquidity


@internal
@view
def _is_borrow_collateralized(account: address) -> bool:
    if self.userBasic[account].principal >= 0:
        return True
    return self._liquidity(account, False) >= 0


@internal
@view
def _is_liquidatable(account: address) -> bool:
    if self.userBasic[account].principal >= 0:
        return False
    return self._liquidity(account, True) < 0


@internal
@pure
def _repay_and_supply(old: int104, new: int104) -> (uint104, uint104):
    if new < old:
        return 0, 0
    if new <= 0:
        return convert(convert(new, int256) - convert(old, int256), uint104), 0
    elif old >= 0:
        return 0, convert(convert(new, int256) - convert(old, int256), uint104)
    return convert(-convert(old, int256), uint104), convert(new, uint104)


@internal
@pure
def _withdraw_and_borrow(old: int104, new: int104) -> (uint104, uint104):
    if new > old:
        return 0, 0
    if new >= 0:
        return convert(convert(old, int256) - convert(new, int256), uint104), 0
    elif old <= 0:
        return 0, convert(convert(old, int256) - convert(new, int256), uint104)
    return convert(old, uint104), convert(-convert(new, int256), uint104)


@internal
def _update_assets_in(account: address, offset: uint8, initial: uint128, final: uint128):
    bit: uint16 = convert(1 << convert(offset, uint256), uint16)
    if initial == 0 and final != 0:
        self.userBasic[account].assetsIn |= bit
    elif initial != 0 and final == 0:
        self.userBasic[account].assetsIn &= 65535 ^ bit


@internal
def _set_principal(account: address, principal: int104):
    # updateBasePrincipal with zero tracking speeds: the tracking index (0) and accrued (0) do not change.
    self.userBasic[account].principal = principal


@internal
def _transfer_in(asset: address, sender: address, amount: uint256) -> uint256:
    before: uint256 = staticcall IERC20(asset).balanceOf(self)
    ok: bool = extcall IERC20(asset).transferFrom(sender, self, amount, default_return_value=True)
    if not ok:
        self._fail("TransferInFailed()")
    return staticcall IERC20(asset).balanceOf(self) - before


@internal
def _transfer_out(asset: address, to: address, amount: uint256):
    ok: bool = extcall IERC20(asset).transfer(to, amount, default_return_value=True)
    if not ok:
        self._fail("TransferOutFailed()")


@internal
@view
def _paused(bit: uint8) -> bool:
    return convert(self.pauseFlags, uint256) & (1 << convert(bit, uint256)) != 0


# ------------------------------------------------------------------ supply / withdraw


@internal
@view
def _borrow_balance_of(account: address) -> uint256:
    b: uint64 = 0
    s: uint64 = 0
    s, b = self._accrued_indices(self._elapsed())
    p: int104 = self.userBasic[account].principal
    if p < 0:
        return self._pv_borrow(b, convert(-convert(p, int256), uint256))
    return 0


@internal
@view
def _balance_of(account: address) -> uint256:
    b: uint64 = 0
    s: uint64 = 0
    s, b = self._accrued_indices(self._elapsed())
    p: int104 = self.userBasic[account].principal
    if p > 0:
        return self._pv_supply(s, convert(p, uint256))
    return 0


@internal
def _supply(sender: address, dst: address, asset: address, amount_: uint256):
    if self._paused(PAUSE_SUPPLY):
        self._fail("Paused()")
    amount: uint256 = amount_
    if asset == baseToken:
        if amount == max_value(uint256):
            amount = self._borrow_balance_of(dst)
        amount = self._transfer_in(baseToken, sender, amount)
        self._accrue()
        old: int104 = self.userBasic[dst].principal
        new: int104 = self._principal_value(self._present_value(old) + convert(amount, int256))
        repay: uint104 = 0
        supplied: uint104 = 0
        repay, supplied = self._repay_and_supply(old, new)
        self.totalSupplyBase += supplied
        self.totalBorrowBase -= repay
        self._set_principal(dst, new)
        log Supply(sender=sender, dst=dst, amount=amount)
        if supplied > 0:
            log Transfer(sender=empty(address), to=dst,
                         amount=self._pv_supply(self.baseSupplyIndex, convert(supplied, uint256)))
    else:
        amt: uint128 = convert(self._transfer_in(asset, sender, convert(convert(amount, uint128), uint256)), uint128)
        info: AssetInfo = self._asset_info_by_address(asset)
        total: uint128 = self.totalsCollateral[asset].totalSupplyAsset + amt
        if total > info.supplyCap:
            self._fail("SupplyCapExceeded()")
        before: uint128 = self.userCollateral[dst][asset].balance
        after: uint128 = before + amt
        self.totalsCollateral[asset].totalSupplyAsset = total
        self.userCollateral[dst][asset].balance = after
        self._update_assets_in(dst, info.offset, before, after)
        log SupplyCollateral(sender=sender, dst=dst, asset=asset, amount=convert(amt, uint256))


@internal
def _withdraw(src: address, to: address, asset: address, amount_: uint256):
    if self._paused(PAUSE_WITHDRAW):
        self._fail("Paused()")
    amount: uint256 = amount_
    if asset == baseToken:
        if amount == max_value(uint256):
            amount = self._balance_of(src)
        self._accrue()
        old: int104 = self.userBasic[src].principal
        balance: int256 = self._present_value(old) - convert(amount, int256)
        new: int104 = self._principal_value(balance)
        withdrawn: uint104 = 0
        borrowed: uint104 = 0
        withdrawn, borrowed = self._withdraw_and_borrow(old, new)
        self.totalSupplyBase -= withdrawn
        self.totalBorrowBase += borrowed
        self._set_principal(src, new)
        if balance < 0:
            if convert(-balance, uint256) < baseBorrowMin:
                self._fail("BorrowTooSmall()")
            if not self._is_borrow_collateralized(src):
                self._fail("NotCollateralized()")
        self._transfer_out(baseToken, to, amount)
        log Withdraw(src=src, to=to, amount=amount)
        if withdrawn > 0:
            log Transfer(sender=src, to=empty(address),
                         amount=self._pv_supply(self.baseSupplyIndex, convert(withdrawn, uint256)))
    else:
        amt: uint128 = convert(amount, uint128)
        before: uint128 = self.userCollateral[src][asset].balance
        after: uint128 = before - amt
        self.totalsCollateral[asset].totalSupplyAsset -= amt
        self.userCollateral[src][asset].balance = after
        info: AssetInfo = self._asset_info_by_address(asset)
        self._update_assets_in(src, info.offset, before, after)
        if not self._is_borrow_collateralized(src):
            self._fail("NotCollateralized()")
        self._transfer_out(asset, to, amount)
        log WithdrawCollateral(src=src, to=to, asset=asset, amount=amount)


@external
@nonreentrant
def supply(asset: address, amount: uint256):
    """@notice Supply base (repaying debt first) or collateral from msg.sender."""
    self._supply(msg.sender, msg.sender, asset, amount)


@external
@nonreentrant
def supplyTo(dst: address, asset: address, amount: uint256):
    """@notice Supply from msg.sender to `dst`'s account."""
    self._supply(msg.sender, dst, asset, amount)


@external
@nonreentrant
def withdraw(asset: address, amount: uint256):
    """@notice Withdraw base (borrowing below zero) or collateral to msg.sender."""
    self._withdraw(msg.sender, msg.sender, asset, amount)


@external
@nonreentrant
def withdrawTo(to: address, asset: address, amount: uint256):
    """@notice Withdraw from msg.sender's account to `to`."""
    self._withdraw(msg.sender, to, asset, amount)


@external
def accrueAccount(account: address):
    """@notice Accrue interest (no rewards here)."""
    self._accrue()


# ------------------------------------------------------------------ absorb / buyCollateral


@internal
def _absorb_one(absorber: address, account: address):
    if not self._is_liquidatable(account):
        self._fail("NotLiquidatable()")
    basic: UserBasic = self.userBasic[account]
    old_principal: int104 = basic.principal
    old_balance: int256 = self._present_value(old_principal)
    base_price: uint256 = self._price(baseTokenPriceFeed)
    delta_value: uint256 = 0
    for i: uint8 in range(MAX_ASSETS):
        if i >= self.numAssets:
            break
        if self._is_in(basic.assetsIn, i):
            a: AssetInfo = self.assetInfos[i]
            seize: uint128 = self.userCollateral[account][a.asset].balance
            self.userCollateral[account][a.asset].balance = 0
            self.totalsCollateral[a.asset].totalSupplyAsset -= seize
            value: uint256 = self._mul_price(convert(seize, uint256), self._price(a.priceFeed), convert(a.scale, uint256))
            delta_value += self._mul_factor(value, convert(a.liquidationFactor, uint256))
            log AbsorbCollateral(absorber=absorber, borrower=account, asset=a.asset,
                                 collateralAbsorbed=convert(seize, uint256), usdValue=value)
    delta_balance: uint256 = self._div_price(delta_value, base_price, baseScale)
    new_balance: int256 = old_balance + convert(delta_balance, int256)
    if new_balance < 0:
        new_balance = 0
    new_principal: int104 = self._principal_value(new_balance)
    self._set_principal(account, new_principal)
    self.userBasic[account].assetsIn = 0
    repay: uint104 = 0
    supplied: uint104 = 0
    repay, supplied = self._repay_and_supply(old_principal, new_principal)
    self.totalSupplyBase += supplied
    self.totalBorrowBase -= repay
    paid: uint256 = convert(new_balance - old_balance, uint256)
    log AbsorbDebt(absorber=absorber, borrower=account, basePaidOut=paid,
                   usdValue=self._mul_price(paid, base_price, baseScale))
    if new_principal > 0:
        log Transfer(sender=empty(address), to=account,
                     amount=self._pv_supply(self.baseSupplyIndex, convert(new_principal, uint256)))


@external
def absorb(absorber: address, accounts: DynArray[address, 256]):
    """@notice Absorb underwater accounts onto the protocol balance sheet (reverts NotLiquidatable otherwise)."""
    if self._paused(PAUSE_ABSORB):
        self._fail("Paused()")
    start_gas: uint256 = msg.gas
    self._accrue()
    for account: address in accounts:
        self._absorb_one(absorber, account)
    used: uint256 = start_gas - msg.gas
    points: LiquidatorPoints = self.liquidatorPoints[absorber]
    points.numAbsorbs += 1
    points.numAbsorbed += convert(len(accounts), uint64)
    points.approxSpend += convert(used * block.basefee, uint128)
    self.liquidatorPoints[absorber] = points


@internal
@view
def _reserves() -> int256:
    s: uint64 = 0
    b: uint64 = 0
    s, b = self._accrued_indices(self._elapsed())
    balance: uint256 = staticcall IERC20(baseToken).balanceOf(self)
    supply: uint256 = self._pv_supply(s, convert(self.totalSupplyBase, uint256))
    borrow: uint256 = self._pv_borrow(b, convert(self.totalBorrowBase, uint256))
    return convert(balance, int256) - convert(supply, int256) + convert(borrow, int256)


@internal
@view
def _collateral_reserves(asset: address) -> uint256:
    return staticcall IERC20(asset).balanceOf(self) - convert(self.totalsCollateral[asset].totalSupplyAsset, uint256)


@internal
@view
def _quote(asset: address, base_amount: uint256) -> uint256:
    a: AssetInfo = self._asset_info_by_address(asset)
    asset_price: uint256 = self._price(a.priceFeed)
    discount: uint256 = self._mul_factor(storeFrontPriceFactor, FACTOR_SCALE - convert(a.liquidationFactor, uint256))
    discounted: uint256 = self._mul_factor(asset_price, FACTOR_SCALE - discount)
    base_price: uint256 = self._price(baseTokenPriceFeed)
    return base_price * base_amount * convert(a.scale, uint256) // discounted // baseScale


@external
@nonreentrant
def buyCollateral(asset: address, minAmount: uint256, baseAmount: uint256, recipient: address):
    """@notice Buy absorbed collateral at the store-front discount while reserves are below target."""
    if self._paused(PAUSE_BUY):
        self._fail("Paused()")
    reserves: int256 = self._reserves()
    if reserves >= 0 and convert(reserves, uint256) >= targetReserves:
        self._fail("NotForSale()")
    paid: uint256 = self._transfer_in(baseToken, msg.sender, baseAmount)
    amount: uint256 = self._quote(asset, paid)
    if amount < minAmount:
        self._fail("TooMuchSlippage()")
    if amount > self._collateral_reserves(asset):
        self._fail("InsufficientReserves()")
    self._transfer_out(asset, recipient, convert(convert(amount, uint128), uint256))
    log BuyCollateral(buyer=msg.sender, asset=asset, baseAmount=paid, collateralAmount=amount)


@external
def withdrawReserves(to: address, amount: uint256):
    """@notice Governor only."""
    if msg.sender != governor:
        self._fail("Unauthorized()")
    reserves: int256 = self._reserves()
    if reserves < 0 or amount > convert(reserves, uint256):
        self._fail("InsufficientReserves()")
    self._transfer_out(baseToken, to, amount)
    log WithdrawReserves(to=to, amount=amount)


@external
def pause(supplyPaused: bool, transferPaused: bool, withdrawPaused: bool, absorbPaused: bool, buyPaused: bool):
    """@notice Governor or pause guardian."""
    if msg.sender != governor and msg.sender != pauseGuardian:
        self._fail("Unauthorized()")
    f: uint256 = 0
    if supplyPaused:
        f |= 1
    if transferPaused:
        f |= 2
    if withdrawPaused:
        f |= 4
    if absorbPaused:
        f |= 8
    if buyPaused:
        f |= 16
    self.pauseFlags = convert(f, uint8)
    log PauseAction(supplyPaused=supplyPaused, transferPaused=transferPaused, withdrawPaused=withdrawPaused,
                    absorbPaused=absorbPaused, buyPaused=buyPaused)


# ------------------------------------------------------------------ views


@external
@view
def getAssetInfo(i: uint8) -> AssetInfo:
    return self._asset_info(i)


@external
@view
def getAssetInfoByAddress(asset: address) -> AssetInfo:
    return self._asset_info_by_address(asset)


@external
@view
def getPrice(priceFeed: address) -> uint256:
    return self._price(priceFeed)


@external
@view
def getUtilization() -> uint256:
    return self._utilization()


@external
@view
def getSupplyRate(utilization: uint256) -> uint64:
    return self._supply_rate(utilization)


@external
@view
def getBorrowRate(utilization: uint256) -> uint64:
    return self._borrow_rate(utilization)


@external
@view
def getReserves() -> int256:
    return self._reserves()


@external
@view
def getCollateralReserves(asset: address) -> uint256:
    return self._collateral_reserves(asset)


@external
@view
def isBorrowCollateralized(account: address) -> bool:
    return self._is_borrow_collateralized(account)


@external
@view
def isLiquidatable(account: address) -> bool:
    return self._is_liquidatable(account)


@external
@view
def quoteCollateral(asset: address, baseAmount: uint256) -> uint256:
    return self._quote(asset, baseAmount)


@external
@view
def totalSupply() -> uint256:
    s: uint64 = 0
    b: uint64 = 0
    s, b = self._accrued_indices(self._elapsed())
    return self._pv_supply(s, convert(self.totalSupplyBase, uint256))


@external
@view
def totalBorrow() -> uint256:
    s: uint64 = 0
    b: uint64 = 0
    s, b = self._accrued_indices(self._elapsed())
    return self._pv_borrow(b, convert(self.totalBorrowBase, uint256))


@external
@view
def balanceOf(account: address) -> uint256:
    return self._balance_of(account)


@external
@view
def borrowBalanceOf(account: address) -> uint256:
    return self._borrow_balance_of(account)


@external
@view
def collateralBalanceOf(account: address, asset: address) -> uint128:
    return self.userCollateral[account][asset].balance


@external
@view
def totalsBasic() -> TotalsBasic:
    return TotalsBasic(
        baseSupplyIndex=self.baseSupplyIndex, baseBorrowIndex=self.baseBorrowIndex,
        trackingSupplyIndex=self.trackingSupplyIndex, trackingBorrowIndex=self.trackingBorrowIndex,
        totalSupplyBase=self.totalSupplyBase, totalBorrowBase=self.totalBorrowBase,
        lastAccrualTime=self.lastAccrualTime, pauseFlags=self.pauseFlags)


@external
@view
def isSupplyPaused() -> bool:
    return self._paused(PAUSE_SUPPLY)


@external
@view
def isWithdrawPaused() -> bool:
    return self._paused(PAUSE_WITHDRAW)


@external
@view
def isAbsorbPaused() -> bool:
    return self._paused(PAUSE_ABSORB)


@external
@view
def isBuyPaused() -> bool:
    return self._paused(PAUSE_BUY)


@external
@view
def isTransferPaused() -> bool:
    return self._paused(PAUSE_TRANSFER)


@external
@view
def decimals() -> uint8:
    """Comet's ERC-20 face: the base token's decimals."""
    return BASE_DECIMALS
