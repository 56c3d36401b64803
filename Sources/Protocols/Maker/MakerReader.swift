import Chain
import Primitives

/// Reads Maker LIQ 2.0 state (Dog ilk, Vat ilk, Clipper parameters with its abacus, active sales) in batches at one
/// pinned block. Calls and decoders are separate so the decoding is tested from ABI-encoded replies (no Maker
/// bytecode runs on the devnet).
public struct MakerReader: Sendable {
    /// The pinned view.
    public var view: PinnedView
    /// The aggregator.
    public var multicall: Multicall
    /// `Dog`.
    public var dog: Address
    /// `Vat`.
    public var vat: Address

    /// A reader of one Dog/Vat pair.
    public init(view: PinnedView, multicall: Multicall, dog: Address, vat: Address) {
        self.view = view
        self.multicall = multicall
        self.dog = dog
        self.vat = vat
    }

    static func fn(_ name: String, _ inputs: [ABIType] = [], _ outputs: [ABIType] = [.uint256]) -> ABIFunction {
        ABIFunction(
            name: name, inputs: inputs.map { MakerCalls.p($0) }, outputs: outputs.map { MakerCalls.p($0) },
            stateMutability: "view")
    }

    /// Dog `Hole()`, `Dirt()`; Clipper `calc()`, `buf()`, `tail()`, `cusp()`, `chip()`, `tip()`;
    /// abacus `tau()`, `step()`, `cut()`.
    static let hole = fn("Hole"), dirt = fn("Dirt"), calc = fn("calc", [], [.address]), buf = fn("buf"),
        tail = fn("tail"), cusp = fn("cusp"), chip = fn("chip"), tip = fn("tip"), tau = fn("tau"), step = fn("step"),
        cut = fn("cut")

    static func c(_ target: Address, _ f: ABIFunction, _ args: [ABIValue] = []) -> Call3 {
        Call3(target: target, callData: (try? f.encodeCall(args)) ?? [])
    }

    static func values(_ f: ABIFunction, _ o: CallOutcome) throws(MakerError) -> [ABIValue] {
        guard case .success(let d) = o else { throw .malformed("\(f.name) reverted") }
        do { return try f.decodeOutput(d) } catch { throw .malformed("\(f.name) output") }
    }

    static func uint(_ f: ABIFunction, _ o: CallOutcome) throws(MakerError) -> U256 {
        guard let v = try values(f, o).first?.uintValue else { throw .malformed(f.name) }
        return v
    }

    /// Round 1 for an ilk: Dog.ilks, Dog.Hole/Dirt, Vat.ilks.
    public static func ilkCalls(dog: Address, vat: Address, ilk: [UInt8]) -> [Call3] {
        [
            c(dog, MakerCalls.dogIlks, [.fixedBytes(ilk)]), c(dog, hole), c(dog, dirt),
            c(vat, MakerCalls.vatIlks, [.fixedBytes(ilk)]),
        ]
    }

    /// Decodes round 1: the ilk and its Clipper.
    public static func decodeIlk(_ o: [CallOutcome]) throws(MakerError) -> (ilk: MakerIlk, clipper: Address) {
        guard o.count == 4 else { throw .malformed("ilk reply count") }
        let d = try values(MakerCalls.dogIlks, o[0])
        let v = try values(MakerCalls.vatIlks, o[3])
        guard d.count == 4, let clip = d[0].addressValue, let chop = d[1].uintValue, let h = d[2].uintValue,
            let di = d[3].uintValue, v.count == 5, let rate = v[1].uintValue, let spot = v[2].uintValue,
            let dust = v[4].uintValue
        else { throw .malformed("ilks output") }
        let ilk = MakerIlk(
            rate: rate, spot: spot, dust: dust, chop: chop, hole: h, dirt: di, globalHole: try uint(hole, o[1]),
            globalDirt: try uint(dirt, o[2]))
        return (ilk, clip)
    }

    /// Round 2 for a Clipper: its parameters, `chost`, `list()` and the abacus probes (`tau`, `step`, `cut`).
    public static func clipperCalls(clipper: Address, calcAddress: Address?) -> [Call3] {
        var calls = [
            c(clipper, calc), c(clipper, buf), c(clipper, tail), c(clipper, cusp), c(clipper, chip), c(clipper, tip),
            c(clipper, MakerCalls.chost), c(clipper, MakerCalls.list),
        ]
        if let calcAddress { calls += [c(calcAddress, tau), c(calcAddress, step), c(calcAddress, cut)] }
        return calls
    }

    /// The abacus from the probe outcomes: `tau` answers → LinearDecrease; `step` → Stairstep; else `cut` →
    /// ExponentialDecrease.
    public static func decodeAbacus(tau o1: CallOutcome, step o2: CallOutcome, cut o3: CallOutcome) throws(MakerError)
        -> MakerAbacus
    {
        if case .success(let d) = o1, d.count == 32 { return .linearDecrease(tau: try uint(tau, o1)) }
        if case .success(let d) = o2, d.count == 32 {
            return .stairstepExponentialDecrease(step: try uint(step, o2), cut: try uint(cut, o3))
        }
        return .exponentialDecrease(cut: try uint(cut, o3))
    }

    /// Decodes round 2 (with the three abacus probes at the end): parameters and the active sale ids.
    public static func decodeClipper(_ o: [CallOutcome]) throws(MakerError) -> (
        params: MakerClipperParams, active: [U256]
    ) {
        guard o.count == 11 else { throw .malformed("clipper reply count") }
        guard let list = try values(MakerCalls.list, o[7]).first?.elements else { throw .malformed("list") }
        var ids: [U256] = []
        for v in list {
            guard let id = v.uintValue else { throw .malformed("list item") }
            ids.append(id)
        }
        let params = MakerClipperParams(
            calc: try decodeAbacus(tau: o[8], step: o[9], cut: o[10]), buf: try uint(buf, o[1]),
            tail: try uint(tail, o[2]), cusp: try uint(cusp, o[3]), chip: try uint(chip, o[4]),
            tip: try uint(tip, o[5]), chost: try uint(MakerCalls.chost, o[6]))
        return (params, ids)
    }

    /// Round 3: `sales(id)` and `getStatus(id)` per active auction.
    public static func saleCalls(clipper: Address, ids: [U256]) -> [Call3] {
        ids.flatMap { [c(clipper, MakerCalls.sales, [.uint($0)]), c(clipper, MakerCalls.getStatus, [.uint($0)])] }
    }

    /// One active auction as read: the sale, its owner, and the Clipper's own `getStatus` answer.
    public struct ActiveSale: Sendable, Equatable {
        /// Auction id.
        public var id: U256
        /// The sale.
        public var sale: MakerSale
        /// The vault owner.
        public var usr: Address
        /// `getStatus`: needsRedo.
        public var needsRedo: Bool
        /// `getStatus`: current price, ray.
        public var price: U256

        /// A sale from its fields.
        public init(id: U256, sale: MakerSale, usr: Address, needsRedo: Bool, price: U256) {
            self.id = id
            self.sale = sale
            self.usr = usr
            self.needsRedo = needsRedo
            self.price = price
        }
    }

    /// Decodes round 3.
    public static func decodeSales(_ o: [CallOutcome], ids: [U256]) throws(MakerError) -> [ActiveSale] {
        guard o.count == 2 * ids.count else { throw .malformed("sales reply count") }
        var out: [ActiveSale] = []
        for (i, id) in ids.enumerated() {
            guard case .success(let d) = o[2 * i] else { throw .malformed("sales reverted") }
            let (sale, usr) = try MakerCalls.decodeSale(d)
            let s = try values(MakerCalls.getStatus, o[2 * i + 1])
            guard s.count == 4, let redo = s[0].boolValue, let price = s[1].uintValue else {
                throw .malformed("getStatus output")
            }
            out.append(ActiveSale(id: id, sale: sale, usr: usr, needsRedo: redo, price: price))
        }
        return out
    }

    func run(_ calls: [Call3]) async throws(RPCError) -> [CallOutcome] {
        try await view.multicall(calls, using: multicall)
    }

    /// The ilk, its Clipper's parameters and every active sale, at the pinned block (three batched rounds).
    public func read(ilk: [UInt8]) async throws -> (
        ilk: MakerIlk, clipper: Address, params: MakerClipperParams, sales: [ActiveSale]
    ) {
        let (state, clipper) = try Self.decodeIlk(try await run(Self.ilkCalls(dog: dog, vat: vat, ilk: ilk)))
        let first = try await run([Self.c(clipper, Self.calc)])
        guard let calcAddress = try Self.values(Self.calc, first[0]).first?.addressValue else {
            throw MakerError.malformed("calc")
        }
        let (params, ids) = try Self.decodeClipper(
            try await run(Self.clipperCalls(clipper: clipper, calcAddress: calcAddress)))
        let sales = try Self.decodeSales(try await run(Self.saleCalls(clipper: clipper, ids: ids)), ids: ids)
        return (state, clipper, params, sales)
    }
}
