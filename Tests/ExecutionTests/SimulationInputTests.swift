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

    @Test func receiptDeltasNetTransfersOfTheWatchedHoldersAndChargeTheSender() throws {
        let token = Self.to
        let sender = try Address(parsing: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        let executor = try Address(parsing: "0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f")
        let pair = try Address(parsing: "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F")
        func topic(_ a: Address) -> Hash32 { try! Hash32(bytes: [UInt8](repeating: 0, count: 12) + a.bytes) }
        func transfer(_ from: Address, _ to: Address, _ v: UInt64) -> Log {
            Log(
                address: token, topics: [ReceiptDeltas.transferTopic, topic(from), topic(to)],
                data: U256(v).bigEndianBytes,
                blockNumber: 1)
        }
        let logs = [
            transfer(pair, executor, 100), transfer(executor, pair, 60), transfer(executor, sender, 40),
            transfer(pair, pair, 999),
        ]
        let d = ReceiptDeltas.compute(logs: logs, holders: [executor, sender], sender: sender, ethSpent: U256(21_000))
        #expect(
            d
                == [
                    TokenDelta(holder: executor, token: token, delta: I256(0)),
                    TokenDelta(holder: sender, token: token, delta: I256(40)),
                    TokenDelta(holder: sender, token: .zero, delta: I256(-21_000)),
                ].filter { !$0.delta.isZero })
    }
}
