import ArgumentParser
import GovTopConfig
import GovTopReceiver

/// `--token-file`, `--metrics-auth`/`--no-metrics-auth`, `--otlp-auth`, `--tls-cert`, `--tls-key` and
/// `--insecure-no-auth` (auth: issue 16), laid over the configuration's access keys.
struct AccessOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("File holding the bearer token on one line: the API and /metrics then answer 401 without Authorization: Bearer <token> (/healthz stays open).", valueName: "file"))
    var tokenFile: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Whether /metrics asks for the token too (default: yes, when a token is set).")
    var metricsAuth: Bool?

    @Flag(name: .long, help: "The OTLP receivers (HTTP /v1/... and gRPC) ask for the token too; exporters send it with OTEL_EXPORTER_OTLP_HEADERS.")
    var otlpAuth = false

    @Option(name: .long, help: ArgumentHelp("PEM certificate chain: both ports speak TLS only (needs --tls-key).", valueName: "file"))
    var tlsCert: String?

    @Option(name: .long, help: ArgumentHelp("PEM private key of the --tls-cert certificate.", valueName: "file"))
    var tlsKey: String?

    @Flag(name: .long, help: "Listen beyond loopback without a token (anyone who can reach the port may read the API and send telemetry).")
    var insecureNoAuth = false

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together: give the certificate file and its private key file.")
        }
    }

    /// The configuration's access settings with these flags laid over them.
    func apply(to settings: inout AccessSettings) {
        if let tokenFile { settings.tokenFile = tokenFile }
        if let metricsAuth { settings.metricsAuth = metricsAuth }
        if otlpAuth { settings.otlpAuth = true }
        if let tlsCert, let tlsKey {
            settings.tlsCertificate = tlsCert
            settings.tlsKey = tlsKey
        }
        if insecureNoAuth { settings.insecureNoAuth = true }
    }
}

extension ReceiverConfiguration {
    /// Reads the token file and checks the TLS files named in `settings`, sets what asks for the
    /// token, and checks the whole configuration (the loopback rule among it), so a bad file or an
    /// open listen address stops govtop before it opens its state. Returns warnings to print.
    mutating func applyAccess(_ settings: AccessSettings) throws -> [String] {
        var warnings: [String] = []
        var token: BearerToken?
        if let path = settings.tokenFile {
            let loaded = try TokenFile.load(path)
            token = loaded.token
            if let warning = loaded.warning { warnings.append(warning) }
        }
        access = AccessControl(token: token, metricsRequireToken: settings.metricsAuth ?? true,
                               otlpRequiresToken: settings.otlpAuth ?? false)
        if token == nil, settings.otlpAuth == true {
            warnings.append("otlp_auth is on but no token is set (--token-file): the OTLP receivers stay open")
        }
        if let certificate = settings.tlsCertificate, let key = settings.tlsKey {
            tls = TLSFiles(certificatePath: certificate, keyPath: key)
            try tls?.check()
        }
        allowsOpenExposure = settings.insecureNoAuth
        try validate()
        return warnings
    }
}
