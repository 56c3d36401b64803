import Foundation
import Testing

@testable import History

/// A lock-protected box shared between test threads.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func with<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

@Suite struct ConcurrencyTests {
    @Test func readersSeeCommittedRowsWhileOneWriterWrites() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let writes = 150
        let done = Shared(false)
        let failures = Shared<[String]>([])
        let readCounts = Shared<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 5) { worker in
            if worker == 0 {
                for i in 0..<writes {
                    do { try store.recordOpportunity(Fixture.opportunity(at: i)) } catch {
                        failures.with { $0.append("write \(i): \(error)") }
                    }
                }
                done.with { $0 = true }
                return
            }
            var last = 0
            var reads = 0
            while !done.with({ $0 }) || reads == 0 {
                do {
                    let rows = try store.listOpportunities()
                    // Each read is one snapshot: never fewer rows than before, every row complete.
                    if rows.count < last { failures.with { $0.append("count went back \(last) -> \(rows.count)") } }
                    if rows.contains(where: { $0.size != Fixture.maxU256 }) {
                        failures.with { $0.append("partial row seen") }
                    }
                    last = rows.count
                    reads += 1
                } catch {
                    failures.with { $0.append("read: \(error)") }
                    return
                }
            }
            readCounts.with { $0.append(reads) }
        }
        #expect(failures.with { $0 } == [])
        #expect(readCounts.with { $0.count } == 4)
        #expect(try store.listOpportunities().count == writes)
    }

    @Test func twoStoresOnOneFileNeverReserveTheSameNonce() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let stores = [try temp.open(), try temp.open()]
        let perStore = 60
        let nonces = Shared<[UInt64]>([])
        let failures = Shared<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let store = stores[worker % 2]
            for _ in 0..<(perStore / 2) {
                do {
                    let nonce = try store.reserveNonce(chainID: 1, address: Fixture.sender, chainPending: 0)
                    nonces.with { $0.append(nonce) }
                } catch {
                    failures.with { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.with { $0 } == [])
        #expect(nonces.with { $0.sorted() } == (0..<UInt64(2 * perStore)).map { $0 })
        #expect(try stores[0].storedNextNonce(chainID: 1, address: Fixture.sender) == UInt64(2 * perStore))
    }
}
