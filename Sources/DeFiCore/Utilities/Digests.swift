import Primitives

/// Hashing utilities behind `defi abi keccak`.
public enum Digests {
    /// Keccak-256 of `0x`-hex bytes, or else of the UTF-8 text itself (as `cast keccak` does).
    public static func keccak256(of input: String) throws(InputError) -> Hash32 {
        guard input.hasPrefix("0x") || input.hasPrefix("0X") else { return Keccak256.hash(utf8: input) }
        do {
            return Keccak256.hash(try Hex.decode(input))
        } catch {
            throw InputError(what: "input", expected: "0x-prefixed hex bytes (an even number of digits)", got: input)
        }
    }
}
