import GovTopCore

/// govtop's settings, read from its configuration file (`ConfigLoader`) or all defaults.
public struct GovTopConfiguration: Sendable {
    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 4318
    /// The OTLP/gRPC port, on the same host (`receiver.grpc_port`, `--grpc-port`).
    public static let defaultGRPCPort = 4317
    public static let defaultMaxBodyBytes = 64 << 20

    /// Address the OTLP/HTTP receiver and the API listen on.
    public var host: String
    public var port: Int
    /// Largest request body accepted, after decompression.
    public var maxBodyBytes: Int
    /// Connection limits (`receiver:`); unset values keep the receiver's defaults.
    public var receiver: ReceiverSettings
    /// The engine's settings; `engine.pricing` is the shipped table with `pricingOverrides` laid
    /// over it.
    public var engine: EngineConfiguration
    /// The `pricing:` entries as written, already merged into `engine.pricing`.
    public var pricingOverrides: [ModelPrice]
    /// A theme name or path, validated later by the UI.
    public var theme: String?
    /// `record:`: where accepted exports are recorded; nil when they are not.
    public var record: RecordSettings?
    /// `ledger:`: the shared ledger's `postgres://` URL; nil for the state directory's SQLite ledger.
    public var ledger: String?
    /// `pricing_file:`: a pricing table that replaces the shipped one (`loadPricingFile(relativeTo:)`).
    public var pricingFile: PricingFileSetting?
    /// Whether the dashboard asks the terminal for mouse reports (`mouse:`, `--no-mouse`).
    public var mouse = true
    /// Token, TLS and what asks for the token (auth: issue 16).
    public var access = AccessSettings()
    /// decide (issue 15): how `GET /api/v1/decision` reads requests and refuses (`decision:`).
    public var decision = DecisionSettings()
    /// `notifications:`: where alerts are sent (issue 15); empty for nowhere.
    public var notifications: [NotificationSinkSettings] = []
    /// The file the settings came from; nil for the defaults.
    public var source: String?

    public init(host: String = defaultHost, port: Int = defaultPort, maxBodyBytes: Int = defaultMaxBodyBytes,
                receiver: ReceiverSettings = ReceiverSettings(),
                engine: EngineConfiguration = EngineConfiguration(), pricingOverrides: [ModelPrice] = [],
                theme: String? = nil, source: String? = nil) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.receiver = receiver
        self.engine = engine
        self.pricingOverrides = pricingOverrides
        self.theme = theme
        self.source = source
    }
}
