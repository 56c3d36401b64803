import Primitives

/// Typed calls of Dog, Clipper and Vat (`src/dog.sol`, `src/clip.sol`, `src/vat.sol`, makerdao/dss).
public enum MakerCalls {
    static func p(_ t: ABIType, _ n: String = "") -> ABIParameter { ABIParameter(name: n, type: t) }

    /// `Dog.bark(bytes32,address,address)` → uint256 id; selector 0xed998908.
    public static let bark = ABIFunction(
        name: "bark", inputs: [p(.bytes32, "ilk"), p(.address, "urn"), p(.address, "kpr")], outputs: [p(.uint256)])
    /// `Clipper.take(uint256,uint256,uint256,address,bytes)`; selector 0x81a794cb.
    public static let take = ABIFunction(
        name: "take",
        inputs: [p(.uint256, "id"), p(.uint256, "amt"), p(.uint256, "max"), p(.address, "who"), p(.bytes, "data")])
    /// `Clipper.redo(uint256,address)`; selector 0xd843416d.
    public static let redo = ABIFunction(name: "redo", inputs: [p(.uint256, "id"), p(.address, "kpr")])
    /// `Clipper.getStatus(uint256)` → (bool needsRedo, uint256 price, uint256 lot, uint256 tab); selector 0x5c622a0e.
    public static let getStatus = ABIFunction(
        name: "getStatus", inputs: [p(.uint256, "id")], outputs: [p(.bool), p(.uint256), p(.uint256), p(.uint256)],
        stateMutability: "view")
    /// `Clipper.sales(uint256)` → (pos, tab, lot, usr, tic uint96, top); selector 0xb5f522f7.
    public static let sales = ABIFunction(
        name: "sales", inputs: [p(.uint256)],
        outputs: [p(.uint256), p(.uint256), p(.uint256), p(.address), p(.uint(96)), p(.uint256)],
        stateMutability: "view")
    /// `Clipper.chost()` → uint256 rad; selector 0xba2cdc75.
    public static let chost = ABIFunction(name: "chost", inputs: [], outputs: [p(.uint256)], stateMutability: "view")
    /// `Clipper.list()` → uint256[]; selector 0x0f560cd7.
    public static let list = ABIFunction(
        name: "list", inputs: [], outputs: [p(.array(.uint256))], stateMutability: "view")
    /// `Vat.ilks(bytes32)` → (Art, rate, spot, line, dust); selector 0xd9638d36.
    public static let vatIlks = ABIFunction(
        name: "ilks", inputs: [p(.bytes32)],
        outputs: [p(.uint256), p(.uint256), p(.uint256), p(.uint256), p(.uint256)],
        stateMutability: "view")
    /// `Vat.urns(bytes32,address)` → (ink, art); selector 0x2424be5c.
    public static let vatUrns = ABIFunction(
        name: "urns", inputs: [p(.bytes32), p(.address)], outputs: [p(.uint256), p(.uint256)], stateMutability: "view")
    /// `Dog.ilks(bytes32)` → (clip, chop, hole, dirt); selector 0xd9638d36 (same signature as Vat.ilks).
    public static let dogIlks = ABIFunction(
        name: "ilks", inputs: [p(.bytes32)], outputs: [p(.address), p(.uint256), p(.uint256), p(.uint256)],
        stateMutability: "view")

    /// Calldata for `take(id, amt, max, who, data)`.
    public static func takeCalldata(id: U256, amt: U256, max: U256, who: Address, data: [UInt8])
        throws(ABIEncodingError)
        -> [UInt8]
    {
        try take.encodeCall([.uint(id), .uint(amt), .uint(max), .address(who), .bytes(data)])
    }

    /// Decodes `sales(id)` into a `MakerSale` (nil usr → not running).
    public static func decodeSale(_ data: some Collection<UInt8>) throws(MakerError) -> (sale: MakerSale, usr: Address)
    {
        let v: [ABIValue]
        do { v = try sales.decodeOutput(data) } catch { throw .malformed("sales output") }
        guard v.count == 6, let tab = v[1].uintValue, let lot = v[2].uintValue, let usr = v[3].addressValue,
            let tic = v[4].uintValue, let top = v[5].uintValue
        else { throw .malformed("sales output") }
        return (MakerSale(tab: tab, lot: lot, tic: tic, top: top), usr)
    }
}
