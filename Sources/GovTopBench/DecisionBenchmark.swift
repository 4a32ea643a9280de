import Foundation
import GovTopCore
import GovTopReceiver
import SwiftProtobuf
import Synchronization

/// decide (issue 15): `GET /api/v1/decision` answered by a real server on loopback, asked one
/// request after the other on one keep-alive connection (as a gateway's connection pool does),
/// while another client exports 512-span batches to the same server's OTLP/HTTP door without pause. Reports
/// decisions per second and the latency distribution (p50, p99, max) seen by the client, with the
/// budgets of the fixture's teams set to `block` and one of them exhausted, so answers are both
/// allows and denials (429 with Retry-After).
///
/// Wall-clock latency on a shared machine includes scheduling delays of the client, the server's
/// event loop and the ingest thread competing for cores: the figures are an upper bound.
enum DecisionBenchmark {
    static let teams = ["ml-platform", "search-quality", "customer-support", "growth-experiments"]

    static func run(seconds: Double) -> String {
        var budgets = teams.map { BudgetDefinition(scope: [.team: $0], limitUSD: 1_000_000, period: .daily, action: .block) }
        budgets.append(BudgetDefinition(name: "exhausted", scope: [.team: "exhausted"], limitUSD: 0.000001, period: .rolling(seconds: 86_400),
                                        initialConsumedUSD: 1, action: .block))
        budgets.append(BudgetDefinition(limitUSD: 10_000_000, period: .monthly, action: .alert))
        let engine = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: 100_000), budgets: budgets))
        engine.tick()
        let server = GovTopServer(configuration: ReceiverConfiguration(host: "127.0.0.1", port: 0, grpcPort: nil), engine: engine)
        guard let port = blockingAwait({ try? await server.start() }) else { return "decision: the server did not start" }
        defer { blockingAwait { await server.stop() } }

        let stop = Atomic<Bool>(false)
        let ingested = Atomic<Int>(0)
        let payloads: [[UInt8]] = (0..<16).map { index in
            (try? GenAIBatchFixture.request(spanCount: 512, seed: 0xDEC1_5000 + UInt64(index)).serializedBytes()) ?? []
        }
        // Ingest goes through the server's own OTLP/HTTP door, so it runs where it runs in govtop:
        // on the export workers, below the event loop that answers decisions.
        let posts: [[UInt8]] = payloads.map { body in
            Array("POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-protobuf\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        }
        let ingestThread = Thread {
            guard let exporter = try? KeepAliveClient(port: port) else { return }
            var next = 0
            while !stop.load(ordering: .relaxed) {
                let post = posts[next % posts.count]
                next += 1
                guard let status = try? exporter.exchange(post) else { return }
                if status == 200 { ingested.add(512, ordering: .relaxed) }
            }
        }
        ingestThread.start()
        defer { stop.store(true, ordering: .relaxed) }

        guard let client = try? KeepAliveClient(port: port) else { return "decision: cannot connect to the server" }
        let requests = (teams + ["exhausted", "nobody"]).map { team in
            Array("GET /api/v1/decision HTTP/1.1\r\nHost: 127.0.0.1\r\nX-GenOps-Team: \(team)\r\n\r\n".utf8)
        }
        // Warm up, then measure.
        var statuses: [Int: Int] = [:]
        for index in 0..<2000 { _ = try? client.exchange(requests[index % requests.count]) }
        var latencies: [UInt64] = []
        latencies.reserveCapacity(Int(seconds * 100_000))
        let spansBefore = ingested.load(ordering: .relaxed)
        let start = monotonicNanos()
        let deadline = start + UInt64(seconds * 1e9)
        var index = 0
        while true {
            let before = monotonicNanos()
            guard before < deadline else { break }
            guard let status = try? client.exchange(requests[index % requests.count]) else { return "decision: the connection failed" }
            latencies.append(monotonicNanos() - before)
            statuses[status, default: 0] += 1
            index += 1
        }
        let elapsed = Double(monotonicNanos() - start) / 1e9
        let spans = ingested.load(ordering: .relaxed) - spansBefore
        latencies.sort()
        func percentile(_ p: Double) -> String {
            guard !latencies.isEmpty else { return "-" }
            let value = latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
            return String(format: "%.3f ms", Double(value) / 1e6)
        }
        let rate = Double(latencies.count) / elapsed
        let counted = statuses.sorted { $0.key < $1.key }.map { "\($0.value) x \($0.key)" }.joined(separator: ", ")
        return """
            decision: GET /api/v1/decision on one keep-alive connection, one request after the other, while ingesting
              \(latencies.count) decisions in \(String(format: "%.2f", elapsed)) s: \(String(format: "%.0f", rate)) decisions/s \
            (target >= 20000)
              latency p50 \(percentile(0.5)), p99 \(percentile(0.99)) (target <= 1 ms), p99.9 \(percentile(0.999)), \
            max \(latencies.last.map { String(format: "%.3f ms", Double($0) / 1e6) } ?? "-")
              answers: \(counted); ingested meanwhile: \(spans) spans (\(String(format: "%.0f", Double(spans) / elapsed)) spans/s)
            """
    }

    private static func monotonicNanos() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Runs async work to completion from synchronous code (the benchmark's main thread).
    @discardableResult
    private static func blockingAwait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await work()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return result.withLock { $0! }
    }
}

/// A minimal blocking HTTP/1.1 client on one socket: sends a request, reads one response
/// (headers and a Content-Length body) and returns its status.
final class KeepAliveClient {
    struct Failure: Error {}
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 64 << 10)
    private var pending: [UInt8] = []

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure() }
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure()
        }
    }

    deinit { close(descriptor) }

    func exchange(_ request: [UInt8]) throws -> Int {
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure() }
            sent += count
        }
        while true {
            if let (status, length) = parse() {
                pending.removeFirst(length)
                return status
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure() }
            pending += buffer[0..<count]
        }
    }

    /// The status and whole length of the first complete response in `pending`, if there is one.
    private func parse() -> (Int, Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard pending.count >= 4, let end = (0...(pending.count - 4)).first(where: { pending[$0..<($0 + 4)].elementsEqual(separator) })
        else { return nil }
        let head = String(decoding: pending[0..<end], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.count >= 12, let status = Int(statusLine.dropFirst(9).prefix(3)) else { return nil }
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        guard pending.count >= end + 4 + length else { return nil }
        return (status, end + 4 + length)
    }
}
