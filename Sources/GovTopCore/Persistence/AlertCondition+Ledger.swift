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

    /// The subject of the alert about reading a fleet's figures: `fleet figures <url>`.
    public static func fleetReadSubject(path: String) -> String { "fleet figures \(path)" }

    /// fleet (issue 16): the shared ledger answered the fleet read with something the store refused
    /// (a corrupt or negative amount another writer put there) or not at all. A kind of its own (the
    /// ledger was not failing to be written); it resolves at the next good read (`Engine.applyFleet`).
    public static func fleetReadFailure(path: String, message: String, failures: Int) -> AlertCondition {
        AlertCondition(kind: .fleetReadFailure, subject: fleetReadSubject(path: path), severity: .critical,
                       message: ControlCharacters.replaced(in: "the fleet's figures could not be read from the shared ledger "
                           + "(\(failures) failed reads): \(message). This instance's own spend is still counted and committed; "
                           + "the other instances' is shown as of the last good read (ledger_fleet_read_age_seconds)."))
    }
}
