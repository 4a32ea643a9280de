import ArgumentParser
import Foundation
import GovTopClient
import GovTopCore
import GovTopReceiver

/// `govtop conformance`: judges recorded OTLP traces against the GenOps Governance Specification
/// v0.1, for a runtime's own CI.
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Check recorded OTLP traces against the GenOps Governance Specification v0.1.",
        discussion: """
            Reads each FILE (OTLP/JSON export requests one per line, as govtop --record and a \
            Collector's file exporter write them, gzip allowed; one OTLP/JSON request; or one \
            OTLP/protobuf ExportTraceServiceRequest) and checks every AI Workload Unit (a span \
            that declares genops.spec.version or carries genops.policy.* or genops.accounting.* \
            attributes or GenOps events) against the rules of the specification. Services without \
            any AWU are "not GenOps"; AWUs of a version other than 0.1.x are reported, not judged. \
            Exits 0 when every GenOps service is fully compliant, 1 when any is partial or \
            non-compliant, 2 when a file cannot be read.
            """
    )

    @Argument(help: ArgumentHelp("Recorded OTLP files.", valueName: "file"))
    var files: [String]

    @Flag(name: .long, help: "Print the report as JSON (the shape of GET /api/v1/conformance).")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one recorded OTLP file.") }
    }

    func run() throws {
        var checker = ConformanceFiles()
        for file in files {
            do {
                try checker.read(path: file)
            } catch {
                StandardError.write("govtop conformance: \(error)")
                throw ExitCode(2)
            }
        }
        let report = checker.report()
        if json {
            FileHandle.standardOutput.write(Data(ConformanceRenderer.json(report) + [UInt8(ascii: "\n")]))
        } else {
            FileHandle.standardOutput.write(Data(ConformanceText.render(report, spans: checker.spans).utf8))
        }
        if report.fails { throw ExitCode.failure }
    }
}
