import Foundation
import NIOSSL

/// A self-signed certificate for `localhost` and 127.0.0.1, made at test time with the openssl
/// command (nil when it is not installed; the TLS tests are then skipped).
struct TestCertificate {
    let directory: URL
    var certificateFile: String { directory.appendingPathComponent("cert.pem").path }
    var keyFile: String { directory.appendingPathComponent("key.pem").path }

    static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `withIPAddress`: the certificate also names 127.0.0.1 (else only `name`).
    static func make(name: String = "localhost", withIPAddress: Bool = true) throws -> TestCertificate {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = TestCertificate(directory: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try require(openssl))
        process.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=\(name)",
                             "-addext", "subjectAltName=DNS:\(name)" + (withIPAddress ? ",IP:127.0.0.1" : ""),
                             "-keyout", certificate.keyFile, "-out", certificate.certificateFile]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return certificate
    }

    /// A server context presenting this certificate.
    func serverContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificateFile).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem)))
        return try NIOSSLContext(configuration: configuration)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// `#require` for throwing contexts outside a test body.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw CocoaError(.fileNoSuchFile) }
    return value
}
