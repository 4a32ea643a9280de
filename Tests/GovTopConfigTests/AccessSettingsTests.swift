import Foundation
import Testing
@testable import GovTopConfig

/// `token_file:`, `metrics_auth:`, `otlp_auth:` and `tls: {cert:, key:}` (auth: issue 16).
@Suite struct AccessSettingsTests {
    @Test func readsEveryKey() throws {
        let yaml = "token_file: /etc/govtop/token\nmetrics_auth: false\notlp_auth: yes\ntls:\n  cert: /etc/govtop/cert.pem\n  key: /etc/govtop/key.pem\n"
        let access = try ConfigLoader.load(yaml: yaml, source: "test.yaml").access
        #expect(access == AccessSettings(tokenFile: "/etc/govtop/token", metricsAuth: false, otlpAuth: true,
                                         tlsCertificate: "/etc/govtop/cert.pem", tlsKey: "/etc/govtop/key.pem"))
    }

    @Test(arguments: ["", "token_file:\ntls:\n", "tls:\n  cert:\n  key:\n"])
    func emptyValuesAreTheDefaults(yaml: String) throws {
        #expect(try ConfigLoader.load(yaml: yaml, source: "test.yaml").access == AccessSettings())
    }

    @Test(arguments: [
        ("tls:\n  cert: a.pem\n", "missing key \"key\""),
        ("tls:\n  key: a.key\n", "missing key \"cert\""),
        ("tls:\n  cert: a.pem\n  key: a.key\n  ca: c.pem\n", "unknown key \"ca\""),
        ("tls: on\n", "tls: expected a mapping with cert"),
        ("otlp_auth: maybe\n", "otlp_auth: expected true or false"),
        ("token_fille: t\n", "did you mean \"token_file\""),
    ])
    func mistakesAreNamed(yaml: String, message: String) {
        let error = loadError(yaml: yaml, source: "test.yaml")
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }

    @Test func relativePathsAreTakenFromTheConfigurationFilesDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.yaml").path
        try Data("token_file: secrets/token\ntls: {cert: tls/cert.pem, key: /abs/key.pem}\n".utf8).write(to: URL(fileURLWithPath: path))
        let access = try ConfigLoader.load(path: path).access
        #expect(access.tokenFile == directory.appendingPathComponent("secrets/token").path)
        #expect(access.tlsCertificate == directory.appendingPathComponent("tls/cert.pem").path)
        #expect(access.tlsKey == "/abs/key.pem")
    }
}
