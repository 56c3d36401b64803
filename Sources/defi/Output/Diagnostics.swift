import Foundation

/// The stderr logger: warnings and progress notes, filtered by `-q` / `-v`, kept for the JSON envelope too.
final class Diagnostics: @unchecked Sendable {
    /// The one logger of this process.
    static let shared = Diagnostics()

    private let lock = NSLock()
    private var level = 1
    private var style = TextStyle(mode: .never, fd: 2)
    private var collected: [String] = []

    /// Applies `-q` (errors only), default (warnings), `-v` (info), `-vv` (debug), and `--color`.
    func configure(_ display: DisplayOptions) {
        lock.withLock {
            level = display.quiet ? 0 : 1 + display.verbose
            style = TextStyle(mode: display.color, fd: 2)
        }
    }

    /// Warnings so far, for the envelope.
    var warnings: [String] { lock.withLock { collected } }

    /// A warning: always kept for the envelope, printed unless `-q`.
    func warning(_ message: String) {
        let (show, style) = lock.withLock { () -> (Bool, TextStyle) in
            collected.append(message)
            return (level >= 1, self.style)
        }
        if show { Self.writeError(style.yellow("warning") + ": " + message + "\n") }
    }

    /// A progress note, shown with `-v`.
    func info(_ message: String) { log(message, at: 2, label: "info") }

    /// A detail, shown with `-vv`.
    func debug(_ message: String) { log(message, at: 3, label: "debug") }

    /// The error line (and hint line) on stderr, shown even with `-q`.
    func error(label: String, message: String, hint: String?) {
        let style = lock.withLock { self.style }
        var text = style.red(label) + ": " + message + "\n"
        if let hint { text += style.dim("hint") + ": " + hint + "\n" }
        Self.writeError(text)
    }

    private func log(_ message: String, at needed: Int, label: String) {
        let (show, style) = lock.withLock { (level >= needed, self.style) }
        if show { Self.writeError(style.dim(label) + ": " + message + "\n") }
    }

    /// Writes to stderr unbuffered.
    static func writeError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    /// Writes to stdout unbuffered.
    static func writeOutput(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}
