import GovTopCore
import GovTopReceiver
import Testing

/// Starts a real server with its OTLP/gRPC door on a free port, runs `body` with a connected
/// gRPC client, and always stops both.
func withGRPCServer<T>(_ configuration: ReceiverConfiguration = .forTests(), engine: Engine = Engine(),
                       _ body: (_ client: GRPCTestClient, _ ports: (grpc: Int, http: Int), _ engine: Engine) async throws -> T) async throws -> T {
    var configuration = configuration
    configuration.grpcPort = 0
    let server = GovTopServer(configuration: configuration, engine: engine)
    let httpPort = try await server.start()
    do {
        let grpcPort = try #require(server.grpcPort)
        let client = try await GRPCTestClient(port: grpcPort)
        do {
            let result = try await body(client, (grpcPort, httpPort), engine)
            await client.close()
            await server.stop()
            return result
        } catch {
            await client.close()
            throw error
        }
    } catch {
        await server.stop()
        throw error
    }
}

/// The fields of a `google.rpc.Status` from `grpc-status-details-bin`, read with a minimal
/// protobuf reader: code, message, and the retry delay of a `google.rpc.RetryInfo` detail.
struct DecodedRPCStatus: Equatable {
    var code: Int64 = 0
    var message = ""
    var detailTypes: [String] = []
    var retryDelaySeconds: Int64?

    init?(_ bytes: [UInt8]) {
        guard let fields = Self.fields(bytes) else { return nil }
        for (number, value) in fields {
            switch (number, value) {
            case (1, .varint(let code)): self.code = Int64(code)
            case (2, .bytes(let text)): message = String(decoding: text, as: UTF8.self)
            case (3, .bytes(let any)):
                guard let anyFields = Self.fields(any) else { return nil }
                for case (1, .bytes(let type)) in anyFields { detailTypes.append(String(decoding: type, as: UTF8.self)) }
                for case (2, .bytes(let retryInfo)) in anyFields {
                    for case (1, .bytes(let duration)) in Self.fields(retryInfo) ?? [] {
                        for case (1, .varint(let seconds)) in Self.fields(duration) ?? [] { retryDelaySeconds = Int64(seconds) }
                    }
                }
            default: break
            }
        }
    }

    enum Value: Equatable {
        case varint(UInt64)
        case bytes([UInt8])
    }

    static func fields(_ bytes: [UInt8]) -> [(Int, Value)]? {
        var fields: [(Int, Value)] = []
        var index = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        while index < bytes.count {
            guard let key = varint() else { return nil }
            switch key & 7 {
            case 0:
                guard let value = varint() else { return nil }
                fields.append((Int(key >> 3), .varint(value)))
            case 2:
                guard let length = varint(), index + Int(length) <= bytes.count else { return nil }
                fields.append((Int(key >> 3), .bytes(Array(bytes[index ..< index + Int(length)]))))
                index += Int(length)
            default:
                return nil
            }
        }
        return fields
    }
}
