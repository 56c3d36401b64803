import ArgumentParser
import DeFiCore
import Foundation
import Primitives

/// `--keystore`, `--password-file`, `--private-key-file`, `--from`: where the signing key comes from.
///
/// A private key is never accepted as a plain flag: it would land in shell history and `ps` output.
struct SignerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("A keystore file, or a keystore name in the keystore directory.", valueName: "path|name"),
            completion: .file(extensions: ["json"]))
    var keystore: String?

    @Option(help: ArgumentHelp("A file holding the keystore password; else DEFI_PASSWORD, else a prompt.",
                               valueName: "path"), completion: .file())
    var passwordFile: String?

    @Option(help: ArgumentHelp("A file holding a 0x-hex private key; else DEFI_PRIVATE_KEY.", valueName: "path"),
            completion: .file())
    var privateKeyFile: String?

    @Option(help: ArgumentHelp("The expected signer address (checked); falls back to ETH_FROM.", valueName: "address"))
    var from: String?

    // Accepted only to refuse it with a useful message; never shown in help or completions.
    @Option(name: .customLong("private-key"), help: .private)
    var rejectedPrivateKey: String?

    func validate() throws {
        if rejectedPrivateKey != nil {
            throw ValidationError(
                "--private-key is not accepted: a key on the command line leaks into shell history and ps; "
                    + "use --keystore, --private-key-file or DEFI_PRIVATE_KEY")
        }
    }

    /// The selected key: keystore, then key file, then DEFI_PRIVATE_KEY; checked against --from / ETH_FROM.
    func privateKey() throws -> PrivateKey {
        let env = ProcessInfo.processInfo.environment
        let source = try SignerSource.select(
            keystore: keystore, passwordFile: passwordFile, privateKeyFile: privateKeyFile,
            directory: KeystoreDirectory(path: nil, environment: env), environment: env)
        let key = try source.load(SecretInput(environment: env, warn: { Diagnostics.shared.warning($0) }))
        try SignerSource.check(key, expected: from ?? env["ETH_FROM"])
        return key
    }
}
