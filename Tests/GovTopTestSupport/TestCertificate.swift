import Foundation
import NIOSSL

/// A self-signed certificate with its key, made at test time by the system's `openssl` in a fresh
/// temporary directory (nothing secret is committed). Shared by the test targets that need TLS:
/// the receiver's doors and `govtop attach`'s client.
public struct TestCertificate: Sendable {
    public let directory: URL
    public var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    public var keyPath: String { directory.appendingPathComponent("key.pem").path }

    /// The openssl command; nil when it is not installed (tests that need a certificate say so).
    public static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A new certificate and key. `commonName` tells several apart (a second one makes a mismatched
    /// pair); `hosts` are the DNS names and IP addresses it is valid for.
    public static func make(_ commonName: String = "govtop-test", hosts: [String] = ["localhost", "127.0.0.1"]) throws -> TestCertificate {
        guard let openssl else { throw CertificateError(description: "openssl is not installed; it makes the test certificates") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = TestCertificate(directory: directory)
        let names = hosts.map { host in (host.contains(":") || host.allSatisfy { $0 == "." || $0.isNumber } ? "IP:" : "DNS:") + host }
        try run(openssl, ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                          "-subj", "/CN=\(commonName)", "-addext", "subjectAltName=" + names.joined(separator: ","),
                          "-keyout", certificate.keyPath, "-out", certificate.certificatePath])
        return certificate
    }

    /// A server context presenting this certificate.
    public func serverContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificatePath).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem)))
        return try NIOSSLContext(configuration: configuration)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private static func run(_ openssl: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CertificateError(description: "openssl \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }

    /// openssl is missing or failed; the description says which and why.
    public struct CertificateError: Error, CustomStringConvertible {
        public var description: String
    }
}
