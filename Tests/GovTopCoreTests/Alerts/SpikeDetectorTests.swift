import Testing
@testable import GovTopCore

@Suite struct SpikeDetectorTests {
    /// Factor 3, minimum $0.10/min, error threshold 20% over at least 20 requests.
    private let detector = SpikeDetector(settings: AlertSettings())

    @Test func costSpikeMessageNamesRateRatioAndBaseline() throws {
        let spike = try #require(detector.costSpike(usdPerMinute: 4.2, baselineUSDPerMinute: 0.79))
        #expect(spike.kind == .costSpike)
        #expect(spike.subject == "cost rate")
        #expect(spike.severity == .warning)
        #expect(spike.increment == 0)
        #expect(spike.message == "Cost rate $4.20/min is 5.3× the 1-hour baseline of $0.79/min")
    }

    @Test(arguments: [
        (0.75, 0.25, nil),                        // exactly the factor is not above it
        (0.7501, 0.25, AlertSeverity.warning),
        (1.4999, 0.25, .warning),
        (1.5, 0.25, .critical),                   // twice the factor
        (0.10, 0.0, nil),                         // the minimum itself is not above it
        (0.1001, 0.0, .warning),                  // no baseline: above the minimum is enough
        (0.09, 0.001, nil),                       // 90× the baseline but under the minimum
        (-1.0, 0.0, nil),
        (Double.nan, 0.1, nil),
        (Double.infinity, 0.1, nil),
        (1.0, -0.5, nil),
        (1.0, Double.nan, nil),
    ] as [(Double, Double, AlertSeverity?)])
    func costSpikeEdges(rate: Double, baseline: Double, severity: AlertSeverity?) {
        #expect(detector.costSpike(usdPerMinute: rate, baselineUSDPerMinute: baseline)?.severity == severity)
    }

    @Test func costSpikeWithoutBaselineAndWithScope() throws {
        let spike = try #require(detector.costSpike(usdPerMinute: 0.5, baselineUSDPerMinute: 0, scope: "team:ml"))
        #expect(spike.subject == "cost rate team:ml")
        #expect(spike.message == "Cost rate for team:ml $0.50/min after no spend in the past hour")
    }

    @Test func costSpikeFollowsTheSettings() {
        let strict = SpikeDetector(settings: AlertSettings(costSpikeFactor: 10, costSpikeMinimumUSDPerMinute: 1))
        #expect(strict.costSpike(usdPerMinute: 5, baselineUSDPerMinute: 0.6) == nil)
        #expect(strict.costSpike(usdPerMinute: 0.9, baselineUSDPerMinute: 0) == nil)
        #expect(strict.costSpike(usdPerMinute: 1.5, baselineUSDPerMinute: 0.1)?.severity == .warning)
    }

    @Test func errorRateMessageNamesShareCountsAndThreshold() throws {
        let spike = try #require(detector.errorRateSpike(requests: 50, errors: 17))
        #expect(spike.kind == .errorRateSpike)
        #expect(spike.subject == "error rate")
        #expect(spike.severity == .warning)
        #expect(spike.message == "Error rate 34% (17 of 50 requests in the last 5 min) is above the 20% threshold")
    }

    @Test(arguments: [
        (19, 19, nil),                            // too few requests to judge
        (20, 4, nil),                             // exactly the threshold is not above it
        (20, 5, AlertSeverity.warning),
        (100, 39, .warning),
        (100, 40, .critical),                     // twice the threshold
        (20, 0, nil),
        (20, 25, .critical),                      // more errors than requests: all failed
        (0, 0, nil),
        (-5, 3, nil),
        (30, -3, nil),
    ] as [(Int, Int, AlertSeverity?)])
    func errorRateEdges(requests: Int, errors: Int, severity: AlertSeverity?) {
        #expect(detector.errorRateSpike(requests: requests, errors: errors)?.severity == severity)
    }

    @Test func errorRateClampsErrorsToRequestsInTheMessage() throws {
        let spike = try #require(detector.errorRateSpike(requests: 20, errors: 25, scope: "service:chat"))
        #expect(spike.subject == "error rate service:chat")
        #expect(spike.message == "Error rate for service:chat 100% (20 of 20 requests in the last 5 min) is above the 20% threshold")
    }

    @Test func aHighThresholdIsCriticalOnlyWhenEverythingFails() {
        let lenient = SpikeDetector(settings: AlertSettings(errorRateThreshold: 0.6, errorRateMinimumRequests: 1))
        #expect(lenient.errorRateSpike(requests: 10, errors: 9)?.severity == .warning)
        #expect(lenient.errorRateSpike(requests: 10, errors: 10)?.severity == .critical)
    }
}
