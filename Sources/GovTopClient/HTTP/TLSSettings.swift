import NIOCore
import NIOSSL

/// How a client verifies the servers it talks to over `https://`: against the system's trust
/// store, or against the CA certificates of one PEM file (`--ca-file`). Certificates are always
/// verified, host name (or IP address) included; there is no switch to turn that off.
public struct TLSSettings: Sendable, Hashable {
    /// A PEM file of CA certificates to trust instead of the system's.
    public var caFile: String?

    public init(caFile: String? = nil) {
        self.caFile = caFile
    }

    /// The client context; throws a `TLSSetupError` when the CA file cannot be read.
    func makeContext() throws(TLSSetupError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        if let caFile {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                throw TLSSetupError(description: "cannot read CA certificates from \(caFile): \(Self.reason(error)); give a PEM file")
            }
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TLSSetupError(description: "cannot set up TLS: \(Self.reason(error))")
        }
    }

    /// A TLS failure in words: a certificate that does not verify says so and what to do.
    static func reason(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("unableToValidateCertificate") || text.contains("failedToValidateHostname") {
            return "the server's certificate could not be verified (not signed by a CA this machine trusts, expired, "
                + "or for another host name); pass --ca-file with the CA certificate that signed it"
        }
        if case .cannotFindPeerIP? = error as? NIOSSLError { return "the server's address is unknown, so its certificate cannot be checked" }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH_TOO_LONG") {
            return "the server did not answer with TLS (is it plain http://?)"
        }
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}

/// TLS could not be set up on the client side (before any connection).
public struct TLSSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
