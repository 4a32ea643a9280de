/// Reads the top-level access keys: `token_file`, `metrics_auth`, `otlp_auth` and `tls: {cert, key}`.
/// An empty `token_file`, or `tls` with both files empty, is the default (no token, plain TCP).
enum AccessSection {
    enum Expected {
        static let tokenFile = "the path of a file holding the bearer token on one line"
        static let flag = "true or false"
        static let tls = "a mapping with cert (a PEM certificate file) and key (its PEM private key file)"
        static let certificate = "the path of a PEM certificate file (the server certificate, then any intermediates)"
        static let key = "the path of the PEM private key file of the certificate"
    }

    /// Reads `entry` into `settings` when it is an access key; false when it is another key.
    static func read(_ key: String, _ value: ConfigNode, into settings: inout AccessSettings) throws(ConfigError) -> Bool {
        switch key {
        case "token_file": settings.tokenFile = value.isNull ? nil : try value.text(expected: Expected.tokenFile)
        case "metrics_auth": settings.metricsAuth = try flag(value)
        case "otlp_auth": settings.otlpAuth = try flag(value)
        case "tls":
            guard !value.isNull else { return true }
            var certificate: String?
            var key: String?
            for entry in try value.entries(expected: Expected.tls) {
                switch entry.key {
                case "cert": certificate = entry.value.isNull ? nil : try entry.value.text(expected: Expected.certificate)
                case "key": key = entry.value.isNull ? nil : try entry.value.text(expected: Expected.key)
                default: throw entry.unknown(allowed: ConfigKeys.tls)
                }
            }
            if certificate != nil, key == nil { throw value.missing("key", expected: Expected.key) }
            if key != nil, certificate == nil { throw value.missing("cert", expected: Expected.certificate) }
            settings.tlsCertificate = certificate
            settings.tlsKey = key
        default: return false
        }
        return true
    }

    static func flag(_ value: ConfigNode) throws(ConfigError) -> Bool {
        switch try value.text(expected: Expected.flag).lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: throw value.expected(Expected.flag)
        }
    }
}
