import ArgumentParser

/// `--json`, `--csv`, `--quiet`, `--verbose`, `--color`: how results and diagnostics are shown.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "Print one JSON document (a versioned envelope) on stdout.")
    var json = false

    @Flag(help: "Print tables as CSV on stdout.")
    var csv = false

    @Flag(name: .shortAndLong, help: "Only errors on stderr.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "More detail on stderr; repeat for debug output (-vv).")
    var verbose: Int

    @Option(help: "Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.")
    var color: ColorMode = .auto

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be combined") }
    }

    /// The output format the renderer uses.
    var format: OutputFormat { json ? .json : csv ? .csv : .human }
}

/// `--color` values.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// What goes to stdout.
enum OutputFormat {
    case human, csv, json
}
