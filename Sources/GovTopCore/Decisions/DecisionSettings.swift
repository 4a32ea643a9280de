/// How the decision endpoint reads a request and answers a refusal (`decision:` in the configuration).
public struct DecisionSettings: Sendable, Hashable {
    /// The request header that carries each dimension's value (`X-GenOps-Team`, ...). Query
    /// parameters named after the dimensions (`team=`) take precedence.
    public var headers: [Dimension: String]
    /// The status of a refusal: 429 by default; nginx's `auth_request` only passes 401 and 403.
    public var denyStatus: Int

    public static let defaultHeaders: [Dimension: String] = [
        .team: "X-GenOps-Team", .project: "X-GenOps-Project", .customer: "X-GenOps-Customer",
        .environment: "X-GenOps-Environment", .costCenter: "X-GenOps-Cost-Center", .feature: "X-GenOps-Feature",
        .model: "X-GenOps-Model", .provider: "X-GenOps-Provider", .service: "X-GenOps-Service",
    ]
    /// The statuses a refusal may have.
    public static let denyStatuses = 400...599
    /// The longest dimension value a request may send, in UTF-8 bytes.
    public static let maxValueBytes = 256

    public init(headers: [Dimension: String] = DecisionSettings.defaultHeaders, denyStatus: Int = 429) {
        self.headers = headers
        self.denyStatus = denyStatus
    }
}
