import TestSupport
import Testing

@testable import Primitives

@Suite struct TransactionTests {
    static func u256(_ s: Any?) throws -> U256 { try U256(parsing: s as! String) }

    @Test func eip155ExampleFromTheEIP() throws {
        let key = try PrivateKey(hex: "0x4646464646464646464646464646464646464646464646464646464646464646")
        let tx = Transaction.legacy(
            chainID: 1, nonce: 9, gasPrice: U256(20_000_000_000), gasLimit: 21000,
            to: try Address(parsing: "0x3535353535353535353535353535353535353535"),
            value: try U256(parsing: "1000000000000000000"))
        #expect(
            tx.signingPayload.hex
                == "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080")
        #expect(tx.signingHash.description == "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")
        let signed = tx.signed(with: key)
        #expect(signed.v == U256(37))
        #expect(
            signed.rawBytes.hex
                == "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
        )
        #expect(signed.hash.description == "0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788")
        #expect(try signed.sender().description == "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
        let decoded = try SignedTransaction.decode(signed.rawBytes)
        #expect(decoded == signed)
    }

    @Test(.enabled(if: Fixtures.hasVector("transactions-ethereum-tests"), "../shared/vectors absent"))
    func basicTxTestsReproduceSignedBytes() throws {
        let cases = try Fixtures.vector("transactions-ethereum-tests")["basic_txtest"] as! [[String: Any]]
        #expect(!cases.isEmpty)
        for c in cases {
            let name = c["name"] as! String
            let up = c["upstream"] as! [String: Any]
            let to = up["to"] as! String
            let tx = Transaction.legacy(
                chainID: nil, nonce: UInt64(up["nonce"] as! Int),
                gasPrice: try U256(parsing: "\(up["gasprice"]!)"), gasLimit: UInt64(up["startgas"] as! Int),
                to: to.isEmpty ? nil : try Address(parsing: "0x" + to),
                value: try U256(parsing: "\(up["value"]!)"), data: try Hex.decode(up["data"] as! String))
            let signed = tx.signed(with: try PrivateKey(hex: up["key"] as! String))
            let upstream = try Hex.decode(up["signed"] as! String)
            #expect(Keccak256.hash(upstream).description == c["tx_hash"] as! String, "\(name)")
            if c["high_s_signature"] as! Bool {
                // Upstream signed with a high s (pre-Homestead); we sign low-s (EIP-2) as eth-account does,
                // and refuse to recover a sender from the high-s original.
                #expect(signed.rawBytes.hex == c["eth_account_raw_signed_tx"] as! String, "\(name)")
                #expect(throws: TransactionError.self, "\(name)") { try SignedTransaction.decode(upstream).sender() }
            } else {
                #expect(signed.rawBytes == upstream, "\(name)")
            }
            #expect(try signed.sender().description == c["sender"] as! String, "\(name)")
        }
    }

    /// ethereum/tests TransactionTests: decoding plus `validate(chainID: 1, rules: .cancun)` must reach the same
    /// verdict as the latest fork listed, and valid transactions must give the listed hash and sender.
    @Test(.enabled(if: Fixtures.hasVector("transactions-ethereum-tests"), "../shared/vectors absent"))
    func upstreamTransactionTestsVerdicts() throws {
        let tests = try Fixtures.vector("transactions-ethereum-tests")["upstream_transaction_tests"] as! [[String: Any]]
        #expect(tests.count > 200)
        var checked = 0
        for t in tests {
            let name = t["name"] as! String
            let latest = t["latest_fork"] as! String
            let results = t["results"] as! [[String: Any]]
            let result = results.first { ($0["forks"] as! [String]).contains(latest) }!["result"] as! [String: Any]
            let valid = t["valid_in_latest_fork"] as! Bool
            let raw = try Hex.decode(t["txbytes"] as! String)
            do {
                let signed = try SignedTransaction.decode(raw)
                let sender = try signed.validate(chainID: 1, rules: .cancun)
                #expect(valid, "\(name): accepted, expected \(result["exception"] ?? "?")")
                if valid {
                    #expect(signed.hash.description == result["hash"] as! String, "\(name)")
                    #expect(sender.lowercaseHex == result["sender"] as! String, "\(name)")
                    #expect(signed.rawBytes == raw, "\(name): re-encoding differs")
                }
            } catch {
                #expect(!valid, "\(name): rejected with \(error), expected valid")
            }
            checked += 1
        }
        #expect(checked == tests.count)
    }

    @Test(.enabled(if: Fixtures.hasOracle("tx"), "oracle tx.json absent: run scripts/test"))
    func signingMatchesEthAccountByteForByte() throws {
        let cases = try Fixtures.oracle("tx")["cases"] as! [[String: Any]]
        #expect(cases.count >= 500)
        for (i, c) in cases.enumerated() {
            let type = TransactionType(rawValue: UInt8(c["type"] as! Int))!
            let chainID = (c["chain_id"] as? String).map { UInt64($0)! }
            let to = try (c["to"] as? String).map { try Address(parsing: $0) }
            let access = try (c["access_list"] as! [[Any]]).map { e in
                AccessListEntry(
                    address: try Address(parsing: e[0] as! String),
                    storageKeys: try (e[1] as! [String]).map { try Hash32(hex: $0) })
            }
            let tx = Transaction(
                type: type, chainID: chainID, nonce: UInt64(c["nonce"] as! String)!,
                gasPrice: try Self.u256(c["gas_price"]), maxPriorityFeePerGas: try Self.u256(c["max_priority_fee"]),
                maxFeePerGas: try Self.u256(c["max_fee"]), gasLimit: UInt64(c["gas"] as! String)!, to: to,
                value: try Self.u256(c["value"]), data: try Hex.decode(c["data"] as! String), accessList: access)
            let signed = tx.signed(with: try PrivateKey(hex: c["private_key"] as! String))
            #expect(signed.rawBytes.hex == c["raw"] as! String, "case \(i)")
            #expect(signed.hash.description == c["hash"] as! String, "case \(i)")
            #expect(signed.v == (try Self.u256(c["v"])), "case \(i)")
            let decoded = try SignedTransaction.decode(signed.rawBytes)
            #expect(decoded == signed, "case \(i)")
            #expect(try decoded.sender().description == c["sender"] as! String, "case \(i)")
        }
    }

    @Test func decodeRejectsBadInputWithTypedErrors() throws {
        #expect(throws: TransactionError.empty) { try SignedTransaction.decode([]) }
        #expect(throws: TransactionError.unsupportedType(3)) { try SignedTransaction.decode([0x03, 0xc0]) }
        #expect(throws: TransactionError.invalidEnvelope(0x80)) { try SignedTransaction.decode([0x80]) }
        #expect(throws: TransactionError.wrongFieldCount(type: .legacy, expected: 9, got: 0)) {
            try SignedTransaction.decode([0xc0])
        }
        // A valid transaction with one byte cut off, or one extra byte, is malformed RLP.
        let key = try PrivateKey(hex: "0x4646464646464646464646464646464646464646464646464646464646464646")
        let raw = Transaction.dynamicFee(
            chainID: 31337, nonce: 0, maxPriorityFeePerGas: 1, maxFeePerGas: 2, gasLimit: 21000, to: nil
        ).signed(with: key).rawBytes
        #expect(throws: TransactionError.self) { try SignedTransaction.decode(Array(raw.dropLast())) }
        #expect(throws: TransactionError.self) { try SignedTransaction.decode(raw + [0]) }
        // Every truncation and every single-byte corruption is an error or a different valid transaction,
        // never a crash.
        for n in 0..<raw.count { _ = try? SignedTransaction.decode(Array(raw.prefix(n))) }
        for i in 0..<raw.count {
            var bad = raw
            bad[i] ^= 0x5a
            _ = try? SignedTransaction.decode(bad).sender()
        }
    }

    @Test func validateAppliesChainFeeAndIntrinsicGasRules() throws {
        let key = try PrivateKey(hex: "0x4646464646464646464646464646464646464646464646464646464646464646")
        let to = try Address(parsing: "0x3535353535353535353535353535353535353535")
        let ok = Transaction.dynamicFee(
            chainID: 31337, nonce: 0, maxPriorityFeePerGas: 1, maxFeePerGas: 2, gasLimit: 21000, to: to)
        #expect(try ok.signed(with: key).validate(chainID: 31337) == (try Address(bytes: key.addressBytes)))
        #expect(throws: TransactionError.chainIDMismatch(expected: 1, got: 31337)) {
            try ok.signed(with: key).validate(chainID: 1)
        }
        var tip = ok
        tip.maxPriorityFeePerGas = 3
        #expect(throws: TransactionError.priorityFeeAboveMaxFee) { try tip.signed(with: key).validate(chainID: 31337) }
        var low = ok
        low.data = [1, 0]
        #expect(throws: TransactionError.intrinsicGasTooLow(required: 21020, gasLimit: 21000)) {
            try low.signed(with: key).validate(chainID: 31337, rules: .cancun)
        }
        // EIP-7623: 100 non-zero bytes = 400 tokens; standard 21000 + 1600, floor 21000 + 4000.
        var floor = ok
        floor.data = [UInt8](repeating: 0xff, count: 100)
        #expect(floor.intrinsicGas(rules: .cancun) == 22_600)
        #expect(floor.intrinsicGas(rules: .prague) == 25_000)
        // Creation: 21000 + 32000 + 2 per word + calldata.
        var create = ok
        create.to = nil
        create.data = [UInt8](repeating: 0, count: 33)
        #expect(create.intrinsicGas(rules: .cancun) == 21_000 + 32_000 + 4 + 33 * 4)
        var big = create
        big.data = [UInt8](repeating: 0, count: 49_153)
        big.gasLimit = 30_000_000
        #expect(throws: TransactionError.initCodeTooLarge(49_153)) {
            try big.signed(with: key).validate(chainID: 31337)
        }
        var overflow = ok
        overflow.maxFeePerGas = .max
        overflow.maxPriorityFeePerGas = 0
        #expect(throws: TransactionError.gasLimitPriceProductOverflow) {
            try overflow.signed(with: key).validate(chainID: 31337)
        }
    }

    @Test func effectiveGasPriceFollowsEIP1559() throws {
        let tx = Transaction.dynamicFee(
            chainID: 1, nonce: 0, maxPriorityFeePerGas: 2, maxFeePerGas: 10, gasLimit: 21000, to: nil)
        #expect(tx.effectiveGasPrice(baseFee: 5) == U256(7))
        #expect(tx.effectiveGasPrice(baseFee: 9) == U256(10))
        #expect(tx.effectiveGasPrice(baseFee: 11) == nil)
    }
}
