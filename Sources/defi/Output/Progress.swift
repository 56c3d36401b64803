import Foundation

/// A one-line progress indicator on stderr, drawn only when stderr is a terminal and output is not quiet.
struct Progress {
    private let active: Bool
    private let label: String

    init(_ label: String, display: DisplayOptions) {
        self.label = label
        active = isatty(2) == 1 && !display.quiet && !display.json
    }

    /// Redraws the line with `done` of `total`.
    func update(_ done: Int, of total: Int) {
        guard active else { return }
        Diagnostics.writeError("\r\u{1B}[2K\(label) \(done)/\(total)")
    }

    /// Clears the line.
    func finish() {
        guard active else { return }
        Diagnostics.writeError("\r\u{1B}[2K")
    }
}
