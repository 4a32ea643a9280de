import Foundation
import GovTopCore

/// Posts OTLP protobuf bodies and reads API responses over one keep-alive connection.
struct APIClient: Sendable {
    let port: Int

    func post(_ request: ProtoTraceRequest) async throws -> TestResponse {
        let body = OTLPFixtures.bytes(request)
        return try await blocking {
            try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf], body: body)
        }
    }

    func get(_ path: String) async throws -> TestResponse {
        try await blocking { try HTTPTestClient(port: port).exchange("GET", path) }
    }
}
