import Foundation
import Testing

/// The committed completion scripts and man pages match the command tree.
@Suite struct DocsTests {
    static let shells = [("bash", "defi.bash"), ("zsh", "_defi"), ("fish", "defi.fish")]

    @Test(arguments: shells)
    func committedCompletionScriptIsCurrent(shell: String, file: String) throws {
        let r = try DefiBinary.run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        let path = DefiBinary.repoRoot.appendingPathComponent("completions/\(file)")
        let committed = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        #expect(r.stdout == committed, "completions/\(file) is stale or missing: run scripts/gen-docs")
    }

    static let pages = [
        "defi", "defi.scan", "defi.quote", "defi.simulate", "defi.execute", "defi.liquidate", "defi.pnl",
        "defi.register-strategy", "defi.deploy", "defi.deploy.executor", "defi.wallet", "defi.wallet.new", "defi.wallet.import", "defi.wallet.address",
        "defi.wallet.list", "defi.wallet.sign-message", "defi.wallet.sign-typed-data", "defi.wallet.checksum",
        "defi.abi", "defi.abi.encode", "defi.abi.decode", "defi.abi.selector", "defi.abi.keccak", "defi.tx",
        "defi.tx.decode", "defi.tx.sign", "defi.config", "defi.config.show", "defi.config.check", "defi.history",
        "defi.history.list", "defi.history.show",
    ]

    @Test func everySubcommandHasAManPage() throws {
        let dir = DefiBinary.repoRoot.appendingPathComponent("man")
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
        for page in Self.pages {
            #expect(present.contains("\(page).1"), "man/\(page).1 is missing: run scripts/gen-docs")
        }
    }

    @Test func rootManPageDocumentsTheExitCodes() throws {
        let page = DefiBinary.repoRoot.appendingPathComponent("man/defi.1")
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.contains("EXIT CODES"), "run scripts/gen-docs")
        for line in ["0  success", "2  usage or configuration error", "3  network unavailable", "4  refused",
                     "5  lock held by another run", "6  partial failure", "7  subcommand not yet available"] {
            #expect(text.contains(line), "man/defi.1 lacks \(line): run scripts/gen-docs")
        }
    }
}
