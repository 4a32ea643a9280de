import Testing
import GovTopReceiver

@Suite struct ReceiverConfigurationTests {
    @Test func defaultsListenOnLoopbackOnTheOTLPPort() throws {
        let configuration = ReceiverConfiguration()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 4318)
        #expect(configuration.maxBodyBytes == 64 * 1024 * 1024)
        #expect(configuration.maxConnections == 256)
        #expect(configuration.idleTimeout == .seconds(60))
        #expect(configuration.headerTimeout == .seconds(10))
        #expect(configuration.minBodyBytesPerSecond == 32 * 1024)
        #expect(configuration.decodeLimits.maxValueDepth == 32)
        try configuration.validate()
    }
}
