/// Errors from strict RLP decoding (with the byte offset where the input goes wrong) and from reading a decoded
/// item as a typed value.
public enum RLPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ends early: at `offset`, `needed` bytes are required but only `available` remain.
    case truncated(offset: Int, needed: Int, available: Int)
    /// `0x81 b` with `b < 0x80` at `offset`: a single byte below 0x80 must encode as itself.
    case nonCanonicalSingleByte(offset: Int)
    /// The long-form length at `offset` starts with a zero byte.
    case leadingZeroInLength(offset: Int)
    /// The header at `offset` uses the long form for a length below 56.
    case nonCanonicalLength(offset: Int)
    /// The long-form length at `offset` does not fit in `Int`.
    case lengthOverflow(offset: Int)
    /// `count` bytes follow the top-level item, starting at `offset`.
    case trailingBytes(offset: Int, count: Int)
    /// The item at `offset` ends at `itemEnd`, past the end `listEnd` of the list that contains it.
    case listPayloadMismatch(offset: Int, listEnd: Int, itemEnd: Int)
    /// Lists nest deeper than `limit` at `offset`.
    case tooDeep(offset: Int, limit: Int)
    /// A list was found where a byte string was expected.
    case expectedBytes
    /// A byte string was found where a list was expected.
    case expectedList
    /// An integer's byte string starts with a zero byte (integers are minimal big-endian, 0 is empty).
    case leadingZeroInInteger
    /// An integer's byte string is `got` bytes long, more than the `max` its type holds.
    case integerTooLarge(max: Int, got: Int)
    /// A fixed-size byte string (address, hash) has `got` bytes instead of `expected`.
    case wrongLength(expected: Int, got: Int)
    /// A list has `got` items instead of `expected`.
    case wrongCount(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .truncated(let offset, let needed, let available):
            return "rlp input truncated at offset \(offset): needed \(needed) bytes, \(available) available"
        case .nonCanonicalSingleByte(let offset):
            return "rlp non-canonical single byte at offset \(offset): a byte below 0x80 must encode as itself"
        case .leadingZeroInLength(let offset):
            return "rlp length at offset \(offset) has a leading zero byte"
        case .nonCanonicalLength(let offset):
            return "rlp header at offset \(offset) uses the long form for a length below 56"
        case .lengthOverflow(let offset):
            return "rlp length at offset \(offset) overflows"
        case .trailingBytes(let offset, let count):
            return "rlp input has \(count) trailing bytes at offset \(offset)"
        case .listPayloadMismatch(let offset, let listEnd, let itemEnd):
            return "rlp item at offset \(offset) ends at \(itemEnd), past its list's end \(listEnd)"
        case .tooDeep(let offset, let limit):
            return "rlp lists nest deeper than \(limit) at offset \(offset)"
        case .expectedBytes:
            return "rlp item is a list, expected a byte string"
        case .expectedList:
            return "rlp item is a byte string, expected a list"
        case .leadingZeroInInteger:
            return "rlp integer has a leading zero byte"
        case .integerTooLarge(let max, let got):
            return "rlp integer is \(got) bytes, at most \(max) allowed"
        case .wrongLength(let expected, let got):
            return "rlp byte string is \(got) bytes, expected \(expected)"
        case .wrongCount(let expected, let got):
            return "rlp list has \(got) items, expected \(expected)"
        }
    }
}
