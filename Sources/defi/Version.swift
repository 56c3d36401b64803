/// The one place the version is written; `defi --version` and the man pages read it.
enum DefiVersion {
    static let current = "0.1.0"
}
