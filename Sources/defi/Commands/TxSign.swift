import ArgumentParser
import DeFiCore
import Foundation

/// `defi tx sign`: sign a transaction offline from flags and/or a JSON request file; prints the raw tx and hash.
struct TxSign: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Sign a transaction offline; print the raw transaction and its hash.",
        discussion: """
            Fields come from flags, or from a JSON request file (eth_sendTransaction keys: to, value, data, nonce, \
            gas, gasPrice, maxFeePerGas, maxPriorityFeePerGas, chainId, type, accessList); flags win. Nothing is \
            filled in from a node: nonce, gas limit, fees and chain id are required.
            """)

    @Argument(help: "A transaction request JSON file (- for stdin).", completion: .file(extensions: ["json"]))
    var file: String?

    @OptionGroup var fields: TxFieldOptions
    @OptionGroup var signer: SignerOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        var request = fields.request
        if let file {
            request = try TxSignRequest(json: try InputFile.read(file), source: file).overridden(by: request)
        }
        let signed = try TransactionUtility.sign(request, with: try signer.privateKey())
        try Renderer(display: display).emit(TransactionReport(decoded: signed, signing: true))
    }
}
