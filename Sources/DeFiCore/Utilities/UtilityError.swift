/// A failure of an operator utility (abi, tx, wallet, history): a stable code, one safe line, an optional hint.
///
/// Messages never carry key bytes or passwords; most map to exit 2 (bad input), a few to 1 (not found, I/O).
public struct UtilityError: DefiError, Equatable {
    /// The stable short code for the JSON envelope (`invalid_signature`).
    public let code: String
    /// The one-line message, lower-case, no trailing period.
    public let message: String
    /// What the user can do, when they can act.
    public let hint: String?
    /// The exit code.
    public let exitCode: ExitCode

    /// An error with every part given; exit 2 unless said otherwise.
    public init(code: String, message: String, hint: String? = nil, exitCode: ExitCode = .usage) {
        self.code = code
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
    }
}
