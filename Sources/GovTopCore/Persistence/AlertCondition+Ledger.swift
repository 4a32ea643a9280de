extension AlertCondition {
    /// The ledger of record could not be written: what is on screen is right, but would not survive a
    /// restart. Raised on every failed commit; it resolves once commits succeed again.
    public static func ledgerWriteFailure(path: String, message: String, failures: Int) -> AlertCondition {
        AlertCondition(kind: .ledgerWriteFailure, subject: "ledger \(path)", severity: .critical,
                       message: "the ledger of record could not be written (\(failures) failed commits): \(message). "
                           + (path.hasPrefix("postgres")
                              ? "Spend is still counted in memory and its deltas wait (bounded) until the database answers."
                              : "Spend is still counted in memory; free disk space or fix the state directory."))
    }
}
