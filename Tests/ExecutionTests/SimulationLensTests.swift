import Foundation
import Testing

@testable import Execution

@Suite struct SimulationLensTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var vyper: String? {
        let p = root.appendingPathComponent(".venv/bin/vyper").path
        return FileManager.default.isExecutableFile(atPath: p) ? p : nil
    }

    /// The committed runtime code is what scripts/lens/SimulationLens.vy compiles to (vyper 0.4.3, cancun).
    @Test(.enabled(if: vyper != nil, "needs .venv/bin/vyper (devnet/_venv.sh)"))
    func committedCodeMatchesTheSource() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.vyper!)
        p.arguments = ["--evm-version", "cancun", "-f", "bytecode_runtime",
                       Self.root.appendingPathComponent("scripts/lens/SimulationLens.vy").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let code = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(code == simulationLensRuntimeHex, "run scripts/lens/build-simulation-lens.sh")
    }

    @Test func probeSelectorIsTheVyperSignature() {
        // keccak256("probe(address,bytes,address[],address[])")[0:4]
        #expect(Simulator.probeSelector == [0x05, 0xda, 0x58, 0xb2])
        // The compiled dispatcher compares against the same selector (PUSH4 05da58b2).
        #expect(simulationLensRuntimeHex.contains("6305da58b2"))
    }
}
