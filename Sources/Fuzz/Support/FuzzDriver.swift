import CLibFuzzer
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Starts libFuzzer from a fuzz target's `main.swift`: it reads the libFuzzer flags from the command
/// line, calls the target's `LLVMFuzzerTestOneInput` on every input it generates or is given, and
/// exits with its status.
///
/// libFuzzer's own `main` goes unused because SwiftPM links an executable's entry point under a
/// name of its own (`<module>_main`, aliased to `main`), so the target needs top-level code.
public enum FuzzDriver {
    public static func run() -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
    }
}
