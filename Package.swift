// swift-tools-version:6.1
import PackageDescription

// Dependencies, and why each is here:
// - swift-nio: the OTLP/HTTP receiver and the API server (event loops, HTTP/1.1 codec).
// - swift-protobuf: only for OTLPProto, the generated OTLP types used as the oracle in tests and
//   as the baseline in the benchmark. The receiver decodes with govtop's own decoder.
// - swift-argument-parser: the command line.
// - Yams: only for GovTopConfig, to read the YAML configuration file as nodes that keep their line
//   and column, so configuration errors can name where they are.
let package = Package(
    name: "govtop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "govtop", targets: ["govtop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
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
            ]
        ),
        .target(
            name: "GovTopConfig",
            dependencies: ["GovTopCore", "GovTopUI", .product(name: "Yams", package: "Yams")],
            resources: [.copy("example-config.yaml")]
        ),
        .target(name: "GovTopDemo", dependencies: ["GovTopCore"]),
        .target(name: "GovTopUI", dependencies: ["GovTopCore"]),
        .target(name: "GovTopTerminal", dependencies: ["GovTopUI", "CNcursesw"]),
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
            ]
        ),
        .executableTarget(
            name: "govtop",
            dependencies: [
                "GovTopCore", "GovTopConfig", "GovTopReceiver", "GovTopUI", "GovTopTerminal", "GovTopDemo", "GovTopRender", "GovTopClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "govtop-bench",
            dependencies: [
                "GovTopCore", "GovTopUI", "OTLPProto", "CMalloc",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Sources/GovTopBench"
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
            name: "GovTopConfigTests",
            dependencies: ["GovTopConfig", "GovTopCore", "GovTopUI", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GovTopUITests",
            dependencies: ["GovTopUI", "GovTopCore"],
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
                "GovTopCore", "GovTopReceiver", "OTLPProto", "CZlib",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "GovTopRenderTests",
            dependencies: ["GovTopRender", "GovTopCore", "GovTopDemo", "GovTopUI", "GovTopReceiver", "GovTopConfig"]
        ),
        .testTarget(
            name: "GovTopClientTests",
            dependencies: [
                "GovTopClient", "GovTopCore", "GovTopDemo", "GovTopReceiver", "CZlib",
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
