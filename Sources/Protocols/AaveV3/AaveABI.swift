import Primitives

/// Decoding helpers shared by the Aave typed calls (strict shapes, errors name the field).
enum AaveABI {
    static func uint(_ v: [ABIValue], _ i: Int, _ what: String) throws(AaveError) -> U256 {
        guard i < v.count, let x = v[i].uintValue else { throw .malformed("\(what) is not a uint") }
        return x
    }

    static func uint64(_ v: [ABIValue], _ i: Int, _ what: String) throws(AaveError) -> UInt64 {
        guard let x = try uint(v, i, what).uint64 else { throw .malformed("\(what) exceeds 64 bits") }
        return x
    }

    static func bool(_ v: [ABIValue], _ i: Int, _ what: String) throws(AaveError) -> Bool {
        guard i < v.count, let x = v[i].boolValue else { throw .malformed("\(what) is not a bool") }
        return x
    }

    static func address(_ v: [ABIValue], _ i: Int, _ what: String) throws(AaveError) -> Address {
        guard i < v.count, let x = v[i].addressValue else { throw .malformed("\(what) is not an address") }
        return x
    }

    static func decode(_ f: ABIFunction, _ data: some Collection<UInt8>) throws(AaveError) -> [ABIValue] {
        do {
            return try f.decodeOutput(data)
        } catch {
            throw .malformed("\(f.name) output: \(error)")
        }
    }

    static func p(_ type: ABIType, _ name: String = "") -> ABIParameter { ABIParameter(name: name, type: type) }
}
