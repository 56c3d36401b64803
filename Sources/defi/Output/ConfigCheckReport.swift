import DeFiCore

/// `defi config check`: which file was validated and what it configures.
struct ConfigCheckReport: Report {
    var file: String?
    var chains: Int
    var tokens: Int
    var venues: Int
    var protocols: Int

    init(_ loaded: LoadedConfig) {
        file = loaded.file
        chains = loaded.config.chains.count
        tokens = loaded.config.tokens.count
        venues = loaded.config.venues.count
        protocols = loaded.config.protocols.count
    }

    enum CodingKeys: String, CodingKey { case file, chains, tokens, venues, protocols, valid }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(true, forKey: .valid)
        if let file { try c.encode(file, forKey: .file) } else { try c.encodeNil(forKey: .file) }
        try c.encode(chains, forKey: .chains)
        try c.encode(tokens, forKey: .tokens)
        try c.encode(venues, forKey: .venues)
        try c.encode(protocols, forKey: .protocols)
    }

    var columns: [String] { ["file", "chains", "tokens", "venues", "protocols"] }
    var rows: [[String]] { [[file ?? "", "\(chains)", "\(tokens)", "\(venues)", "\(protocols)"]] }

    func humanText(style: TextStyle) -> String {
        "config ok: \(file ?? "no file, defaults") (\(chains) chains, \(tokens) tokens, \(venues) venues, "
            + "\(protocols) protocols)\n"
    }
}
