import Foundation

/// The width charts fit: `COLUMNS` when set, else the terminal's on stdout, else 80.
enum TerminalWidth {
    static func stdout() -> Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c >= 20 { return c }
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        return 80
    }
}
