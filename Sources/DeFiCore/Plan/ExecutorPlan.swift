// The plan the on-chain executor (contracts/strategies/FlashLoans.vy) runs: a flash source, a profit check and
// a strategy payload, ABI-encoded exactly as contracts/README.md ("The plan") specifies. Strategies build these
// values; execution engines encode, simulate and send them. Pure values, no I/O.
import Primitives

/// Where the executor gets the working capital for one run (`Flash.kind` in the contract).
public enum FlashKind: UInt8, Sendable, Equatable, CaseIterable, Codable {
    /// The executor's own balance (no loan).
    case none = 0
    /// Aave V3 `flashLoanSimple`.
    case aaveSimple = 1
    /// Aave V3 `flashLoan` with one asset, mode 0.
    case aaveMulti = 2
    /// Uniswap V3 pool `flash`.
    case uniswapV3 = 3
    /// Uniswap V2 flash swap (`swap` with data).
    case uniswapV2 = 4
    /// Balancer V2 Vault `flashLoan` (one token).
    case balancer = 5
    /// Any ERC-3156 lender.
    case erc3156 = 6

    /// The snake_case name used in plan files and reports.
    public var name: String {
        switch self {
        case .none: "none"
        case .aaveSimple: "aave_v3_simple"
        case .aaveMulti: "aave_v3"
        case .uniswapV3: "uniswap_v3_flash"
        case .uniswapV2: "uniswap_v2_flash_swap"
        case .balancer: "balancer_v2"
        case .erc3156: "erc3156"
        }
    }

    /// The kind named `name` (as printed by `name`).
    public init?(name: String) {
        guard let k = FlashKind.allCases.first(where: { $0.name == name }) else { return nil }
        self = k
    }
}

/// The flash part of a plan: `(uint8 kind, address lender, address asset, uint256 amount, uint256 extra)`.
public struct FlashSource: Sendable, Equatable {
    /// The source.
    public var kind: FlashKind
    /// The Aave pool, V3 pool, V2 pair, Balancer Vault or ERC-3156 lender (ignored for `.none`).
    public var lender: Address
    /// The borrowed asset (for `.none`: the token the first hop spends from the executor's balance).
    public var asset: Address
    /// The borrowed amount.
    public var amount: U256
    /// Kind-specific bit field (contracts/README.md): bit 255 = asset is token1 (kinds 3, 4); kind 4 also
    /// bits 0-159 repay token, bits 160-175 pair fee in bps.
    public var extra: U256

    /// A flash source with every field given.
    public init(kind: FlashKind, lender: Address, asset: Address, amount: U256, extra: U256 = .zero) {
        self.kind = kind
        self.lender = lender
        self.asset = asset
        self.amount = amount
        self.extra = extra
    }

    /// Bit 255 of `extra`: the borrowed asset is the pool's token1.
    public static let assetIsToken1Bit = U256.one << 255

    /// Uniswap V3 `flash` on `pool`, borrowing `amount` of `asset` (token1 of the pool when `assetIsToken1`).
    public static func uniswapV3(pool: Address, asset: Address, amount: U256, assetIsToken1: Bool) -> FlashSource {
        FlashSource(kind: .uniswapV3, lender: pool, asset: asset, amount: amount,
                    extra: assetIsToken1 ? assetIsToken1Bit : .zero)
    }

    /// Uniswap V2 flash swap on `pair`: borrow `amount` of `asset`; repay in `repayToken` (the pair's other
    /// token, priced on-chain with getAmountIn) or, when nil, in the borrowed asset itself with
    /// `ceil(amount * 10000 / (10000 - fee))`. `feeBps` is the pair's fee (30 for Uniswap V2).
    public static func uniswapV2(
        pair: Address, asset: Address, amount: U256, assetIsToken1: Bool, repayToken: Address?, feeBps: UInt16 = 30
    ) -> FlashSource {
        var extra = assetIsToken1 ? assetIsToken1Bit : U256.zero
        if let repayToken { extra = extra | (try! U256(bigEndian: repayToken.bytes)) }
        extra = extra | (U256(UInt64(feeBps)) << 160)
        return FlashSource(kind: .uniswapV2, lender: pair, asset: asset, amount: amount, extra: extra)
    }

    /// The ABI value of the `Flash` tuple.
    public var abiValue: ABIValue {
        .tuple([.uint(U256(UInt64(kind.rawValue))), .address(lender), .address(asset), .uint(amount), .uint(extra)])
    }
}

/// A hop's venue (`Hop.kind` in the contract).
public enum HopKind: UInt8, Sendable, Equatable, CaseIterable, Codable {
    /// Uniswap V2 pair: transfer in, `swap` with the output computed on-chain; `extra` = fee bps (0 -> 30).
    case uniswapV2 = 1
    /// Uniswap V3 pool `swap`, exact input; `extra` = sqrtPriceLimitX96 (0 -> none).
    case uniswapV3 = 2
    /// Curve `exchange(int128,int128,uint256,uint256)`; `extra` = i | j << 8.
    case curveInt128 = 3
    /// Curve `exchange(uint256,uint256,uint256,uint256)` (cryptoswap pools; stableswap-ng keeps int128 indices, kind 3);
    /// `extra` = i | j << 8.
    case curveUint256 = 4
    /// Balancer V2 `Vault.swap` GIVEN_IN; `pool` = the Vault, `extra` = poolId.
    case balancer = 5

    /// The snake_case name used in plan files and reports.
    public var name: String {
        switch self {
        case .uniswapV2: "uniswap_v2"
        case .uniswapV3: "uniswap_v3"
        case .curveInt128: "curve"
        case .curveUint256: "curve_ng"
        case .balancer: "balancer_v2"
        }
    }

    /// The kind named `name`.
    public init?(name: String) {
        guard let k = HopKind.allCases.first(where: { $0.name == name }) else { return nil }
        self = k
    }
}

/// One swap of a route: `(uint8 kind, address pool, address tokenIn, address tokenOut, uint256 amountIn,
/// uint256 minOut, uint256 extra)`.
public struct PlanHop: Sendable, Equatable {
    /// The venue.
    public var kind: HopKind
    /// Pair, pool, Curve pool or Balancer Vault.
    public var pool: Address
    /// Token sold.
    public var tokenIn: Address
    /// Token bought.
    public var tokenOut: Address
    /// Only the first hop may set it; 0 = everything (the loan, all seized collateral, the previous output).
    public var amountIn: U256
    /// The hop reverts (`SW: min out`) below this output.
    public var minOut: U256
    /// Kind-specific (see `HopKind`).
    public var extra: U256

    /// A hop with every field given.
    public init(kind: HopKind, pool: Address, tokenIn: Address, tokenOut: Address, amountIn: U256 = .zero,
                minOut: U256 = .zero, extra: U256 = .zero) {
        self.kind = kind
        self.pool = pool
        self.tokenIn = tokenIn
        self.tokenOut = tokenOut
        self.amountIn = amountIn
        self.minOut = minOut
        self.extra = extra
    }

    /// The ABI value of the `Hop` tuple.
    public var abiValue: ABIValue {
        .tuple([.uint(U256(UInt64(kind.rawValue))), .address(pool), .address(tokenIn), .address(tokenOut),
                .uint(amountIn), .uint(minOut), .uint(extra)])
    }
}

/// What the registered strategy does with the loan.
public enum StrategyPayload: Sendable, Equatable {
    /// Arbitrage: the route; `hops[0].tokenIn` is the flash asset.
    case arbitrage(hops: [PlanHop])
    /// Liquidator: Aave V3 `liquidationCall(collateral, debt = flash asset, user, debtToCover, false)` on
    /// `pool`, then `hops` sell the seized collateral back to the flash asset (`2**256-1` covers the maximum).
    case liquidation(pool: Address, collateral: Address, user: Address, debtToCover: U256, hops: [PlanHop])
    /// CometLiquidator: Compound III `absorb(self, accounts)` on `comet` (may be empty), then
    /// `buyCollateral(collateral, minAmount, baseAmount, self)` with the flash-borrowed base asset, then `hops` sell
    /// all bought collateral back to the flash (base) asset; unused base returns to the executor.
    case cometLiquidation(
        comet: Address, collateral: Address, minAmount: U256, baseAmount: U256, accounts: [Address], hops: [PlanHop])
    /// MakerLiquidator: Maker LIQ 2.0 `take(id, amt, max, self, "")` on `clipper` paid with the flash-borrowed DAI
    /// (joined whole through `daiJoin`), the collateral exited through `gemJoin`, then `hops` sell all of it back to
    /// DAI; leftover whole DAI is exited and returned to the executor.
    case makerTake(
        clipper: Address, daiJoin: Address, gemJoin: Address, id: U256, amt: U256, max: U256, hops: [PlanHop])

    /// The route.
    public var hops: [PlanHop] {
        switch self {
        case .arbitrage(let h): h
        case .liquidation(_, _, _, _, let h): h
        case .cometLiquidation(_, _, _, _, _, let h): h
        case .makerTake(_, _, _, _, _, _, let h): h
        }
    }

    /// The strategy name the devnet and `register-strategy` register it under by default.
    public var defaultStrategyName: String {
        switch self {
        case .arbitrage: "Arbitrage"
        case .liquidation: "Liquidator"
        case .cometLiquidation: "CometLiquidator"
        case .makerTake: "MakerLiquidator"
        }
    }
}

/// Why a plan cannot be encoded (checked before anything is simulated or sent).
public enum ExecutorPlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No hops, or more than `ExecutorPlan.maxHops`.
    case hopCount(Int)
    /// Only the first hop may set `amountIn`.
    case amountInOnLaterHop(index: Int)
    /// Consecutive hops do not chain (`hops[i].tokenOut != hops[i+1].tokenIn`).
    case brokenRoute(index: Int)
    /// Arbitrage must start with the flash asset; liquidation must sell collateral into the flash asset.
    case routeEnds(String)
    /// The first hop spends more than the loan.
    case firstHopExceedsLoan
    /// The encoded params or strategy data exceed the contract's limits (2048 / 1600 bytes).
    case tooLarge(what: String, bytes: Int, limit: Int)
    /// A flash loan of zero.
    case zeroAmount

    public var description: String {
        switch self {
        case .hopCount(let n): "a plan needs 1 to \(ExecutorPlan.maxHops) hops, got \(n)"
        case .amountInOnLaterHop(let i): "hop \(i): only the first hop may set amount_in"
        case .brokenRoute(let i): "hop \(i) does not take the previous hop's output token"
        case .routeEnds(let s): s
        case .firstHopExceedsLoan: "the first hop spends more than the flash amount"
        case .tooLarge(let what, let n, let limit): "\(what) is \(n) bytes, the executor accepts at most \(limit)"
        case .zeroAmount: "the flash amount is zero"
        }
    }
}

/// One `executeStrategy(strategyId, params)` call on the executor.
public struct ExecutorPlan: Sendable, Equatable {
    /// At most this many hops (contracts/core/Swaps.vy).
    public static let maxHops = 6
    /// `params` limit in bytes.
    public static let maxParamsBytes = 2048
    /// `strategyData` limit in bytes.
    public static let maxStrategyDataBytes = 1600
    /// `executeStrategy(bytes32,bytes)`.
    public static let executeStrategySelector: [UInt8] = [0x54, 0x89, 0x13, 0xad]

    /// The registry id (`keccak256(name)` by convention).
    public var strategyID: Hash32
    /// The capital source.
    public var flash: FlashSource
    /// The token whose executor balance must grow by `minProfit` (the gain is sent to the owner).
    public var profitToken: Address
    /// The executor reverts (`FL: profit below minimum`) below this gain.
    public var minProfit: U256
    /// The strategy's part.
    public var payload: StrategyPayload

    /// A plan with every field given.
    public init(strategyID: Hash32, flash: FlashSource, profitToken: Address, minProfit: U256,
                payload: StrategyPayload) {
        self.strategyID = strategyID
        self.flash = flash
        self.profitToken = profitToken
        self.minProfit = minProfit
        self.payload = payload
    }

    /// A plan registered under `keccak256(payload.defaultStrategyName)`.
    public init(flash: FlashSource, profitToken: Address, minProfit: U256, payload: StrategyPayload) {
        self.init(strategyID: ExecutorPlan.strategyID(named: payload.defaultStrategyName), flash: flash,
                  profitToken: profitToken, minProfit: minProfit, payload: payload)
    }

    /// `keccak256(name)`, the id convention of the devnet and `register-strategy`.
    public static func strategyID(named name: String) -> Hash32 { Keccak256.hash(utf8: name) }

    static let hopType = try! ABIType(parsing: "(uint8,address,address,address,uint256,uint256,uint256)[]")
    static let liquidatorTypes = try! [
        ABIType(parsing: "address"), ABIType(parsing: "address"), ABIType(parsing: "address"),
        ABIType(parsing: "uint256"), ABIType(parsing: "(uint8,address,address,address,uint256,uint256,uint256)[]"),
    ]
    static let cometLiquidatorTypes = try! [
        ABIType(parsing: "address"), ABIType(parsing: "address"), ABIType(parsing: "uint256"),
        ABIType(parsing: "uint256"), ABIType(parsing: "address[]"),
        ABIType(parsing: "(uint8,address,address,address,uint256,uint256,uint256)[]"),
    ]
    /// MakerLiquidator data: `(clipper, daiJoin, gemJoin, id, amt, max, Hop[])`.
    static let makerLiquidatorTypes = try! [
        ABIType(parsing: "address"), ABIType(parsing: "address"), ABIType(parsing: "address"),
        ABIType(parsing: "uint256"), ABIType(parsing: "uint256"), ABIType(parsing: "uint256"),
        ABIType(parsing: "(uint8,address,address,address,uint256,uint256,uint256)[]"),
    ]
    /// At most this many accounts absorbed per CometLiquidator run (contracts/strategies/CometLiquidator.vy).
    public static let maxCometAccounts = 5
    /// At most this many hops in a CometLiquidator route (its data bound).
    public static let maxCometHops = 5
    static let paramsTypes = try! [
        ABIType(parsing: "(uint8,address,address,uint256,uint256)"), ABIType(parsing: "address"),
        ABIType(parsing: "uint256"), ABIType(parsing: "bytes"),
    ]
    static let callTypes = try! [ABIType(parsing: "bytes32"), ABIType(parsing: "bytes")]

    /// Checks the rules the contract enforces that can be checked without the chain.
    public func validate() throws(ExecutorPlanError) {
        let hops = payload.hops
        guard (1...ExecutorPlan.maxHops).contains(hops.count) else { throw .hopCount(hops.count) }
        if flash.amount.isZero && flash.kind != .none { throw .zeroAmount }
        for i in 1..<max(hops.count, 1) where i < hops.count {
            if !hops[i].amountIn.isZero { throw .amountInOnLaterHop(index: i) }
            if hops[i].tokenIn != hops[i - 1].tokenOut { throw .brokenRoute(index: i) }
        }
        switch payload {
        case .arbitrage:
            guard hops[0].tokenIn == flash.asset else {
                throw .routeEnds("an arbitrage route must start with the flash asset")
            }
            if flash.kind != .none && hops[0].amountIn > flash.amount { throw .firstHopExceedsLoan }
        case .liquidation(_, let collateral, _, _, _):
            guard hops[0].tokenIn == collateral, hops[hops.count - 1].tokenOut == flash.asset else {
                throw .routeEnds("a liquidation route must sell the collateral for the debt (flash) asset")
            }
            guard hops[0].amountIn.isZero else {
                throw .routeEnds("a liquidation route's first hop must sell all seized collateral (amount_in 0)")
            }
        case .cometLiquidation(_, let collateral, _, let baseAmount, let accounts, _):
            guard hops[0].tokenIn == collateral, hops[hops.count - 1].tokenOut == flash.asset else {
                throw .routeEnds("a Comet liquidation route must sell the collateral for the base (flash) asset")
            }
            guard hops[0].amountIn.isZero else {
                throw .routeEnds("a Comet liquidation route's first hop must sell all bought collateral (amount_in 0)")
            }
            guard hops.count <= ExecutorPlan.maxCometHops else { throw .hopCount(hops.count) }
            guard accounts.count <= ExecutorPlan.maxCometAccounts else {
                throw .routeEnds("a Comet liquidation absorbs at most \(ExecutorPlan.maxCometAccounts) accounts")
            }
            guard !baseAmount.isZero, flash.kind == .none || baseAmount <= flash.amount else {
                throw .routeEnds("the Comet base amount must be 1...flash amount")
            }
        case .makerTake(_, _, _, _, let amt, _, _):
            guard hops[hops.count - 1].tokenOut == flash.asset else {
                throw .routeEnds("a Maker take route must sell the collateral for DAI (the flash asset)")
            }
            guard hops[0].amountIn.isZero else {
                throw .routeEnds("a Maker take route's first hop must sell all taken collateral (amount_in 0)")
            }
            guard hops.count <= ExecutorPlan.maxCometHops else { throw .hopCount(hops.count) }
            guard !amt.isZero else { throw .routeEnds("a Maker take must buy some collateral (amt > 0)") }
        }
    }

    /// `strategyData`: `abi.encode(Hop[])` or `abi.encode(pool, collateral, user, debtToCover, Hop[])`.
    public func strategyData() throws(ExecutorPlanError) -> [UInt8] {
        let hops = ABIValue.array(payload.hops.map(\.abiValue))
        let data: [UInt8]
        do {
            switch payload {
            case .arbitrage:
                data = try ABI.encode(types: [ExecutorPlan.hopType], values: [hops])
            case .liquidation(let pool, let collateral, let user, let debt, _):
                data = try ABI.encode(types: ExecutorPlan.liquidatorTypes,
                                      values: [.address(pool), .address(collateral), .address(user), .uint(debt), hops])
            case .cometLiquidation(let comet, let collateral, let minAmount, let baseAmount, let accounts, _):
                data = try ABI.encode(
                    types: ExecutorPlan.cometLiquidatorTypes,
                    values: [
                        .address(comet), .address(collateral), .uint(minAmount), .uint(baseAmount),
                        .array(accounts.map { .address($0) }), hops,
                    ])
            case .makerTake(let clipper, let daiJoin, let gemJoin, let id, let amt, let max, _):
                data = try ABI.encode(
                    types: ExecutorPlan.makerLiquidatorTypes,
                    values: [
                        .address(clipper), .address(daiJoin), .address(gemJoin), .uint(id), .uint(amt), .uint(max), hops,
                    ])
            }
        } catch { preconditionFailure("plan values always match their fixed types: \(error)") }
        guard data.count <= ExecutorPlan.maxStrategyDataBytes else {
            throw .tooLarge(what: "strategy data", bytes: data.count, limit: ExecutorPlan.maxStrategyDataBytes)
        }
        return data
    }

    /// `params = abi.encode(Flash, profitToken, minProfit, strategyData)`, validated first.
    public func params() throws(ExecutorPlanError) -> [UInt8] {
        try validate()
        let sd = try strategyData()
        let p: [UInt8]
        do {
            p = try ABI.encode(types: ExecutorPlan.paramsTypes,
                               values: [flash.abiValue, .address(profitToken), .uint(minProfit), .bytes(sd)])
        } catch { preconditionFailure("plan values always match their fixed types: \(error)") }
        guard p.count <= ExecutorPlan.maxParamsBytes else {
            throw .tooLarge(what: "params", bytes: p.count, limit: ExecutorPlan.maxParamsBytes)
        }
        return p
    }

    /// The executor calldata: `0x548913ad ‖ abi.encode(bytes32 strategyId, bytes params)`.
    public func calldata() throws(ExecutorPlanError) -> [UInt8] {
        let p = try params()
        let body: [UInt8]
        do {
            body = try ABI.encode(types: ExecutorPlan.callTypes, values: [.fixedBytes(strategyID.bytes), .bytes(p)])
        } catch { preconditionFailure("plan values always match their fixed types: \(error)") }
        return ExecutorPlan.executeStrategySelector + body
    }
}
