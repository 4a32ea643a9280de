import Foundation
import NIOCore
import NIOSSL

/// A PEM certificate chain and its private key: with them both doors speak TLS only (HTTP/1.1 by
/// ALPN `http/1.1`, gRPC by ALPN `h2`).
public struct TLSFiles: Sendable, Hashable {
    /// PEM file: the server certificate first, then any intermediates.
    public var certificatePath: String
    /// PEM file: the private key of the first certificate.
    public var keyPath: String

    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// Reads both files and builds the contexts once, so a problem is reported before anything else starts.
    public func check() throws(TLSSetupError) {
        _ = try serverContexts()
    }

    /// The server contexts of both doors, built once at start-up, so an unreadable, malformed or
    /// mismatched file stops govtop before it listens, with the file named.
    func serverContexts() throws(TLSSetupError) -> (http: NIOSSLContext, grpc: NIOSSLContext) {
        try Self.checkReadable(certificatePath, what: "certificate")
        try Self.checkReadable(keyPath, what: "private key")
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw TLSSetupError(file: certificatePath, problem: "cannot be read as a PEM certificate (\(error))")
        }
        guard !chain.isEmpty else {
            throw TLSSetupError(file: certificatePath, problem: "holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw TLSSetupError(file: keyPath, problem: "cannot be read as a PEM private key (\(error))")
        }
        func context(_ protocols: [String]) throws(TLSSetupError) -> NIOSSLContext {
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            configuration.minimumTLSVersion = .tlsv12
            configuration.applicationProtocols = protocols
            do {
                return try NIOSSLContext(configuration: configuration)
            } catch {
                throw TLSSetupError(file: keyPath, problem: "does not match the certificate in \(certificatePath) (\(error))")
            }
        }
        return (try context(["http/1.1"]), try context(["h2"]))
    }

    private static func checkReadable(_ path: String, what: String) throws(TLSSetupError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TLSSetupError(file: path, problem: "does not exist (the TLS \(what) file)")
        }
        guard !isDirectory.boolValue else { throw TLSSetupError(file: path, problem: "is a directory, not a PEM \(what) file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw TLSSetupError(file: path, problem: "cannot be read (the TLS \(what) file); check its permissions")
        }
    }
}

/// A certificate or key file govtop cannot serve TLS with.
public struct TLSSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String

    public var description: String {
        "TLS: \(file) \(problem); give a readable PEM certificate with --tls-cert and its private key with --tls-key"
    }
}
