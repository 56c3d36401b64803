import Chain
import Execution
import Testing

/// The send context prices the OP-stack L1 data fee on the chains that charge one, without being told.
@Suite struct RunContextTests {
    static let client = try! RPCClient(urls: ["http://127.0.0.1:9"])

    @Test(arguments: [UInt64(10), 8453, 7_777_777, 84532])
    func opStackChainsPriceTheL1Fee(_ chainID: UInt64) {
        #expect(RunContext(client: Self.client, chainID: chainID).opStack)
    }

    @Test(arguments: [UInt64(1), 31337, 42161, 137])
    func otherChainsDoNot(_ chainID: UInt64) {
        #expect(!RunContext(client: Self.client, chainID: chainID).opStack)
    }

    @Test func anExplicitChoiceWins() {
        #expect(!RunContext(client: Self.client, chainID: 10, opStack: false).opStack)
        #expect(RunContext(client: Self.client, chainID: 31337, opStack: true).opStack)
    }
}
