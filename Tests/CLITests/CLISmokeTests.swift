import Testing

@Suite struct CLISmokeTests {
    @Test func keccakPrintsDigest() throws {
        let r = try DefiBinary.run(["keccak", "abc"])
        #expect(r.stdout == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45\n")
        #expect(r.status == 0)
    }
}
