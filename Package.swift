// swift-tools-version:6.1
import PackageDescription

// Dependencies, and why each is here:
// - swift-nio: the OTLP/HTTP receiver and the API server (event loops, HTTP/1.1 codec).
// - swift-protobuf: only for OTLPProto, the generated OTLP types used as the oracle in tests and
//   as the baseline in the benchmark. The receiver decodes with govtop's own decoder.
// - swift-nio-http2: the OTLP/gRPC door (HTTP/2 frames, HPACK, flow control, its DoS limits). The gRPC
//   layer above it is small (a 5-byte length prefix, `grpc-status` trailers, three unary methods) and
//   is govtop's own, so the door feeds govtop's decoders, in-flight budget and export queue directly.
//   grpc-swift-2 + grpc-swift-nio-transport would bring the same swift-nio-http2 plus swift-collections,
//   swift-atomics' async layers and a generic runtime (several minutes more per clean build on two
//   cores), and its message (de)serializer and limits would sit beside the ones the HTTP door uses.
// - swift-argument-parser: the command line.
// - Yams: only for GovTopConfig, to read the YAML configuration file as nodes that keep their line
//   and column, so configuration errors can name where they are.
// - GRDB.swift: only for GovTopLedgerSQLite, the ledger of record on disk. Chosen over
//   vapor/sqlite-nio because the ledger writes from one dedicated thread, off the event loops: GRDB's
//   synchronous `DatabaseQueue` fits that directly (sqlite-nio answers with NIO futures and would need
//   an event loop or blocking waits), it exposes WAL mode, busy handling and extended error codes,
//   and it links the system SQLite (Debian `libsqlite3-dev`) instead of compiling its own amalgamation.
// - swift-nio-ssl: TLS for the HTTP and gRPC doors (`--tls-cert`/`--tls-key`, issue 16), for `govtop
//   attach` to https govtops, and for notification sinks (Slack's incoming webhooks are https only),
//   in the same event-loop pipelines as plain TCP (a `NIOSSLServerHandler`/`NIOSSLClientHandler` in
//   front, ALPN `h2` for gRPC). It is the TLS layer swift-nio is made for, and brings its own BoringSSL,
//   so no system OpenSSL is linked.
// - postgres-nio (and swift-log, whose Logger its connections take): only for GovTopLedgerPostgres, the
//   shared ledger of a fleet (issue 16). The maintained PostgreSQL driver of the Swift server
//   ecosystem, on the swift-nio govtop already uses; 1.33.2 is the version this machine kind serves.
//   Its EventLoopFuture interface lets the ledger's own writer thread wait for each answer, as GRDB's
//   synchronous API does for SQLite.
let package = Package(
    name: "govtop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "govtop", targets: ["govtop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-http2.git", from: "1.46.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // glibc's <malloc.h>, for govtop-bench's heap measurement (part of libc: nothing to install).
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "OTLPProto",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        // pricing-additions.json is an input of .ci/regenerate-pricing.sh, already merged into pricing.json.
        .target(name: "GovTopCore", exclude: ["Pricing/pricing-additions.json"], resources: [.copy("Pricing/pricing.json")]),
        .target(
            name: "GovTopReceiver",
            dependencies: [
                "GovTopCore",
                "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "NIOHPACK", package: "swift-nio-http2"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "GovTopConfig",
            dependencies: ["GovTopCore", "GovTopTheme", .product(name: "Yams", package: "Yams")],
            resources: [.copy("example-config.yaml")]
        ),
        .target(name: "GovTopDemo", dependencies: ["GovTopCore"]),
        // The ledger of record in SQLite: the only code that talks to a database.
        .target(
            name: "GovTopLedgerSQLite",
            dependencies: ["GovTopCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The shared ledger of a fleet in PostgreSQL (issue 16).
        .target(
            name: "GovTopLedgerPostgres",
            dependencies: [
                "GovTopCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Colours, roles and themes: read by GovTopConfig from theme files, drawn by GovTopUI.
        .target(name: "GovTopTheme", dependencies: ["GovTopCore"]),
        .target(name: "GovTopUI", dependencies: ["GovTopCore", "GovTopTheme"]),
        .target(name: "GovTopTerminal", dependencies: ["GovTopUI", "GovTopTheme", "CNcursesw"]),
        // Deterministic renders of the views on a virtual clock (`govtop render`).
        .target(name: "GovTopRender", dependencies: ["GovTopCore", "GovTopUI", "GovTopDemo"]),
        // The OTLP/HTTP client: the demo's real-time traffic (`govtop demo`, `govtop --demo`) and
        // the replay of recorded files (`govtop replay`).
        .target(
            name: "GovTopClient",
            dependencies: [
                "GovTopCore", "GovTopDemo", "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), // attach: https:// (issue 16)
                .product(name: "NIOTLS", package: "swift-nio"), // attach: the TLS handshake event
            ]
        ),
        // Notification sinks (issue 15): webhook, Slack and command deliveries off the ingest path.
        // What to send is decided in GovTopCore (Notifications/); this is the I/O edge. It posts
        // through NIO with GovTopClient's HTTP/1.1 response handler and renders alerts and
        // budgets with GovTopReceiver's API renderers, so a webhook sees the API's JSON.
        .target(
            name: "GovTopNotify",
            dependencies: [
                "GovTopCore", "GovTopClient", "GovTopReceiver",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "govtop",
            dependencies: [
                "GovTopCore", "GovTopConfig", "GovTopReceiver", "GovTopTheme", "GovTopUI", "GovTopTerminal", "GovTopDemo",
                "GovTopRender", "GovTopClient", "GovTopLedgerSQLite", "GovTopLedgerPostgres", "GovTopNotify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "govtop-bench",
            dependencies: [
                "GovTopCore", "GovTopUI", "OTLPProto", "CMalloc",
                "GovTopReceiver", // decide (issue 15): the decision benchmark asks a real server
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Sources/GovTopBench"
        ),
        // Bounds how many tests run at once in the test process (see its source for why).
        .target(name: "CTestParallelism", path: "Tests/CTestParallelism"),
        // What several test targets share: the HTTP test server of the client and notification tests
        // and a test certificate made by openssl.
        .target(
            name: "GovTopTestSupport",
            dependencies: [
                "CTestParallelism",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Tests/GovTopTestSupport"
        ),
        .testTarget(
            name: "GovTopCoreTests",
            dependencies: [
                "GovTopCore", "OTLPProto",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GovTopLedgerSQLiteTests",
            dependencies: ["GovTopLedgerSQLite", "GovTopCore", "GovTopTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "GovTopLedgerPostgresTests",
            dependencies: ["GovTopLedgerPostgres", "GovTopCore", "GovTopNotify", "GovTopTestSupport"]
        ),
        .testTarget(
            name: "GovTopConfigTests",
            dependencies: ["GovTopConfig", "GovTopCore", "GovTopTheme", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GovTopUITests",
            dependencies: ["GovTopUI", "GovTopTheme", "GovTopCore"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "GovTopDemoTests",
            dependencies: [
                "GovTopDemo", "GovTopCore", "OTLPProto",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .testTarget(
            name: "GovTopReceiverTests",
            dependencies: [
                "GovTopCore", "GovTopReceiver", "OTLPProto", "CZlib", "GovTopTestSupport",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP2", package: "swift-nio-http2"),
                .product(name: "NIOHPACK", package: "swift-nio-http2"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(
            name: "GovTopRenderTests",
            dependencies: ["GovTopRender", "GovTopCore", "GovTopDemo", "GovTopUI", "GovTopReceiver", "GovTopConfig"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "GovTopClientTests",
            dependencies: [
                "GovTopClient", "GovTopCore", "GovTopDemo", "GovTopReceiver", "CZlib", "GovTopTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), // attach: a TLS test server (issue 16)
            ]
        ),
        .testTarget(
            name: "GovTopNotifyTests",
            dependencies: [
                "GovTopNotify", "GovTopCore", "GovTopReceiver", "GovTopConfig", "GovTopClient", "GovTopTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ]
)

// libFuzzer targets, one per decoder of hostile input (`.ci/fuzz.sh`, sources in Sources/Fuzz). They
// exist only with GOVTOP_FUZZ=1 because they link only when built with `-sanitize=fuzzer`, which
// supplies libFuzzer: `GOVTOP_FUZZ=1 swift build --product fuzz-otlp-json -Xswiftc -sanitize=fuzzer`.
if Context.environment["GOVTOP_FUZZ"] == "1" {
    let receiver: [Target.Dependency] = [
        "GovTopReceiver", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
    ]
    package.targets += [
        .target(name: "CLibFuzzer", path: "Sources/Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["GovTopCore", "CLibFuzzer"], path: "Sources/Fuzz/Support"),
    ]
    for (name, folder, dependencies) in [
        ("fuzz-otlp-protobuf", "OTLPProtobuf", []),
        ("fuzz-otlp-json", "OTLPJSON", []),
        ("fuzz-inflate", "Inflate", receiver),
        ("fuzz-http-request", "HTTPRequest", receiver),
    ] as [(String, String, [Target.Dependency])] {
        package.targets.append(.executableTarget(
            name: name, dependencies: ["FuzzSupport", "GovTopCore"] + dependencies, path: "Sources/Fuzz/\(folder)"))
    }
}
