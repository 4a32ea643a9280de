import GovTopClient
import Testing

@Suite struct DemoProgressTests {
    @Test func lineOfACleanRun() {
        var progress = DemoProgress()
        progress.spansSent = 1_234_567
        progress.batchesSent = 61
        progress.elapsedSeconds = 61.7
        #expect(progress.line(duration: 120) == "1,234,567 spans in 61 batches, 0 errors, 61 s / 120 s")
        #expect(progress.line(duration: nil) == "1,234,567 spans in 61 batches, 0 errors, 61 s")
    }

    @Test func lineOfATroubledRun() {
        var progress = DemoProgress()
        progress.spansSent = 40
        progress.batchesSent = 2
        progress.errors = 1
        progress.retries = 1
        progress.batchesFailed = 1
        progress.spansFailed = 19
        progress.spansRejected = 3
        progress.elapsedSeconds = 3
        progress.lastError = "HTTP 503: busy"
        #expect(progress.line(duration: 2.5)
            == "40 spans in 2 batches, 1 error (1 retried), 1 batches (19 spans) lost, 3 spans rejected, 3 s / 2.5 s — last error: HTTP 503: busy")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (-12345, "-12,345")])
    func groupsThousands(value: Int, text: String) {
        #expect(DemoProgress.grouped(value) == text)
    }
}
