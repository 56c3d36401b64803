import ArgumentParser
import DeFiCore
import Foundation

/// `--keystore-dir`, `--password-file`, `--scrypt-n/-r/-p`: where a new keystore goes and how it is encrypted.
struct KeystoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Where keystores live (default $XDG_DATA_HOME/defi/keystores, else ~/.local/share/defi/keystores).",
            valueName: "dir"), completion: .directory)
    var keystoreDir: String?

    @Option(
        help: ArgumentHelp(
            "A file holding the new password; else DEFI_PASSWORD, else a prompt.",
            valueName: "path"), completion: .file())
    var passwordFile: String?

    @Option(help: "scrypt N (a power of two); lower values are faster and weaker.")
    var scryptN = 1 << 18

    @Option(help: "scrypt r.")
    var scryptR = 8

    @Option(help: "scrypt p.")
    var scryptP = 1

    func validate() throws {
        guard scryptN >= 2, scryptN & (scryptN - 1) == 0 else {
            throw ValidationError("--scrypt-n must be a power of two >= 2, got \(scryptN)")
        }
        guard scryptR >= 1, scryptP >= 1 else { throw ValidationError("--scrypt-r and --scrypt-p must be >= 1") }
    }

    /// The keystore directory.
    var directory: KeystoreDirectory {
        KeystoreDirectory(path: keystoreDir, environment: ProcessInfo.processInfo.environment)
    }

    /// The scrypt cost.
    var cost: ScryptCost { ScryptCost(n: scryptN, r: scryptR, p: scryptP) }

    /// The secret reader for this process (warnings go to the diagnostics stream).
    var input: SecretInput {
        SecretInput(environment: ProcessInfo.processInfo.environment, warn: { Diagnostics.shared.warning($0) })
    }
}
