import ArgumentParser
import DeFiCore

/// The transaction fields of `defi tx sign`, as cast names them; each overrides the request file.
struct TxFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The recipient (none creates a contract).", valueName: "address"))
    var to: String?

    @Option(help: ArgumentHelp("The value: wei, 0x-hex wei, or with a unit (1.5ether).", valueName: "amount"))
    var value: String?

    @Option(help: ArgumentHelp("The 0x-hex call data.", valueName: "hex"))
    var data: String?

    @Option(help: "The sender nonce.")
    var nonce: String?

    @Option(help: "The gas limit.")
    var gasLimit: String?

    @Option(help: ArgumentHelp("The gas price for types 0 and 1 (30gwei).", valueName: "amount"))
    var gasPrice: String?

    @Option(help: ArgumentHelp("The EIP-1559 max fee per gas.", valueName: "amount"))
    var maxFee: String?

    @Option(help: ArgumentHelp("The EIP-1559 max priority fee per gas.", valueName: "amount"))
    var priorityFee: String?

    @Option(help: "The EIP-155 chain id.")
    var chainId: String?

    @Option(
        help: ArgumentHelp(
            "0 legacy, 1 EIP-2930, 2 EIP-1559 (default 2, or 0 with only --gas-price).",
            valueName: "type"))
    var type: String?

    @Option(
        help: ArgumentHelp("The access list as JSON: [{\"address\":…,\"storageKeys\":[…]}].", valueName: "json"))
    var accessList: String?

    /// The flag values as a request.
    var request: TxSignRequest {
        var r = TxSignRequest()
        r.to = to
        r.value = value
        r.data = data
        r.nonce = nonce
        r.gasLimit = gasLimit
        r.gasPrice = gasPrice
        r.maxFee = maxFee
        r.priorityFee = priorityFee
        r.chainID = chainId
        r.type = type
        r.accessList = accessList
        return r
    }
}
