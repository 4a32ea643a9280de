import Foundation
import Testing
@testable import GovTopConfig

/// Finding and reading the file itself.
@Suite struct ConfigFileTests {
    /// A fresh directory under the system's temporary directory, removed by `body`'s end.
    private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("govtop-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func missingFile() {
        #expect(loadError(path: "/nonexistent/govtop.yaml")?.description == "/nonexistent/govtop.yaml: no such file")
    }

    @Test func directoryInsteadOfFile() throws {
        try withTemporaryDirectory { directory in
            #expect(loadError(path: directory)?.description == "\(directory): is a directory, not a configuration file")
        }
    }

    @Test func fileThatIsNotUTF8() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/latin1.yaml"
            try Data([0x74, 0x68, 0x65, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
            #expect(loadError(path: path)?.description == "\(path): is not UTF-8 text")
        }
    }

    @Test func fileTooLarge() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/huge.yaml"
            try Data(repeating: UInt8(ascii: "#"), count: ConfigLoader.maximumFileBytes + 1).write(to: URL(fileURLWithPath: path))
            #expect(loadError(path: path)?.description == "\(path): is larger than 4MiB; a configuration file is a few kilobytes")
        }
    }

    /// Editors on Windows may start files with a byte order mark and end lines with CR LF.
    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/windows.yaml"
            try Data([0xEF, 0xBB, 0xBF] + Array("theme: dark\r\nhttp_port: 4000\r\n".utf8)).write(to: URL(fileURLWithPath: path))
            let configuration = try ConfigLoader.load(path: path)
            #expect(configuration.theme == "dark")
            #expect(configuration.port == 4000)
        }
    }

    @Test func emptyFileGivesTheDefaultsWithItsPath() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/empty.yaml"
            try Data().write(to: URL(fileURLWithPath: path))
            let configuration = try ConfigLoader.load(path: path)
            #expect(configuration.source == path)
            #expect(configuration.port == GovTopConfiguration.defaultPort)
        }
    }

    @Test func exampleLoadsFromTheResourceFile() throws {
        let url = try #require(ConfigLoader.exampleURL)
        #expect(try ConfigLoader.load(path: url.path).engine.policies.count == 3)
    }

    @Test func defaultPathPrefersXDGConfigHome() throws {
        try withTemporaryDirectory { directory in
            let xdg = directory + "/xdg"
            let home = directory + "/home"
            #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": xdg, "HOME": home]) == nil)
            try FileManager.default.createDirectory(atPath: home + "/.config/govtop", withIntermediateDirectories: true)
            try Data().write(to: URL(fileURLWithPath: home + "/.config/govtop/config.yaml"))
            #expect(ConfigLoader.defaultPath(environment: ["HOME": home]) == home + "/.config/govtop/config.yaml")
            #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "relative/dir", "HOME": home]) == home + "/.config/govtop/config.yaml")
            #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": xdg, "HOME": home]) == nil)
            try FileManager.default.createDirectory(atPath: xdg + "/govtop", withIntermediateDirectories: true)
            try Data().write(to: URL(fileURLWithPath: xdg + "/govtop/config.yaml"))
            #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": xdg, "HOME": home]) == xdg + "/govtop/config.yaml")
            #expect(ConfigLoader.defaultPath(environment: [:]) == nil)
        }
    }

    @Test func defaultPathIgnoresADirectoryNamedLikeTheFile() throws {
        try withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory + "/govtop/config.yaml", withIntermediateDirectories: true)
            #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": directory]) == nil)
        }
    }
}
