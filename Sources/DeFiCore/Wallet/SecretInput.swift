import Foundation

/// Where a secret (keystore password, private key) is read from: a file, an environment variable, or a
/// no-echo prompt when stdin is a terminal. Never a plain flag: that would land in shell history and `ps`.
public struct SecretInput: Sendable {
    /// The process environment.
    public var environment: [String: String]
    /// Asks for a line with echo off, or nil when there is no terminal to ask on.
    public var prompt: @Sendable (String) -> String?
    /// Called with a warning line (loose file permissions).
    public var warn: @Sendable (String) -> Void

    /// An input reading `environment`, prompting with `prompt`, warning through `warn`.
    public init(
        environment: [String: String], prompt: @escaping @Sendable (String) -> String? = TerminalPrompt.ask,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.environment = environment
        self.prompt = prompt
        self.warn = warn
    }

    /// The keystore password from `file`, else DEFI_PASSWORD, else a prompt (twice when `confirm`).
    public func password(file: String?, confirm: Bool = false) throws(UtilityError) -> String {
        if let file { return try Self.readSecret(file, what: "password file") }
        if let env = environment["DEFI_PASSWORD"] { return env }
        guard let first = prompt("keystore password: ") else { throw Self.missingPassword }
        if confirm {
            guard prompt("repeat password: ") == first else {
                throw UtilityError(code: "password_mismatch", message: "the two passwords differ")
            }
        }
        return first
    }

    /// The private key text from `file` (warning when group/world readable), else DEFI_PRIVATE_KEY, else
    /// `stdin` when given (for `wallet import`), else a prompt.
    public func privateKeyText(file: String?, stdin: (@Sendable () -> String?)? = nil) throws(UtilityError)
        -> (text: String, source: String)
    {
        if let file {
            checkPermissions(file)
            return (try Self.readSecret(file, what: "private key file"), "private key file \(file)")
        }
        if let env = environment["DEFI_PRIVATE_KEY"] { return (env, "DEFI_PRIVATE_KEY") }
        if let stdin, let text = stdin() { return (text, "stdin") }
        if let typed = prompt("private key: ") { return (typed, "the prompt") }
        throw Self.missingKey
    }

    /// "missing keystore password" with the ways to give one (exit 2).
    public static let missingPassword = UtilityError(
        code: "missing_password", message: "missing keystore password: pass --password-file or set DEFI_PASSWORD")

    /// "no signer" with the ways to give one (exit 2).
    public static let missingKey = UtilityError(
        code: "missing_signer",
        message: "no signer: pass --keystore, --private-key-file or set DEFI_PRIVATE_KEY")

    /// A file's text with one trailing newline (LF or CRLF) removed; the error never holds the contents.
    static func readSecret(_ path: String, what: String) throws(UtilityError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UtilityError(code: "unreadable_file", message: "cannot read \(what) \(path)")
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }

    /// Warns when `path` is readable by group or others (a key file should be mode 0600).
    func checkPermissions(_ path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0
        else { return }
        warn("\(path) is readable by group or others (mode \(String(mode, radix: 8))): run chmod 600 \(path)")
    }
}
