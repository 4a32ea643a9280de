import GovTopClient

/// `govtop attach` stopped before drawing: at the first poll an instance refused the token (or
/// asked for one), or its certificate did not verify. One line per instance, each naming it and
/// what to pass.
struct AttachRefusal: Error, CustomStringConvertible {
    let failures: [APIFailure]

    var description: String {
        failures.map(\.description).joined(separator: "\n")
    }
}
