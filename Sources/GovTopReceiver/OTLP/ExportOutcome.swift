/// The result of one accepted export, for the response.
struct ExportOutcome: Sendable, Equatable {
    var signal: OTLPSignal
    /// Items (spans) refused while the rest of the request was accepted.
    var rejected: Int
    /// Why, when `rejected > 0`.
    var message: String

    static func accepted(_ signal: OTLPSignal) -> ExportOutcome { ExportOutcome(signal: signal, rejected: 0, message: "") }
}

/// An export accepted (perhaps in part) or refused, before either door renders it.
typealias ExportResult = Result<ExportOutcome, RequestFailure>
