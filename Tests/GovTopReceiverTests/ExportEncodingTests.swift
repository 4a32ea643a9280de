import Testing

@Suite struct ExportEncodingTests {
    @Test(arguments: [("gzip", Zlib.Framing.gzip), ("deflate", .zlib), ("deflate", .raw), ("GZip", .gzip)])
    func compressedBodiesAreInflated(encoding: String, framing: Zlib.Framing) async throws {
        let body = Zlib.compress(OTLPFixtures.traceBody(spans: 4), framing)
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces",
                                                        headers: [OTLPFixtures.contentTypeProtobuf, ("Content-Encoding", encoding)], body: body)
            }
            #expect(response.status == 200)
            #expect(engine.summary().spansReceived == 4)
        }
    }

    @Test func identityEncodingIsAccepted() async throws {
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces",
                                                        headers: [OTLPFixtures.contentTypeProtobuf, ("Content-Encoding", "identity")],
                                                        body: OTLPFixtures.traceBody(spans: 1))
            }
            #expect(response.status == 200)
            #expect(engine.summary().spansReceived == 1)
        }
    }

    @Test(arguments: ["br", "zstd", "compress"])
    func otherEncodingsAre415WithAMessage(encoding: String) async throws {
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces",
                                                        headers: [OTLPFixtures.contentTypeJSON, ("Content-Encoding", encoding)],
                                                        body: Array("{}".utf8))
            }
            #expect(response.status == 415)
            #expect(response.header("Content-Type") == "application/json")
            #expect((response.json["message"] as? String)?.contains(encoding) == true)
        }
    }

    @Test func corruptGzipIs400() async throws {
        try await withServer { port, _ in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces",
                                                        headers: [OTLPFixtures.contentTypeProtobuf, ("Content-Encoding", "gzip")],
                                                        body: Array("definitely not gzip".utf8))
            }
            #expect(response.status == 400)
            let status = try ProtoStatusShape(serializedBytes: response.body)
            #expect(status.errorMessage.contains("could not be decompressed"))
        }
    }

    @Test func gzipBombIs413AndTheConnectionStaysUsable() async throws {
        let limit = 1 << 20
        let bomb = Zlib.bomb(decompressedSize: 256 << 20)
        try await withServer(.forTests(maxBodyBytes: limit)) { port, engine in
            let (bombed, next) = try await blocking {
                let client = try HTTPTestClient(port: port)
                let bombed = try client.exchange("POST", "/v1/traces",
                                                 headers: [OTLPFixtures.contentTypeProtobuf, ("Content-Encoding", "gzip")], body: bomb)
                let next = try client.exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                               body: OTLPFixtures.traceBody(spans: 1))
                return (bombed, next)
            }
            #expect(bombed.status == 413)
            let status = try ProtoStatusShape(serializedBytes: bombed.body)
            #expect(status.errorMessage.contains("decompressed request body exceeds the limit of \(limit) bytes"))
            #expect(next.status == 200)
            #expect(engine.summary().spansReceived == 1)
        }
    }

    @Test func bodyInflatingToExactlyTheLimitIsAccepted() async throws {
        let payload = OTLPFixtures.traceBody(spans: 50)
        try await withServer(.forTests(maxBodyBytes: payload.count)) { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces",
                                                        headers: [OTLPFixtures.contentTypeProtobuf, ("Content-Encoding", "gzip")],
                                                        body: Zlib.compress(payload, .gzip))
            }
            #expect(response.status == 200)
            #expect(engine.summary().spansReceived == 50)
        }
    }
}
