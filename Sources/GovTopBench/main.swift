// govtop-bench: `swift run -c release govtop-bench [--filter NAME] [--seconds S] [--clock cpu|wall] [--list]`
import Foundation

/// Sections with a report of their own (not rows of the table), run after the table.
let reports = ["store-memory", "ingest-contended", "decision"]

let sections: [any BenchmarkSection] = [
    ProtobufDecodeBenchmark(),
    IngestBenchmark(),
    AgentIngestBenchmark(),
    FrameBenchmark(),
]

var filter: String?
var timer = BenchmarkTimer()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--filter":
        filter = arguments.popFirst()?.lowercased()
    case "--seconds":
        guard let text = arguments.popFirst(), let seconds = Double(text), seconds > 0 else {
            print("--seconds needs a positive number")
            exit(2)
        }
        timer.budget = seconds
    case "--clock":
        guard let text = arguments.popFirst(), let clock = BenchmarkTimer.Clock(rawValue: text) else {
            print("--clock needs cpu or wall")
            exit(2)
        }
        timer.clock = clock
    case "--list":
        (sections.map(\.name) + reports).forEach { print($0) }
        exit(0)
    default:
        print("usage: govtop-bench [--filter NAME] [--seconds S] [--clock cpu|wall] [--list]")
        exit(argument == "--help" || argument == "-h" ? 0 : 2)
    }
}

let selected = sections.filter { filter == nil || $0.name.lowercased().contains(filter!) }
let wantsMemory = filter.map { "store-memory".contains($0) } ?? true
let wantsDecision = filter.map { "decision".contains($0) } ?? true // decide (issue 15): its own report (rate and p99)
let wantsContended = filter.map { "ingest-contended".contains($0) } ?? true // two threads: its own report
if selected.isEmpty && !wantsMemory && !wantsDecision && !wantsContended {
    print("no benchmark section matches '\(filter ?? "")'; sections: " + (sections.map(\.name) + reports).joined(separator: ", "))
    exit(2)
}
#if DEBUG
print("warning: debug build; use `swift run -c release govtop-bench` for meaningful numbers\n")
#endif
let rows = selected.flatMap { $0.run(timer: timer) }
if !rows.isEmpty {
    print("median of interleaved runs, \(timer.clock == .cpu ? "thread CPU time" : "wall-clock time"), \(timer.budget) s per case\n")
    print(ResultTable.render(rows))
}
if wantsMemory {
    print("\n" + StoreMemoryBenchmark.run())
}
if wantsContended {
    print("\n" + ContendedIngestBenchmark.run(seconds: max(1.5, timer.budget * 2)))
}
if wantsDecision {
    print("\n" + DecisionBenchmark.run(seconds: max(1, timer.budget * 3)))
}
