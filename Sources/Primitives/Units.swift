// Exact conversion between human amounts ("1.5", "30gwei", "1e18") and integer base units (wei, or a token's
// smallest unit). Nothing goes through floating point: the text is split into digits and a power of ten.

/// Errors from parsing an amount.
public enum UnitsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is empty (or has a unit but no number).
    case empty
    /// A character that cannot appear here, at this offset of the text.
    case invalidCharacter(offset: Int, character: Character, text: String)
    /// A leading minus sign: amounts are non-negative.
    case negative(String)
    /// A nonzero digit below the token's smallest unit ("1.0000001" with 6 decimals).
    case tooManyFractionDigits(text: String, decimals: Int)
    /// The amount in base units exceeds 2^256 - 1.
    case overflow(String)
    /// A unit suffix other than wei, gwei, ether (or eth).
    case unknownUnit(String)
    /// Decimals outside 0...77 (10^78 does not fit 256 bits).
    case invalidDecimals(Int)

    public var description: String {
        switch self {
        case .empty: return "empty amount"
        case .invalidCharacter(let offset, let c, let text): return "invalid character '\(c)' at offset \(offset) in \"\(text)\""
        case .negative(let text): return "negative amount \"\(text)\""
        case .tooManyFractionDigits(let text, let d): return "\"\(text)\" has digits below the smallest unit (\(d) decimals)"
        case .overflow(let text): return "amount \"\(text)\" exceeds 2^256-1 base units"
        case .unknownUnit(let u): return "unknown unit \"\(u)\" (expected wei, gwei or ether)"
        case .invalidDecimals(let d): return "decimals \(d) outside 0...77"
        }
    }
}

/// Parsing and formatting of token amounts with a number of decimals (ether: 18, gwei: 9, USDC: 6).
public enum Units {
    /// Decimals of the named Ethereum unit, lower-case: wei 0, gwei 9, ether/eth 18.
    public static func decimals(ofUnit name: String) -> Int? {
        switch name.lowercased() {
        case "wei": return 0
        case "gwei": return 9
        case "ether", "eth": return 18
        default: return nil
        }
    }

    /// 10^n for n in 0...77.
    @inlinable
    public static func powerOfTen(_ n: Int) -> U256 {
        precondition(n >= 0 && n <= 77, "10^\(n) does not fit U256")
        return U256.pow(U256(10), U256(UInt64(n)))
    }

    /// Parses an amount with an optional unit suffix ("1.5ether", "30 gwei", "100wei"); no suffix means wei.
    public static func parse(_ text: String) throws(UnitsError) -> U256 {
        var end = text.endIndex
        while end > text.startIndex, let c = text[text.index(before: end)].asciiValue, (c | 0x20) >= 0x61,
            (c | 0x20) <= 0x7A
        {
            end = text.index(before: end)
        }
        let suffix = String(text[end...])
        // "1e18" ends in digits, so a letter run that is only "e" cannot occur as a suffix here.
        guard !suffix.isEmpty else { return try parse(text, decimals: 0) }
        guard let d = decimals(ofUnit: suffix) else { throw .unknownUnit(suffix) }
        var number = text[..<end]
        while number.last == " " { number = number.dropLast() }
        return try parse(number, decimals: d, original: text)
    }

    /// Parses a decimal amount ("1.5", "0.000001", "1e18", "2.5e-3") into base units of a token with `decimals`.
    /// Exact: throws rather than round when a nonzero digit falls below the smallest unit.
    public static func parse(_ text: String, decimals: Int) throws(UnitsError) -> U256 {
        try parse(Substring(text), decimals: decimals, original: text)
    }

    static func parse(_ s: Substring, decimals: Int, original: String) throws(UnitsError) -> U256 {
        guard decimals >= 0 && decimals <= 77 else { throw .invalidDecimals(decimals) }
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty else { throw .empty }
        if bytes[0] == UInt8(ascii: "-") { throw .negative(original) }
        var i = bytes[0] == UInt8(ascii: "+") ? 1 : 0
        var digits: [UInt8] = []  // integer and fraction digits, as ASCII
        var fractionCount = 0
        var seenPoint = false
        var exponent = 0
        func bad(_ at: Int) -> UnitsError {
            .invalidCharacter(offset: at, character: Character(Unicode.Scalar(bytes[at])), text: original)
        }
        while i < bytes.count {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                digits.append(c)
                if seenPoint { fractionCount += 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if (c | 0x20) == UInt8(ascii: "e") && !digits.isEmpty {
                exponent = try parseExponent(bytes, from: i + 1, original: original)
                break
            } else {
                throw bad(i)
            }
            i += 1
        }
        guard !digits.isEmpty else { throw .empty }
        // value = digits · 10^(decimals + exponent - fractionCount)
        var scale = decimals + exponent - fractionCount
        while scale < 0, let last = digits.last {
            guard last == UInt8(ascii: "0") else { throw .tooManyFractionDigits(text: original, decimals: decimals) }
            digits.removeLast()
            scale += 1
        }
        let firstNonzero = digits.firstIndex { $0 != UInt8(ascii: "0") }
        guard let first = firstNonzero else { return .zero }
        let significant = digits[first...]
        guard significant.count + scale <= 78 else { throw .overflow(original) }
        guard let mantissa = try? U256(decimalDigits: String(decoding: significant, as: UTF8.self)) else {
            throw .overflow(original)
        }
        let (v, o) = mantissa.multipliedReportingOverflow(by: powerOfTen(scale))
        guard !o else { throw .overflow(original) }
        return v
    }

    /// The exponent after `e`: an optional sign and at most 4 digits (larger exponents cannot be exact or fit).
    static func parseExponent(_ bytes: [UInt8], from start: Int, original: String) throws(UnitsError) -> Int {
        var i = start
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < bytes.count else { throw .empty }
        var e = 0
        while i < bytes.count {
            let c = bytes[i]
            guard c >= 0x30 && c <= 0x39 else {
                throw .invalidCharacter(offset: i, character: Character(Unicode.Scalar(c)), text: original)
            }
            e = e * 10 + Int(c - 0x30)
            guard e < 10_000 else { throw negative ? .tooManyFractionDigits(text: original, decimals: 0) : .overflow(original) }
            i += 1
        }
        return negative ? -e : e
    }

    /// Formats base units as a decimal amount, exactly, trailing zeros trimmed (1500000000000000000, 18 → "1.5").
    /// With `maxFractionDigits`, the fraction is truncated (rounded toward zero) to that many digits.
    public static func format(_ value: U256, decimals: Int, maxFractionDigits: Int? = nil) -> String {
        precondition(decimals >= 0 && decimals <= 77, "decimals \(decimals) outside 0...77")
        let (whole, fraction) = value.quotientAndRemainder(dividingBy: powerOfTen(decimals))
        guard decimals > 0, !fraction.isZero else { return whole.decimalString }
        var digits = Array(fraction.decimalString.utf8)
        digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals - digits.count), at: 0)
        if let m = maxFractionDigits, m >= 0, digits.count > m { digits.removeLast(digits.count - m) }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { return whole.decimalString }
        return whole.decimalString + "." + String(decoding: digits, as: UTF8.self)
    }
}
