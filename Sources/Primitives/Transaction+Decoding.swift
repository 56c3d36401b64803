extension SignedTransaction {
    /// Decodes a raw signed envelope (as `eth_sendRawTransaction` takes it) strictly: canonical RLP, no trailing
    /// bytes, exact field counts, 20-byte addresses, 32-byte storage keys, integers without leading zeros,
    /// nonce and gas within 64 bits, r and s in range.
    public static func decode(_ raw: [UInt8]) throws(TransactionError) -> SignedTransaction {
        guard let first = raw.first else { throw .empty }
        switch first {
        case 0xc0...0xff: return try decodeLegacy(raw)
        case 0x01: return try decodeTyped(.accessList, Array(raw.dropFirst()))
        case 0x02: return try decodeTyped(.dynamicFee, Array(raw.dropFirst()))
        case 0x00...0x7f: throw .unsupportedType(first)
        default: throw .invalidEnvelope(first)
        }
    }

    /// Decodes from `0x`-prefixed hex.
    public static func decode(hex: some StringProtocol) throws(TransactionError) -> SignedTransaction {
        let bytes: [UInt8]
        do { bytes = try Hex.decode(hex) } catch { throw .invalidHex(error) }
        return try decode(bytes)
    }

    static func fields(_ bytes: [UInt8], type: TransactionType, count: Int) throws(TransactionError) -> [RLPItem] {
        let item: RLPItem
        do { item = try RLP.decode(bytes) } catch { throw .malformed(field: "envelope", error) }
        let list: [RLPItem]
        do { list = try item.list() } catch { throw .malformed(field: "envelope", error) }
        guard list.count == count else { throw .wrongFieldCount(type: type, expected: count, got: list.count) }
        return list
    }

    static func field<T>(_ name: String, _ body: () throws(RLPError) -> T) throws(TransactionError) -> T {
        do { return try body() } catch { throw .malformed(field: name, error) }
    }

    static func signature(r: U256, s: U256, recoveryID: UInt8) throws(TransactionError) -> Signature {
        do { return try Signature(r: r, s: s, recoveryID: Int(recoveryID)) } catch {
            throw .invalidSignature(error.description)
        }
    }

    static func decodeLegacy(_ raw: [UInt8]) throws(TransactionError) -> SignedTransaction {
        let f = try fields(raw, type: .legacy, count: 9)
        let nonce = try field("nonce") { () throws(RLPError) in try f[0].uint64() }
        let gasPrice = try field("gasPrice") { () throws(RLPError) in try f[1].u256() }
        let gas = try field("gasLimit") { () throws(RLPError) in try f[2].uint64() }
        let to = try field("to") { () throws(RLPError) in try f[3].address() }
        let value = try field("value") { () throws(RLPError) in try f[4].u256() }
        let data = try field("data") { () throws(RLPError) in try f[5].bytes() }
        let v = try field("v") { () throws(RLPError) in try f[6].u256() }
        let r = try field("r") { () throws(RLPError) in try f[7].u256() }
        let s = try field("s") { () throws(RLPError) in try f[8].u256() }
        let chainID: UInt64?
        let recoveryID: UInt8
        if v == U256(27) || v == U256(28) {
            chainID = nil
            recoveryID = UInt8(truncatingIfNeeded: (v - U256(27)).w.0)
        } else if v >= U256(35) {
            let (q, rem) = (v - U256(35)).quotientAndRemainder(dividingBy: UInt64(2))
            guard let id = q.uint64 else { throw .invalidV("EIP-155 chain id exceeds 64 bits (v = \(v))") }
            chainID = id
            recoveryID = UInt8(rem)
        } else {
            throw .invalidV("\(v)")
        }
        let tx = Transaction.legacy(
            chainID: chainID, nonce: nonce, gasPrice: gasPrice, gasLimit: gas, to: to, value: value, data: data)
        return SignedTransaction(transaction: tx, signature: try signature(r: r, s: s, recoveryID: recoveryID))
    }

    static func decodeAccessList(_ item: RLPItem) throws(TransactionError) -> [AccessListEntry] {
        try field("accessList") { () throws(RLPError) -> [AccessListEntry] in
            var out: [AccessListEntry] = []
            for entry in try item.list() {
                let pair = try entry.list(count: 2)
                guard let address = try pair[0].address() else { throw RLPError.wrongLength(expected: 20, got: 0) }
                let keys = try pair[1].list().map { (k: RLPItem) throws(RLPError) -> Hash32 in try k.hash32() }
                out.append(AccessListEntry(address: address, storageKeys: keys))
            }
            return out
        }
    }

    static func decodeTyped(_ type: TransactionType, _ body: [UInt8]) throws(TransactionError) -> SignedTransaction {
        let f = try fields(body, type: type, count: type == .accessList ? 11 : 12)
        let chainID = try field("chainId") { () throws(RLPError) in try f[0].uint64() }
        let nonce = try field("nonce") { () throws(RLPError) in try f[1].uint64() }
        var tx: Transaction
        var rest: ArraySlice<RLPItem>
        if type == .accessList {
            let gasPrice = try field("gasPrice") { () throws(RLPError) in try f[2].u256() }
            tx = Transaction(
                type: .accessList, chainID: chainID, nonce: nonce, gasPrice: gasPrice, gasLimit: 0, to: nil)
            rest = f[3...]
        } else {
            let tip = try field("maxPriorityFeePerGas") { () throws(RLPError) in try f[2].u256() }
            let cap = try field("maxFeePerGas") { () throws(RLPError) in try f[3].u256() }
            tx = Transaction(
                type: .dynamicFee, chainID: chainID, nonce: nonce, maxPriorityFeePerGas: tip, maxFeePerGas: cap,
                gasLimit: 0, to: nil)
            rest = f[4...]
        }
        let g = Array(rest)
        tx.gasLimit = try field("gasLimit") { () throws(RLPError) in try g[0].uint64() }
        tx.to = try field("to") { () throws(RLPError) in try g[1].address() }
        tx.value = try field("value") { () throws(RLPError) in try g[2].u256() }
        tx.data = try field("data") { () throws(RLPError) in try g[3].bytes() }
        tx.accessList = try decodeAccessList(g[4])
        let yParity = try field("yParity") { () throws(RLPError) in try g[5].uint64() }
        guard yParity <= 1 else { throw .invalidV("y parity \(yParity)") }
        let r = try field("r") { () throws(RLPError) in try g[6].u256() }
        let s = try field("s") { () throws(RLPError) in try g[7].u256() }
        return SignedTransaction(
            transaction: tx, signature: try signature(r: r, s: s, recoveryID: UInt8(yParity)))
    }
}
