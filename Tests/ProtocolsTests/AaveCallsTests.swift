import Primitives
import Testing

@testable import Protocols

@Suite struct AaveCallsTests {
    @Test func selectorsMatchTheirLiterals() {
        let cases: [(ABIFunction, String)] = [
            (AavePool.GetUserAccountData.function, "bf92857c"),
            (AavePool.GetReserveData.function, "35ea6a75"),
            (AavePool.LiquidationCall.function, "00a718a9"),
            (AavePool.FlashLoanSimple.function, "42b0b77c"),
            (AavePool.FlashLoanPremiumTotal.function, "074b2e43"),
            (AaveOracle.GetAssetPrice.function, "b3596f07"),
            (AaveOracle.GetAssetsPrices.function, "9d23d9f2"),
        ]
        for (f, hex) in cases {
            #expect(f.selector.description.hasSuffix(hex), "\(f.signature): \(f.selector)")
        }
    }

    @Test func dataProviderAndPremiumShareSelectors() {
        // Computed by the Keccak of Primitives; listed here so a signature typo shows up as a changed literal.
        #expect(AaveDataProvider.GetUserReserveData.function.signature == "getUserReserveData(address,address)")
        #expect(AaveDataProvider.GetUserReserveData.function.selector.description.hasSuffix("28dd2d01"))
        #expect(
            AaveDataProvider.GetReserveConfigurationData.function.selector.description.hasSuffix("3e150141"))
        #expect(AavePool.FlashLoanPremiumToProtocol.function.selector.description.hasSuffix("6a99c036"))
    }

    @Test func liquidationCallCalldataLayout() throws {
        let call = AavePool.LiquidationCall(
            collateralAsset: try T.addr(1), debtAsset: try T.addr(2), user: try T.addr(3), debtToCover: .max,
            receiveAToken: false)
        let data = try call.encode()
        #expect(data.count == 4 + 5 * 32)
        #expect(Array(data.prefix(4)) == [0x00, 0xa7, 0x18, 0xa9])
        #expect(data[35] == 1 && data[67] == 2 && data[99] == 3)
        #expect(data[100..<132].allSatisfy { $0 == 0xff })
        #expect(data[163] == 0)
    }

    @Test func reserveDataDecodesIntoAReserve() throws {
        let words: [ABIValue] = [
            .tuple([.uint(T.e(7, 0))]), .uint(T.e(11, 26)), .uint(1), .uint(T.e(12, 26)), .uint(2), .uint(0),
            .uint(1_700_000_000), .uint(4), .address(try T.addr(5)), .address(.zero), .address(try T.addr(6)),
            .address(try T.addr(7)), .uint(0), .uint(0), .uint(0),
        ]
        let encoded = try ABI.encode(types: [AavePool.GetReserveData.tuple], values: [.tuple(words)])
        let d = try AavePool.GetReserveData.decode(encoded)
        #expect(d.liquidityIndex == T.e(11, 26) && d.variableBorrowIndex == T.e(12, 26))
        #expect(d.lastUpdateTimestamp == 1_700_000_000 && d.id == 4 && d.configuration.rawValue == 7)
        let r = AaveReserve(asset: try T.addr(9), price: T.e(1, 8), reserveData: d)
        #expect(r.liquidityIndex == T.e(11, 26) && r.id == 4)
    }

    @Test func accountDataDecodes() throws {
        let vals: [ABIValue] = (1...6).map { .uint(U256(UInt64($0))) }
        let bytes = try ABI.encode(types: Array(repeating: .uint256, count: 6), values: vals)
        let d = try AavePool.GetUserAccountData.decode(bytes)
        #expect(d.totalCollateralBase == 1 && d.healthFactor == 6)
        #expect(throws: AaveError.self) { try AavePool.GetUserAccountData.decode(bytes.prefix(64)) }
    }
}
