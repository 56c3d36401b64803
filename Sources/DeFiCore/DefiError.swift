/// An error `defi` can report: a stable code, an exit code, a one-line message, and an optional hint.
///
/// Messages are lower-case, carry the offending input, have no trailing period, and never hold secrets.
public protocol DefiError: Error, CustomStringConvertible, Sendable {
    /// A stable short identifier for the JSON envelope and the history store (`config_invalid`).
    var code: String { get }
    /// The process exit code this error maps to.
    var exitCode: ExitCode { get }
    /// The one-line description, without a prefix.
    var message: String { get }
    /// What the user can do about it, when they can act.
    var hint: String? { get }
    /// The label printed before the message on stderr (`error`, `config error`).
    var label: String { get }
}

extension DefiError {
    /// No hint unless the error supplies one.
    public var hint: String? { nil }
    /// Errors print as `error: <message>` unless they say otherwise.
    public var label: String { "error" }
    /// The one line printed on stderr.
    public var description: String { "\(label): \(message)" }
}

/// A subcommand whose engine has not landed in this build yet.
public struct NotAvailableError: DefiError, Equatable {
    /// The full command name, such as `defi scan`.
    public let command: String

    /// Names the unavailable command, such as `defi wallet new`.
    public init(command: String) { self.command = command }

    /// Always `not_available`.
    public var code: String { "not_available" }
    /// Always ``ExitCode/notAvailable``.
    public var exitCode: ExitCode { .notAvailable }
    /// `defi scan is not yet available in this build`.
    public var message: String { "\(command) is not yet available in this build" }
}
