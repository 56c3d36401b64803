import Foundation

/// The compiled contracts `defi deploy executor` sends: FlashLoans (the executor), then Arbitrage and Liquidator.
public struct ExecutorArtifacts: Sendable {
    /// `FlashLoans.json`.
    public var executor: ContractArtifact
    /// `Arbitrage.json` and `Liquidator.json`, in that order.
    public var strategies: [ContractArtifact]

    /// Reads `<Name>.json` for the three contracts from `directory`; a missing or malformed file is a usage error.
    public static func load(directory: String) throws(RegistryError) -> ExecutorArtifacts {
        let dir = URL(fileURLWithPath: directory)
        let executor = try ContractArtifact.load(path: dir.appendingPathComponent("FlashLoans.json").path)
        let strategies = try ["Arbitrage", "Liquidator"].map { n throws(RegistryError) in
            try ContractArtifact.load(path: dir.appendingPathComponent("\(n).json").path)
        }
        return ExecutorArtifacts(executor: executor, strategies: strategies)
    }
}
