import Foundation
@testable import GovTopConfig

/// Paths of the fixture files shipped with the tests.
enum Fixture {
    static func path(_ name: String, in folder: String = "errors") -> String {
        let base = (name as NSString).deletingPathExtension
        let url = Bundle.module.url(forResource: base, withExtension: "yaml", subdirectory: "Fixtures/\(folder)")
        return url?.path ?? "missing fixture \(folder)/\(name)"
    }
}

/// The error a load throws, or nil when it succeeds.
func loadError(path: String) -> ConfigError? {
    do {
        _ = try ConfigLoader.load(path: path)
        return nil
    } catch {
        return error
    }
}

func loadError(yaml: String, source: String = "config.yaml") -> ConfigError? {
    do {
        _ = try ConfigLoader.load(yaml: yaml, source: source)
        return nil
    } catch {
        return error
    }
}
