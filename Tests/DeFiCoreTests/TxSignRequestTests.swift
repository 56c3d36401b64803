import Primitives
import Testing

@testable import DeFiCore

@Suite struct TxSignRequestTests {
    static let key = "0x" + String(repeating: "11", count: 32)

    func request(_ edit: (inout TxSignRequest) -> Void) -> TxSignRequest {
        var r = TxSignRequest()
        r.to = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
        r.nonce = "7"
        r.gasLimit = "21000"
        r.chainID = "1"
        edit(&r)
        return r
    }

    @Test func defaultsToEIP1559AndAcceptsUnits() throws {
        let tx = try request {
            $0.maxFee = "30gwei"; $0.priorityFee = "1gwei"; $0.value = "1.5ether"
        }.transaction()
        #expect(tx.type == .dynamicFee)
        #expect(tx.maxFeePerGas == U256(30_000_000_000))
        #expect(tx.value.decimalString == "1500000000000000000")
    }

    @Test func onlyAGasPriceMeansLegacyAndWithAnAccessListEIP2930() throws {
        #expect(try request { $0.gasPrice = "1gwei" }.transaction().type == .legacy)
        let list = "[{\"address\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\",\"storageKeys\":[]}]"
        #expect(
            try request {
                $0.gasPrice = "1gwei"; $0.accessList = list
            }.transaction().type == .accessList)
    }

    @Test func missingFieldsNameTheFlag() {
        #expect(throws: UtilityError.self) {
            try request {
                $0.nonce = nil; $0.gasPrice = "1"
            }.transaction()
        }
        do {
            _ = try request { $0.type = "2" }.transaction()
        } catch {
            #expect(error.message == "missing --max-fee")
        }
    }

    @Test func priorityAboveMaxFeeIsRefused() {
        #expect(throws: UtilityError.self) {
            try request {
                $0.maxFee = "1"; $0.priorityFee = "2"
            }.transaction()
        }
    }

    @Test func jsonFileKeysAndFlagOverrides() throws {
        let file = try TxSignRequest(
            json: "{\"to\":null,\"nonce\":\"0x1\",\"gas\":53000,\"gasPrice\":\"2gwei\",\"chainId\":5,\"type\":\"0x0\"}",
            source: "req.json")
        var flags = TxSignRequest()
        flags.nonce = "9"
        let tx = try file.overridden(by: flags).transaction()
        #expect(tx.nonce == 9)
        #expect(tx.to == nil)
        #expect(tx.gasLimit == 53000)
        #expect(tx.chainID == 5)
    }

    @Test func signedTransactionRecoversItsSender() throws {
        let key = try PrivateKey(hex: Self.key)
        let signed = try TransactionUtility.sign(
            request {
                $0.maxFee = "2gwei"; $0.priorityFee = "1gwei"
            }, with: key)
        #expect(signed.sender == key.address)
        let back = try TransactionUtility.decode(raw: Hex.encode(signed.signed.rawBytes))
        #expect(back == signed)
    }

    @Test func truncatedRawTransactionIsAnError() throws {
        let key = try PrivateKey(hex: Self.key)
        let raw = Hex.encode(try TransactionUtility.sign(request { $0.gasPrice = "1" }, with: key).signed.rawBytes)
        #expect(throws: UtilityError.self) { try TransactionUtility.decode(raw: String(raw.dropLast(4))) }
    }
}
