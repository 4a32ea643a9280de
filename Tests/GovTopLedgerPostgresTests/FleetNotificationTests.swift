import GovTopTestSupport
import Foundation
import GovTopCore
import GovTopLedgerPostgres
import GovTopNotify
import Synchronization
import Testing

/// One notification per fleet (issue 16): claims in the shared ledger grant each transition of an
/// alert to one instance; two notifiers on one database send a budget alert once; with the database
/// refusing, the notification still goes out after the bounded wait.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct FleetNotificationTests {
    static func claim(_ request: NotificationClaim.Request, sink: String = "page") -> NotificationClaim {
        NotificationClaim(sink: sink, kind: .budgetThreshold, subject: "budget cap", request: request)
    }

    @Test func eachTransitionOfAnAlertIsGrantedToOneInstance() throws {
        let server = try PostgresTestServer.shared.get()
        let (a, b, url) = try server.twoInstances { try PostgresLedgerStore(url: $0, now: 0) }

        #expect(try a.claim(Self.claim(.fire(.warning))) == .won)
        #expect(try b.claim(Self.claim(.fire(.warning))) == .lost(by: "a"))
        // The same alert for another sink is a claim of its own.
        #expect(try b.claim(Self.claim(.fire(.warning), sink: "slack")) == .won)
        // An escalation is news; a late instance's lower severity after it is not.
        #expect(try b.claim(Self.claim(.fire(.critical))) == .won)
        #expect(try a.claim(Self.claim(.fire(.critical))) == .lost(by: "b"))
        #expect(try a.claim(Self.claim(.fire(.warning))) == .lost(by: "b"))
        // A reminder within its lease of the last claim is not sent again.
        #expect(try a.claim(Self.claim(.remind(.critical, leaseSeconds: 3600))) == .lost(by: "b"))
        #expect(try a.claim(Self.claim(.remind(.critical, leaseSeconds: 0.000_001))) == .won)
        // Resolved once; firing again after it is news again.
        #expect(try a.claim(Self.claim(.resolve)) == .won)
        #expect(try b.claim(Self.claim(.resolve)) == .lost(by: "a"))
        #expect(try a.claim(Self.claim(.remind(.critical, leaseSeconds: 0.000_001))) == .lost(by: "a"))
        #expect(try b.claim(Self.claim(.fire(.warning))) == .won)
        let row = try server.sql("SELECT state || ' ' || severity_rank || ' ' || claimed_by FROM govtop_fleet_notifications "
                                 + "WHERE sink = 'page'", database: url.database)
        #expect(row == "firing 1 b")
    }

    @Test func ofManyInstancesClaimingAtOnceExactlyOneWins() throws {
        let server = try PostgresTestServer.shared.get()
        var url = try server.makeDatabase(instance: "i0")
        let stores = try (0..<8).map { index -> PostgresLedgerStore in
            url.instance = "i\(index)"
            return try PostgresLedgerStore(url: url, now: 0)
        }
        let outcomes = Mutex<[NotificationClaimOutcome]>([])
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            let outcome = (try? stores[index].claim(Self.claim(.fire(.critical)))) ?? .lost(by: "error")
            outcomes.withLock { $0.append(outcome) }
        }
        let all = outcomes.withLock { $0 }
        #expect(all.filter { $0 == .won }.count == 1)
        let winner = try server.sql("SELECT claimed_by FROM govtop_fleet_notifications", database: url.database)
        #expect(all.filter { $0 == .lost(by: winner) }.count == stores.count - 1)
    }

    /// A command sink whose program appends each notification's event, kind and subject to a file.
    struct Hook {
        let directory: URL
        let path: String
        var lines: [String] {
            ((try? String(contentsOfFile: directory.appendingPathComponent("sent.txt").path, encoding: .utf8)) ?? "")
                .split(separator: "\n").map(String.init)
        }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-fleet-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            path = directory.appendingPathComponent("hook.sh").path
            let script = "#!/bin/sh\ntr -d '\\n' >> \"\(directory.path)/sent.txt\"\necho >> \"\(directory.path)/sent.txt\"\n"
            try Data(script.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }

        func sink() -> NotificationSinkSettings {
            NotificationSinkSettings(name: "page", target: .command([path]), kinds: [.budgetThreshold], timeoutSeconds: 30,
                                     maxAttempts: 1, backoffSeconds: 0.001, maxBackoffSeconds: 0.004)
        }
    }

    struct Instance {
        let member: FleetInstance
        let notifier: Notifier

        /// The system clock: the claim's bounded wait runs on the engine's clock.
        init(_ url: PostgresLedgerURL, hook: Hook, claimWaitSeconds: Double = 10) throws {
            member = try FleetInstance(url, budgets: [BudgetDefinition(name: "cap", limitUSD: 4, period: .daily, thresholds: [0.8],
                                                                       action: .alert)], clock: .system)
            notifier = try Notifier(engine: member.engine, sinks: [hook.sink()], interval: .milliseconds(5), claims: member.store,
                                    claimWaitSeconds: claimWaitSeconds)
        }

        var engine: Engine { member.engine }
        func writerStep() throws { try member.writerStep() }

        var fleet: FleetClaimStatus? { engine.notificationsSnapshot().fleet }
        var alertRaised: Bool { engine.alerts().contains { $0.kind == .budgetThreshold && $0.isActive } }
    }

    /// Polls until `condition` holds (a hang limit, not a timing assertion).
    static func wait(until condition: () -> Bool) async throws {
        let limit = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < limit, !condition() { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test func twoNotifiersOfAFleetSendABudgetAlertOnce() async throws {
        let server = try PostgresTestServer.shared.get()
        let hook = try Hook()
        defer { try? FileManager.default.removeItem(at: hook.directory) }
        let (a, b, _) = try server.twoInstances { try Instance($0, hook: hook) }
        a.notifier.start()
        b.notifier.start()

        // $2 each: 50% of the $4 budget alone, 100% for the fleet (its 80% threshold crossed).
        a.engine.ingest(FleetInstance.batch(1, team: "ml", cost: 2))
        b.engine.ingest(FleetInstance.batch(2, team: "ml", cost: 2))
        try a.writerStep()
        try b.writerStep()
        try a.writerStep()
        a.engine.tick()
        b.engine.tick()
        #expect(a.alertRaised && b.alertRaised)
        try await Self.wait { [a, b] in
            guard let x = a.fleet, let y = b.fleet else { return false }
            return x.won + y.won + x.notifiedElsewhere + y.notifiedElsewhere == 2 && hook.lines.count >= 1
        }
        await BlockingWork.run(a.notifier.stop)
        await BlockingWork.run(b.notifier.stop)

        let lines = hook.lines
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("\"budget_threshold\"") == true)
        let (x, y) = try (#require(a.fleet), #require(b.fleet))
        #expect(x.won + y.won == 1)
        #expect(x.notifiedElsewhere + y.notifiedElsewhere == 1)
        let loser = x.won == 1 ? y : x
        #expect(loser.recentElsewhere.first?.by == (x.won == 1 ? "a" : "b"))
        #expect(loser.recentElsewhere.first?.kind == .budgetThreshold)
        #expect(x.deliveredUnclaimed == 0 && y.deliveredUnclaimed == 0)
    }

    @Test func withTheDatabaseRefusingTheNotificationIsDeliveredAfterTheBoundedWait() async throws {
        let server = try PostgresTestServer.shared.get()
        let hook = try Hook()
        defer { try? FileManager.default.removeItem(at: hook.directory) }
        let url = try server.makeDatabase(instance: "a")
        let a = try Instance(url, hook: hook, claimWaitSeconds: 0.5)
        a.engine.ingest(FleetInstance.batch(1, team: "ml", cost: 4))
        try a.writerStep()
        // From here the database takes no connection: the claim cannot be made.
        _ = try server.sql("ALTER DATABASE \(url.database) ALLOW_CONNECTIONS false", database: "postgres")
        _ = try server.sql("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE datname = '\(url.database)'",
                           database: "postgres")
        a.notifier.start()
        a.engine.tick()
        // Delivered by the claimer itself once the wait is over (not by the stop, which also delivers what waits).
        try await Self.wait { hook.lines.count >= 1 }
        #expect(hook.lines.count == 1)
        await BlockingWork.run(a.notifier.stop)
        _ = try server.sql("ALTER DATABASE \(url.database) ALLOW_CONNECTIONS true", database: "postgres")

        #expect(hook.lines.count == 1)
        let fleet = try #require(a.fleet)
        #expect(fleet.deliveredUnclaimed == 1)
        #expect(fleet.won == 0)
        #expect(fleet.failedAttempts >= 1)
        #expect(fleet.lastError?.contains(url.description) == true)
    }
}
