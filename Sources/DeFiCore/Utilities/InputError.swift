/// Bad user input to a utility command: the offending value and the expected form (exit 2).
public struct InputError: DefiError, Equatable {
    /// What was being read, such as `input`.
    public let what: String
    /// The expected form.
    public let expected: String
    /// The offending value, shortened.
    public let got: String

    /// An input error; `got` is cut to 80 characters so a pasted blob stays one line.
    public init(what: String, expected: String, got: String) {
        self.what = what
        self.expected = expected
        self.got = Self.shorten(got)
    }

    /// `text` cut to 80 characters so a pasted blob stays one line.
    public static func shorten(_ text: String) -> String {
        text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    /// Always `invalid_input`.
    public var code: String { "invalid_input" }
    /// Always ``ExitCode/usage``.
    public var exitCode: ExitCode { .usage }
    /// `input: expected 0x-prefixed hex bytes, got "0xzz"`.
    public var message: String { "\(what): expected \(expected), got \"\(got)\"" }
}
