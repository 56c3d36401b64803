import Chain
import Primitives

/// Everything a liquidation sweep needs from one Aave V3 deployment, read at one pinned block.
public struct AaveDeploymentState: Sendable {
    /// The pinned block the values come from.
    public var block: BlockHeader
    /// The rules applied: the version the pool's bytecode answers as (config only when nothing is listed).
    public var version: AaveVersion
    /// `protocols.aave_v3.version`, if set.
    public var configuredVersion: AaveVersion?
    /// The version the probes found.
    public var detectedVersion: AaveVersion?
    /// Reserves, prices and indexes, evaluated at the block's timestamp.
    public var market: AaveMarket
    /// `getReserveData` of each reserve (token addresses, for the per-user balance reads).
    public var reserveData: [Address: AavePool.ReserveData]
    /// `FLASHLOAN_PREMIUM_TOTAL()`, basis points.
    public var flashLoanPremiumTotal: U256
    /// `FLASHLOAN_PREMIUM_TO_PROTOCOL()`, basis points of the premium.
    public var flashLoanPremiumToProtocol: U256
}

/// A borrower as read from the pool: the reconstructed position and the pool's own account data.
public struct AaveBorrowerState: Sendable, Hashable {
    /// The position (scaled balances per reserve, collateral flags, eMode).
    public var position: AaveUserPosition
    /// `getUserAccountData(user)` as the pool answers it at the pinned block.
    public var accountData: AaveAccountData
}

/// Why an Aave read failed.
public enum AaveReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The node failed or refused.
    case rpc(RPCError)
    /// A call reverted that must not.
    case reverted(call: String, reason: String)
    /// A reply did not decode.
    case malformed(AaveError)
    /// The configured version is not one this build knows.
    case unknownVersion(String)

    /// One lower-case line.
    public var description: String {
        switch self {
        case .rpc(let e): return "aave read: \(e)"
        case .reverted(let c, let r): return "aave read: \(c) reverted: \(r)"
        case .malformed(let e): return "aave read: \(e)"
        case .unknownVersion(let v): return "aave version '\(v)' is not one of 3.0, 3.1, 3.2, 3.3"
        }
    }
}

/// Reads an Aave V3 pool through Multicall3 at one pinned block: reserves, oracle prices, flash premium, version
/// evidence, then borrowers' positions and account data in batches (never one `eth_call` per user).
public struct AaveReader: Sendable {
    /// The pinned view every read goes through.
    public var view: PinnedView
    /// The batching aggregator.
    public var multicall: Multicall
    /// The Pool proxy.
    public var pool: Address
    /// The AaveOracle.
    public var oracle: Address

    /// A reader of `pool` priced by `oracle`.
    public init(view: PinnedView, multicall: Multicall, pool: Address, oracle: Address) {
        self.view = view
        self.multicall = multicall
        self.pool = pool
        self.oracle = oracle
    }

    static func fn(_ name: String, _ inputs: [ABIType], _ outputs: [ABIType]) -> ABIFunction {
        ABIFunction(
            name: name, inputs: inputs.map { AaveABI.p($0) }, outputs: outputs.map { AaveABI.p($0) },
            stateMutability: "view")
    }

    /// `getReservesList()` (0xd1946dbc).
    static let getReservesList = fn("getReservesList", [], [.array(.address)])
    /// `getReserveDeficit(address)` — exists from 3.3.
    static let getReserveDeficit = fn("getReserveDeficit", [.address], [.uint256])
    /// `getEModeCategoryCollateralBitmap(uint8)` — exists from 3.2.
    static let getEModeCategoryCollateralBitmap = fn("getEModeCategoryCollateralBitmap", [.uint(8)], [.uint(128)])
    /// `getEModeCategoryCollateralConfig(uint8)` → (ltv, lt, bonus) — 3.2+.
    static let getEModeCategoryCollateralConfig = fn(
        "getEModeCategoryCollateralConfig", [.uint(8)], [.tuple([.uint(16), .uint(16), .uint(16)])])
    /// `getEModeCategoryData(uint8)` → (ltv, lt, bonus, priceSource, label) — 3.0–3.1.
    static let getEModeCategoryData = fn(
        "getEModeCategoryData", [.uint(8)], [.tuple([.uint(16), .uint(16), .uint(16), .address, .string])])
    /// `getLiquidationGracePeriod(address)` — exists from 3.1.
    static let getLiquidationGracePeriod = fn("getLiquidationGracePeriod", [.address], [.uint(40)])
    /// `getUserConfiguration(address)` → ((uint256)).
    static let getUserConfiguration = fn("getUserConfiguration", [.address], [.tuple([.uint256])])
    /// `getUserEMode(address)`.
    static let getUserEMode = fn("getUserEMode", [.address], [.uint256])
    /// `scaledBalanceOf(address)` of aTokens and variable debt tokens.
    static let scaledBalanceOf = fn("scaledBalanceOf", [.address], [.uint256])
    /// `balanceOf(address)`.
    static let balanceOf = fn("balanceOf", [.address], [.uint256])

    func call(_ target: Address, _ f: ABIFunction, _ args: [ABIValue]) -> Call3 {
        // Encoding static arguments of fixed types cannot fail.
        Call3(target: target, callData: (try? f.encodeCall(args)) ?? [])
    }

    func run(_ calls: [Call3]) async throws(AaveReadError) -> [CallOutcome] {
        do { return try await view.multicall(calls, using: multicall) } catch { throw .rpc(error) }
    }

    static func data(_ o: CallOutcome, _ what: String) throws(AaveReadError) -> [UInt8] {
        switch o {
        case .success(let d): return d
        case .revert(let r, _): throw .reverted(call: what, reason: "\(r)")
        }
    }

    static func decode(_ f: ABIFunction, _ o: CallOutcome) throws(AaveReadError) -> [ABIValue] {
        let d = try data(o, f.name)
        do { return try AaveABI.decode(f, d) } catch { throw .malformed(error) }
    }

    /// The version the pool's bytecode answers to: `getReserveDeficit` (3.3), `getEModeCategoryCollateralBitmap`
    /// (3.2), `getLiquidationGracePeriod` (3.1), else 3.0. A probe counts only when it returns well-formed data.
    public func detectVersion(anyReserve: Address) async throws(AaveReadError) -> AaveVersion {
        let probes = [
            call(pool, Self.getReserveDeficit, [.address(anyReserve)]),
            call(pool, Self.getEModeCategoryCollateralBitmap, [.uint(.zero)]),
            call(pool, Self.getLiquidationGracePeriod, [.address(anyReserve)]),
        ]
        let out = try await run(probes)
        return Self.version(fromProbes: out)
    }

    /// The version from the three probe outcomes (3.3, 3.2, 3.1 functions in that order).
    public static func version(fromProbes out: [CallOutcome]) -> AaveVersion {
        func answers(_ i: Int) -> Bool {
            guard i < out.count, case .success(let d) = out[i] else { return false }
            return d.count == 32
        }
        if answers(0) { return .v3_3 }
        if answers(1) { return .v3_2 }
        if answers(2) { return .v3_1 }
        return .v3_0
    }

    /// Reserves, prices, flash premium and the version (`configured` wins; nil detects it on chain).
    public func readDeployment(configuredVersion: String?) async throws(AaveReadError) -> AaveDeploymentState {
        let head = try Self.decode(Self.getReservesList, try await run([call(pool, Self.getReservesList, [])])[0])
        guard let items = head.first?.elements else { throw .malformed(.malformed("getReservesList")) }
        var assets: [Address] = []
        for (i, item) in items.enumerated() {
            guard let a = item.addressValue else { throw .malformed(.malformed("getReservesList[\(i)]")) }
            assets.append(a)
        }
        // The bytecode's answers are the evidence; a configured version that the pool contradicts is reported and
        // overridden (the devnet's pool, labelled 3.3, answers as 3.1: no getReserveDeficit, no eMode bitmaps).
        var version: AaveVersion = .v3_3
        var configured: AaveVersion?
        if let configuredVersion {
            guard let v = AaveVersion(rawValue: configuredVersion) else { throw .unknownVersion(configuredVersion) }
            configured = v
            version = v
        }
        var detected: AaveVersion?
        if let first = assets.first {
            let d = try await detectVersion(anyReserve: first)
            detected = d
            version = d
        }
        var calls: [Call3] = [
            Call3(target: oracle, callData: (try? AaveOracle.GetAssetsPrices(assets: assets).encode()) ?? []),
            Call3(target: pool, callData: (try? AavePool.FlashLoanPremiumTotal().encode()) ?? []),
            Call3(target: pool, callData: (try? AavePool.FlashLoanPremiumToProtocol().encode()) ?? []),
        ]
        for a in assets {
            calls.append(Call3(target: pool, callData: (try? AavePool.GetReserveData(asset: a).encode()) ?? []))
            if version.hasGracePeriod { calls.append(call(pool, Self.getLiquidationGracePeriod, [.address(a)])) }
        }
        let out = try await run(calls)
        let prices: [U256]
        let premiumTotal: U256
        let premiumToProtocol: U256
        do {
            prices = try AaveOracle.GetAssetsPrices.decode(try Self.data(out[0], "getAssetsPrices"))
            premiumTotal = try AavePool.FlashLoanPremiumTotal.decode(try Self.data(out[1], "FLASHLOAN_PREMIUM_TOTAL"))
            premiumToProtocol = try AavePool.FlashLoanPremiumToProtocol.decode(
                try Self.data(out[2], "FLASHLOAN_PREMIUM_TO_PROTOCOL"))
        } catch let e as AaveError {
            throw .malformed(e)
        } catch let e as AaveReadError {
            throw e
        } catch {
            throw .malformed(.malformed("\(error)"))
        }
        guard prices.count == assets.count else { throw .malformed(.malformed("getAssetsPrices length")) }
        var reserves: [AaveReserve] = []
        var data: [Address: AavePool.ReserveData] = [:]
        var k = 3
        for (i, a) in assets.enumerated() {
            let d: AavePool.ReserveData
            do { d = try AavePool.GetReserveData.decode(try Self.data(out[k], "getReserveData")) } catch let e
                as AaveError
            {
                throw .malformed(e)
            } catch let e as AaveReadError { throw e } catch { throw .malformed(.malformed("\(error)")) }
            k += 1
            var grace: UInt64 = 0
            if version.hasGracePeriod {
                let v = try Self.decode(Self.getLiquidationGracePeriod, out[k])
                k += 1
                do { grace = try AaveABI.uint64(v, 0, "liquidationGracePeriodUntil") } catch { throw .malformed(error) }
            }
            data[a] = d
            reserves.append(AaveReserve(asset: a, price: prices[i], reserveData: d, liquidationGracePeriodUntil: grace))
        }
        return AaveDeploymentState(
            block: view.block, version: version, configuredVersion: configured, detectedVersion: detected,
            market: AaveMarket(reserves: reserves, timestamp: view.block.timestamp), reserveData: data,
            flashLoanPremiumTotal: premiumTotal, flashLoanPremiumToProtocol: premiumToProtocol)
    }

    /// `getUserAccountData` of every user, batched: the pool's own health factors at the pinned block.
    public func accountData(of users: [Address]) async throws(AaveReadError) -> [AaveAccountData] {
        let out = try await run(users.map { u in
            Call3(target: pool, callData: (try? AavePool.GetUserAccountData(user: u).encode()) ?? [])
        })
        var result: [AaveAccountData] = []
        result.reserveCapacity(users.count)
        for o in out {
            do { result.append(try AavePool.GetUserAccountData.decode(try Self.data(o, "getUserAccountData"))) } catch
                let e as AaveError
            {
                throw .malformed(e)
            } catch let e as AaveReadError { throw e } catch { throw .malformed(.malformed("\(error)")) }
        }
        return result
    }

    /// Each user's per-reserve scaled balances, collateral flags and eMode, plus the pool's account data, all in
    /// one batched read (calls per user: 3 + 2 per reserve, + 1 per reserve with stable debt before 3.2).
    public func borrowers(_ users: [Address], state: AaveDeploymentState) async throws(AaveReadError)
        -> [AaveBorrowerState]
    {
        let assets = state.market.reserves.values.sorted { $0.id < $1.id }.map(\.asset)
        let perUser = 3 + assets.count * (state.version.hasStableDebt ? 3 : 2)
        var calls: [Call3] = []
        calls.reserveCapacity(users.count * perUser)
        for u in users {
            calls.append(Call3(target: pool, callData: (try? AavePool.GetUserAccountData(user: u).encode()) ?? []))
            calls.append(call(pool, Self.getUserConfiguration, [.address(u)]))
            calls.append(call(pool, Self.getUserEMode, [.address(u)]))
            for a in assets {
                guard let d = state.reserveData[a] else { continue }
                calls.append(call(d.aTokenAddress, Self.scaledBalanceOf, [.address(u)]))
                calls.append(call(d.variableDebtTokenAddress, Self.scaledBalanceOf, [.address(u)]))
                if state.version.hasStableDebt {
                    calls.append(call(d.stableDebtTokenAddress, Self.balanceOf, [.address(u)]))
                }
            }
        }
        let out = try await run(calls)
        var eModeIDs = Set<UInt8>()
        var raw: [(Address, AaveAccountData, U256, UInt8, [AaveUserReserve])] = []
        var k = 0
        func uint(_ f: ABIFunction, _ o: CallOutcome) throws(AaveReadError) -> U256 {
            let v = try Self.decode(f, o)
            do { return try AaveABI.uint(v, 0, f.name) } catch { throw .malformed(error) }
        }
        for u in users {
            let account: AaveAccountData
            do { account = try AavePool.GetUserAccountData.decode(try Self.data(out[k], "getUserAccountData")) } catch
                let e as AaveError
            {
                throw .malformed(e)
            } catch let e as AaveReadError { throw e } catch { throw .malformed(.malformed("\(error)")) }
            let cfgV = try Self.decode(Self.getUserConfiguration, out[k + 1])
            guard let cfg = cfgV.first?.elements?.first?.uintValue else {
                throw .malformed(.malformed("getUserConfiguration"))
            }
            let eMode = try uint(Self.getUserEMode, out[k + 2])
            guard let eModeID = eMode.uint64.flatMap(UInt8.init(exactly:)) else {
                throw .malformed(.malformed("getUserEMode"))
            }
            if eModeID != 0 { eModeIDs.insert(eModeID) }
            k += 3
            var reserves: [AaveUserReserve] = []
            for a in assets {
                guard let r = state.market.reserves[a] else { continue }
                let sa = try uint(Self.scaledBalanceOf, out[k])
                let sv = try uint(Self.scaledBalanceOf, out[k + 1])
                k += 2
                var stable = U256.zero
                if state.version.hasStableDebt {
                    stable = try uint(Self.balanceOf, out[k])
                    k += 1
                }
                let collateralBit = cfg.bit(Int(r.id) * 2 + 1)
                if sa.isZero && sv.isZero && stable.isZero && !collateralBit { continue }
                reserves.append(
                    AaveUserReserve(
                        asset: a, scaledATokenBalance: sa, usageAsCollateralEnabled: collateralBit,
                        scaledVariableDebt: sv, stableDebt: stable))
            }
            raw.append((u, account, cfg, eModeID, reserves))
        }
        let categories = try await eModeCategories(eModeIDs, state: state)
        return raw.map { u, account, _, id, reserves in
            AaveBorrowerState(
                position: AaveUserPosition(user: u, reserves: reserves, eMode: id == 0 ? nil : categories[id]),
                accountData: account)
        }
    }

    /// eMode categories by id: 3.2+ collateral config and bitmap; 3.0–3.1 category data and reserve membership.
    func eModeCategories(_ ids: Set<UInt8>, state: AaveDeploymentState) async throws(AaveReadError)
        -> [UInt8: AaveEModeCategory]
    {
        if ids.isEmpty { return [:] }
        let sorted = ids.sorted()
        let modern = state.version >= .v3_2
        var calls: [Call3] = []
        for id in sorted {
            let arg = ABIValue.uint(U256(UInt64(id)))
            if modern {
                calls.append(call(pool, Self.getEModeCategoryCollateralConfig, [arg]))
                calls.append(call(pool, Self.getEModeCategoryCollateralBitmap, [arg]))
            } else {
                calls.append(call(pool, Self.getEModeCategoryData, [arg]))
            }
        }
        let out = try await run(calls)
        var result: [UInt8: AaveEModeCategory] = [:]
        var k = 0
        for id in sorted {
            let f = modern ? Self.getEModeCategoryCollateralConfig : Self.getEModeCategoryData
            guard let t = try Self.decode(f, out[k]).first?.elements, t.count >= 3,
                let ltv = t[0].uintValue?.uint64, let lt = t[1].uintValue?.uint64, let bonus = t[2].uintValue?.uint64
            else { throw .malformed(.malformed("eMode category \(id)")) }
            k += 1
            var members = Set<Address>()
            if modern {
                guard let bitmap = try Self.decode(Self.getEModeCategoryCollateralBitmap, out[k]).first?.uintValue else {
                    throw .malformed(.malformed("eMode bitmap \(id)"))
                }
                k += 1
                for r in state.market.reserves.values where bitmap.bit(Int(r.id)) { members.insert(r.asset) }
            } else {
                for r in state.market.reserves.values where r.configuration.eModeCategory == id {
                    members.insert(r.asset)
                }
            }
            result[id] = AaveEModeCategory(
                id: id, ltv: UInt16(truncatingIfNeeded: ltv), liquidationThreshold: UInt16(truncatingIfNeeded: lt),
                liquidationBonus: UInt16(truncatingIfNeeded: bonus), collateralAssets: members)
        }
        return result
    }
}

extension AaveReader {
    /// `getUserAccountData` with one `eth_call` per user, in sequence (the benchmark's peer of `accountData(of:)`).
    public func accountDataOneCallEach(_ users: [Address]) async throws(AaveReadError) -> [AaveAccountData] {
        var out: [AaveAccountData] = []
        for u in users {
            let data = (try? AavePool.GetUserAccountData(user: u).encode()) ?? []
            let o: CallOutcome
            do { o = try await view.call(CallRequest(to: pool, data: data)) } catch { throw .rpc(error) }
            do { out.append(try AavePool.GetUserAccountData.decode(try Self.data(o, "getUserAccountData"))) } catch
                let e as AaveError
            {
                throw .malformed(e)
            } catch let e as AaveReadError { throw e } catch { throw .malformed(.malformed("\(error)")) }
        }
        return out
    }
}
