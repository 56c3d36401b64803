/// The `--json` document: `{"schema_version":1,"ok":…,"data":…,"error":…,"warnings":[…]}`, keys sorted.
struct Envelope<Payload: Encodable>: Encodable {
    /// Bumped only when a field changes meaning or disappears.
    static var schemaVersion: Int { 1 }

    var data: Payload?
    var error: ErrorView?
    var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", ok, data, error, warnings
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(error == nil, forKey: .ok)
        if let data { try c.encode(data, forKey: .data) } else { try c.encodeNil(forKey: .data) }
        if let error { try c.encode(error, forKey: .error) } else { try c.encodeNil(forKey: .error) }
        try c.encode(warnings, forKey: .warnings)
    }
}

/// The `error` member of a failed envelope.
struct ErrorView: Encodable {
    var code: String
    var message: String
    var hint: String?
    var exitCode: Int32

    enum CodingKeys: String, CodingKey {
        case code, message, hint, exitCode = "exit_code"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        if let hint { try c.encode(hint, forKey: .hint) } else { try c.encodeNil(forKey: .hint) }
        try c.encode(exitCode, forKey: .exitCode)
    }
}

/// A payload-less envelope type for failures.
struct NoData: Encodable {}
