import Chain
import Primitives
import Testing

@testable import Execution

@Suite struct SimulationInputTests {
    static let to = try! Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3")

    @Test func unsignedPayloadsOfEveryTypeDecodeToTheCall() throws {
        let data: [UInt8] = [0xd0, 0xe3, 0x0d, 0xb0]
        let txs: [Transaction] = [
            .dynamicFee(
                chainID: 1, nonce: 7, maxPriorityFeePerGas: U256(1), maxFeePerGas: U256(2), gasLimit: 90_000,
                to: Self.to, value: U256(5), data: data),
            .accessList(
                chainID: 1, nonce: 7, gasPrice: U256(3), gasLimit: 90_000, to: Self.to, value: U256(5),
                data: data, accessList: []),
            .legacy(chainID: 1, nonce: 7, gasPrice: U256(3), gasLimit: 90_000, to: Self.to, value: U256(5), data: data),
        ]
        for tx in txs {
            let call = try #require(UnsignedCall(payload: tx.signingPayload), "\(tx.type)")
            #expect(call == UnsignedCall(to: Self.to, value: U256(5), data: data, gasLimit: 90_000), "\(tx.type)")
        }
        #expect(UnsignedCall(payload: [0x03, 0xc0]) == nil)
        #expect(UnsignedCall(payload: []) == nil)
    }

    @Test func stateOverrideFileParsesGethFieldsStrictly() throws {
        let o = try StateOverrideFile.parse(
            """
            {"0x5FbDB2315678afecb367f032d93F642f64180aa3": {"balance": "0x10", "nonce": "3", "code": "0x6000",
              "stateDiff": {"0x1": "0x2a"}}}
            """)
        let a = try #require(o[Self.to])
        #expect(a.balance == U256(16) && a.nonce == 3 && a.code == [0x60, 0x00])
        let slot = try Hash32(bytes: [UInt8](repeating: 0, count: 31) + [1])
        #expect(a.stateDiff?[slot] == (try Hash32(bytes: [UInt8](repeating: 0, count: 31) + [0x2a])))
        #expect(throws: ExecutionError.self) {
            try StateOverrideFile.parse(#"{"0x5FbDB2315678afecb367f032d93F642f64180aa3": {"balance": 16}}"#)
        }
        #expect(throws: ExecutionError.self) {
            try StateOverrideFile.parse(
                #"{"0x5FbDB2315678afecb367f032d93F642f64180aa3": {"state": {}, "stateDiff": {}}}"#)
        }
        #expect(throws: ExecutionError.self) { try StateOverrideFile.parse(#"{"0xnope": {}}"#) }
    }
}
