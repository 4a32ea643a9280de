import Foundation

/// A self-signed certificate for `localhost` and 127.0.0.1 with its key, made at test time by the
/// system's `openssl` in a fresh temporary directory (nothing secret is committed).
struct TestCertificate {
    let directory: URL
    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    var keyPath: String { directory.appendingPathComponent("key.pem").path }

    /// A new certificate and key; `name` tells several apart (a second one makes a mismatched pair).
    static func make(_ name: String = "govtop-test") throws -> TestCertificate {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = TestCertificate(directory: directory)
        try run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                 "-subj", "/CN=\(name)", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                 "-keyout", certificate.keyPath, "-out", certificate.certificatePath])
        return certificate
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
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

    struct CertificateError: Error, CustomStringConvertible {
        var description: String
    }
}
