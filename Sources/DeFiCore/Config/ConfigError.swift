/// A configuration problem: a file that cannot be read or parsed, an unknown key, or a bad value.
///
/// Every message names the file or the full key path (`defi.risk.var_confidence`) and the expected form.
public enum ConfigError: DefiError, Equatable {
    /// An explicitly requested config file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid YAML.
    case malformedYAML(path: String, line: Int?, column: Int?, problem: String)
    /// A key the schema does not know, with the closest known key when one is near.
    case unknownKey(path: String, suggestion: String?)
    /// A value of the wrong form; `origin` names an env var or flag when the value came from one.
    case invalidValue(path: String, expected: String, got: String, origin: String?)

    /// A stable code for the JSON envelope.
    public var code: String {
        switch self {
        case .fileNotFound: "config_not_found"
        case .unreadable: "config_unreadable"
        case .malformedYAML: "config_malformed"
        case .unknownKey: "config_unknown_key"
        case .invalidValue: "config_invalid"
        }
    }

    /// Configuration errors are usage errors (exit 2).
    public var exitCode: ExitCode { .usage }

    /// Printed as `config error: …`.
    public var label: String { "config error" }

    /// The one-line description naming the file or key path.
    public var message: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .malformedYAML(let path, let line, let column, let problem):
            let position = line.map { l in column.map { ":\(l):\($0)" } ?? ":\(l)" } ?? ""
            return "\(path)\(position): malformed yaml: \(problem)"
        case .unknownKey(let path, let suggestion):
            return "\(path): unknown key" + (suggestion.map { " (did you mean \($0)?)" } ?? "")
        case .invalidValue(let path, let expected, let got, let origin):
            return "\(path)\(origin.map { " (from \($0))" } ?? ""): expected \(expected), got \(got)"
        }
    }

    /// What to do next.
    public var hint: String? {
        switch self {
        case .fileNotFound: "pass --config with an existing file, or drop it to use ./defi.yaml or the defaults"
        case .unknownKey: "supported keys are listed in the README, section Configuration"
        default: nil
        }
    }
}
