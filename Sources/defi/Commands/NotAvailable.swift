import DeFiCore

/// The run body of a subcommand whose engine has not landed: one error line and exit code 7.
enum NotAvailable {
    static func fail(_ command: String) throws -> Never {
        throw NotAvailableError(command: command)
    }
}
