import Chain
import Primitives

/// Reads a Comet (Compound III) market and accounts in batches at one pinned block. Each round is split into the
/// calls to make (`…Calls`) and a pure decoder of their outcomes, so the decoding is testable from ABI-encoded
/// replies (no Comet bytecode runs on the devnet).
public struct CometReader: Sendable {
    /// The pinned view.
    public var view: PinnedView
    /// The aggregator.
    public var multicall: Multicall
    /// The Comet proxy.
    public var comet: Address

    /// A reader of `comet`.
    public init(view: PinnedView, multicall: Multicall, comet: Address) {
        self.view = view
        self.multicall = multicall
        self.comet = comet
    }

    static func fn(_ name: String, _ inputs: [ABIType], _ outputs: [ABIType]) -> ABIFunction {
        ABIFunction(
            name: name, inputs: inputs.map { CometCalls.p($0) }, outputs: outputs.map { CometCalls.p($0) },
            stateMutability: "view")
    }

    /// `numAssets()` → uint8.
    public static let numAssets = fn("numAssets", [], [.uint(8)])
    /// `baseScale()` → uint256.
    public static let baseScale = fn("baseScale", [], [.uint256])
    /// `baseTokenPriceFeed()` → address.
    public static let baseTokenPriceFeed = fn("baseTokenPriceFeed", [], [.address])
    /// `totalsBasic()` → TotalsBasic (indices, totals, lastAccrualTime, pauseFlags).
    public static let totalsBasic = fn(
        "totalsBasic", [],
        [.tuple([.uint(64), .uint(64), .uint(64), .uint(64), .uint(104), .uint(104), .uint(40), .uint(8)])])
    /// `getUtilization()` → uint256.
    public static let getUtilization = fn("getUtilization", [], [.uint256])
    /// `getSupplyRate(uint256)` → uint64 per second, 1e18.
    public static let getSupplyRate = fn("getSupplyRate", [.uint256], [.uint(64)])
    /// `getBorrowRate(uint256)` → uint64 per second, 1e18.
    public static let getBorrowRate = fn("getBorrowRate", [.uint256], [.uint(64)])
    /// `getAssetInfo(uint8)` → AssetInfo.
    public static let getAssetInfo = fn(
        "getAssetInfo", [.uint(8)],
        [.tuple([.uint(8), .address, .address, .uint(64), .uint(64), .uint(64), .uint(64), .uint(128)])])
    /// `getPrice(address)` → uint256 (8 decimals).
    public static let getPrice = fn("getPrice", [.address], [.uint256])

    static func c(_ target: Address, _ f: ABIFunction, _ args: [ABIValue] = []) -> Call3 {
        Call3(target: target, callData: (try? f.encodeCall(args)) ?? [])
    }

    static func out(_ f: ABIFunction, _ o: CallOutcome) throws(CometError) -> [ABIValue] {
        guard case .success(let d) = o else { throw .malformed("\(f.name) reverted") }
        return try CometCalls.decode(f, d)
    }

    static func uint(_ f: ABIFunction, _ o: CallOutcome) throws(CometError) -> U256 {
        guard let v = try out(f, o).first?.uintValue else { throw .malformed(f.name) }
        return v
    }

    /// Round 1: the scalar state of the market.
    public static func headerCalls(_ comet: Address) -> [Call3] {
        [
            c(comet, numAssets), c(comet, baseScale), c(comet, baseTokenPriceFeed), c(comet, totalsBasic),
            c(comet, CometCalls.storeFrontPriceFactor), c(comet, CometCalls.targetReserves),
            c(comet, CometCalls.getReserves), c(comet, getUtilization),
        ]
    }

    /// Round 1 decoded.
    public struct Header: Sendable, Equatable {
        /// Listed collateral count.
        public var numAssets: Int
        /// `baseScale`.
        public var baseScale: U256
        /// The base price feed.
        public var baseFeed: Address
        /// Stored supply index.
        public var baseSupplyIndex: U256
        /// Stored borrow index.
        public var baseBorrowIndex: U256
        /// Last accrual, seconds.
        public var lastAccrualTime: U256
        /// `storeFrontPriceFactor`.
        public var storeFrontPriceFactor: U256
        /// `targetReserves`.
        public var targetReserves: U256
        /// `getReserves`.
        public var reserves: I256
        /// `getUtilization`.
        public var utilization: U256
    }

    /// Decodes round 1.
    public static func decodeHeader(_ o: [CallOutcome]) throws(CometError) -> Header {
        guard o.count == 8 else { throw .malformed("comet header: \(o.count) replies") }
        guard let n = try uint(numAssets, o[0]).uint64, n <= 15 else { throw .malformed("numAssets") }
        guard let feed = try out(baseTokenPriceFeed, o[2]).first?.addressValue else {
            throw .malformed("baseTokenPriceFeed")
        }
        guard let t = try out(totalsBasic, o[3]).first?.elements, t.count == 8, let si = t[0].uintValue,
            let bi = t[1].uintValue, let last = t[6].uintValue
        else { throw .malformed("totalsBasic") }
        guard case .success(let rd) = o[6] else { throw .malformed("getReserves reverted") }
        return Header(
            numAssets: Int(n), baseScale: try uint(baseScale, o[1]), baseFeed: feed, baseSupplyIndex: si,
            baseBorrowIndex: bi, lastAccrualTime: last,
            storeFrontPriceFactor: try uint(CometCalls.storeFrontPriceFactor, o[4]),
            targetReserves: try uint(CometCalls.targetReserves, o[5]), reserves: try CometCalls.decodeReserves(rd),
            utilization: try uint(getUtilization, o[7]))
    }

    /// Round 2: asset infos, the base price and the current rates.
    public static func assetCalls(_ comet: Address, header h: Header) -> [Call3] {
        (0..<h.numAssets).map { c(comet, getAssetInfo, [.uint(U256(UInt64($0)))]) } + [
            c(comet, getPrice, [.address(h.baseFeed)]), c(comet, getSupplyRate, [.uint(h.utilization)]),
            c(comet, getBorrowRate, [.uint(h.utilization)]),
        ]
    }

    /// Round 3: each asset's price and collateral reserves (needs round 2's feeds).
    public static func priceCalls(_ comet: Address, infos: [CometAsset]) -> [Call3] {
        infos.flatMap { [c(comet, getPrice, [.address($0.priceFeed)]), c(comet, CometCalls.getCollateralReserves, [.address($0.asset)])] }
    }

    /// The market from the three rounds, indices accrued to `timestamp` as `accruedInterestIndices` does:
    /// `index += mulFactor(index, rate * elapsed)`.
    public static func decodeMarket(
        header h: Header, assets o2: [CallOutcome], prices o3: [CallOutcome], timestamp: UInt64
    ) throws(CometError) -> CometMarket {
        guard o2.count == h.numAssets + 3, o3.count == 2 * h.numAssets else { throw .malformed("comet reply count") }
        var infos: [CometAsset] = []
        for i in 0..<h.numAssets {
            guard case .success(let d) = o2[i] else { throw .malformed("getAssetInfo(\(i)) reverted") }
            // Same tuple as getAssetInfoByAddress.
            infos.append(try CometCalls.decodeAssetInfo(d, price: .zero))
        }
        let basePrice = try uint(getPrice, o2[h.numAssets])
        let supplyRate = try uint(getSupplyRate, o2[h.numAssets + 1])
        let borrowRate = try uint(getBorrowRate, o2[h.numAssets + 2])
        var reservesByAsset: [Address: U256] = [:]
        for i in infos.indices {
            infos[i].price = try uint(getPrice, o3[2 * i])
            reservesByAsset[infos[i].asset] = try uint(CometCalls.getCollateralReserves, o3[2 * i + 1])
            if infos[i].price.isZero { throw .badPrice }
        }
        if basePrice.isZero { throw .badPrice }
        let now = U256(timestamp)
        let elapsed = now > h.lastAccrualTime ? now - h.lastAccrualTime : .zero
        func accrue(_ index: U256, _ rate: U256) throws(CometError) -> U256 {
            if elapsed.isZero { return index }
            return index + (try CometMath.mulFactor(index, try CometMath.mul(rate, elapsed, "rate * elapsed")))
        }
        return CometMarket(
            baseScale: h.baseScale, basePrice: basePrice, baseSupplyIndex: try accrue(h.baseSupplyIndex, supplyRate),
            baseBorrowIndex: try accrue(h.baseBorrowIndex, borrowRate), storeFrontPriceFactor: h.storeFrontPriceFactor,
            targetReserves: h.targetReserves, reserves: h.reserves, assets: infos, collateralReserves: reservesByAsset)
    }

    /// Per account: `isLiquidatable`, `userBasic`, then `collateralBalanceOf` for each listed asset.
    public static func accountCalls(_ comet: Address, accounts: [Address], assets: [CometAsset]) -> [Call3] {
        accounts.flatMap { a in
            [c(comet, CometCalls.isLiquidatable, [.address(a)]), c(comet, CometCalls.userBasic, [.address(a)])]
                + assets.map { c(comet, CometCalls.collateralBalanceOf, [.address(a), .address($0.asset)]) }
        }
    }

    /// Decodes `accountCalls`: each account with the pool's own `isLiquidatable` answer.
    public static func decodeAccounts(_ o: [CallOutcome], accounts: [Address], assets: [CometAsset])
        throws(CometError) -> [(account: CometAccount, isLiquidatable: Bool)]
    {
        let per = 2 + assets.count
        guard o.count == per * accounts.count else { throw .malformed("comet account reply count") }
        var result: [(CometAccount, Bool)] = []
        for i in accounts.indices {
            let base = i * per
            guard let liq = try out(CometCalls.isLiquidatable, o[base]).first?.boolValue else {
                throw .malformed("isLiquidatable")
            }
            guard case .success(let ub) = o[base + 1] else { throw .malformed("userBasic reverted") }
            let (principal, assetsIn) = try CometCalls.decodeUserBasic(ub)
            var collateral: [Address: U256] = [:]
            for (j, a) in assets.enumerated() {
                collateral[a.asset] = try uint(CometCalls.collateralBalanceOf, o[base + 2 + j])
            }
            result.append((CometAccount(principal: principal, assetsIn: assetsIn, collateral: collateral), liq))
        }
        return result
    }

    func run(_ calls: [Call3]) async throws(RPCError) -> [CallOutcome] {
        try await view.multicall(calls, using: multicall)
    }

    /// The market at the pinned block (three batched rounds).
    public func readMarket() async throws -> CometMarket {
        let h = try Self.decodeHeader(try await run(Self.headerCalls(comet)))
        let o2 = try await run(Self.assetCalls(comet, header: h))
        var infos: [CometAsset] = []
        for i in 0..<h.numAssets {
            guard case .success(let d) = o2[i] else { throw CometError.malformed("getAssetInfo reverted") }
            infos.append(try CometCalls.decodeAssetInfo(d, price: .zero))
        }
        let o3 = try await run(Self.priceCalls(comet, infos: infos))
        return try Self.decodeMarket(header: h, assets: o2, prices: o3, timestamp: view.block.timestamp)
    }

    /// Accounts at the pinned block, batched.
    public func readAccounts(_ accounts: [Address], market: CometMarket) async throws
        -> [(account: CometAccount, isLiquidatable: Bool)]
    {
        try Self.decodeAccounts(
            try await run(Self.accountCalls(comet, accounts: accounts, assets: market.assets)), accounts: accounts,
            assets: market.assets)
    }
}
