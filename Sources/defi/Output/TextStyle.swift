import Foundation

/// ANSI styling that is a no-op unless colour is on for the stream being written.
struct TextStyle {
    var enabled: Bool

    /// Colour on for `fd` per `--color` and NO_COLOR (https://no-color.org).
    init(mode: ColorMode, fd: Int32) {
        switch mode {
        case .always: enabled = true
        case .never: enabled = false
        case .auto:
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            enabled = !noColor && isatty(fd) == 1
        }
    }

    func bold(_ s: String) -> String { enabled ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { enabled ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
    func yellow(_ s: String) -> String { enabled ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
    func dim(_ s: String) -> String { enabled ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
}
