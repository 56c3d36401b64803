/// Random row identifiers of the form `<prefix>_<32 lower-case hex digits>`.
public enum HistoryID {
    /// A new random identifier such as `opp_3f9c...`.
    public static func make(prefix: String) -> String {
        var rng = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var out = prefix + "_"
        for _ in 0..<32 { out.append(digits[Int(rng.next() % 16)]) }
        return out
    }

    /// A new opportunity identifier (`opp_...`).
    public static func opportunity() -> String { make(prefix: "opp") }
    /// A new simulation identifier (`sim_...`).
    public static func simulation() -> String { make(prefix: "sim") }
    /// A new execution identifier (`exe_...`).
    public static func execution() -> String { make(prefix: "exe") }
}
