import ArgumentParser
import Execution
import Foundation

/// `execute --engine`: how a plan is funded (the library's choice, parsed from its raw value).
extension EngineChoice: ExpressibleByArgument {}

/// `liquidate --protocol`: which lending protocols to watch.
enum LendingProtocolChoice: String, ExpressibleByArgument, CaseIterable {
    case aave, compound, maker, all
}

/// `pnl --by`: how P&L rows are grouped.
enum PnLGrouping: String, ExpressibleByArgument, CaseIterable {
    case day, week, month, strategy, venue, token, chain
}

/// A comma-separated list of names (`--strategies spatial,triangular`).
struct NameList: ExpressibleByArgument {
    /// The names, in the order given.
    var names: [String]

    init?(argument: String) {
        names = argument.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        if names.isEmpty || names.contains(where: \.isEmpty) { return nil }
    }
}

/// `pnl --optimize param=range` (`min_spread_bps=5..50`).
struct ParameterRange: ExpressibleByArgument {
    /// The parameter name.
    var name: String
    /// The range text after `=`.
    var range: String

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("..") else { return nil }
        name = String(parts[0])
        range = String(parts[1])
    }
}
