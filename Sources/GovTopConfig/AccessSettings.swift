import Foundation

/// Who may talk to govtop and how (auth: issue 16): `token_file:`, `metrics_auth:`, `otlp_auth:` and
/// `tls: {cert:, key:}` at the top level of the configuration, or `--token-file`, `--metrics-auth`,
/// `--otlp-auth`, `--tls-cert`, `--tls-key` and `--insecure-no-auth` on the command line.
/// Paths are kept as given; relative ones in a configuration file are taken from its directory.
public struct AccessSettings: Sendable, Equatable {
    /// The file holding the bearer token; nil: no token.
    public var tokenFile: String?
    /// `/metrics` asks for the token (nil: yes, when a token is set).
    public var metricsAuth: Bool?
    /// The OTLP doors ask for the token (nil: no).
    public var otlpAuth: Bool?
    /// PEM certificate chain and key; nil: plain TCP.
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// Listen beyond loopback without a token (`--insecure-no-auth` only: a deliberate act each run).
    public var insecureNoAuth = false

    public init(tokenFile: String? = nil, metricsAuth: Bool? = nil, otlpAuth: Bool? = nil,
                tlsCertificate: String? = nil, tlsKey: String? = nil, insecureNoAuth: Bool = false) {
        self.tokenFile = tokenFile
        self.metricsAuth = metricsAuth
        self.otlpAuth = otlpAuth
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
        self.insecureNoAuth = insecureNoAuth
    }

    /// Relative paths taken from `directory` (the configuration file's).
    mutating func resolvePaths(relativeTo directory: String) {
        func resolved(_ path: String?) -> String? {
            path.map { $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0) }
        }
        tokenFile = resolved(tokenFile)
        tlsCertificate = resolved(tlsCertificate)
        tlsKey = resolved(tlsKey)
    }
}
