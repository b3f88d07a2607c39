// swift-tools-version:6.1
// Benchmarks (ordo-one/benchmark), in a package of their own so that the main build and CI do not carry them.
// Run: Scripts/bench.sh (or `swift package --package-path Benchmarks benchmark`).
import PackageDescription

let package = Package(
    name: "ctios-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "ctios", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The messages the benchmarks and the profiling loop work on.
        .target(
            name: "BenchmarkSamples",
            dependencies: [.product(name: "GED188", package: "ctios"), .product(name: "CTIOSWire", package: "ctios")],
            path: "BenchmarkSamples"
        ),
        .executableTarget(
            name: "GED188Benchmarks",
            dependencies: [
                "BenchmarkSamples",
                .product(name: "GED188", package: "ctios"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "GED188Benchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A plain loop over the same work, for profilers (valgrind --tool=callgrind counts its instructions).
        .executableTarget(
            name: "GED188Profile",
            dependencies: [
                "BenchmarkSamples",
                .product(name: "GED188", package: "ctios"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "GED188Profile"
        ),
        // One CIL session absorbing a blasted event stream over loopback TCP, the pure SessionEngine alone, and memory
        // per cached object (Scripts/bench-cil.sh). SessionEngine is `package` API of ctios, which another package
        // cannot see: this benchmark alone is compiled without access control to drive it.
        .executableTarget(
            name: "CILBench",
            dependencies: [
                .product(name: "CIL", package: "ctios"),
                .product(name: "CTIOSWire", package: "ctios"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "CILBench",
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-access-control"])]
        ),
        .executableTarget(
            name: "WireBenchmarks",
            dependencies: [
                "BenchmarkSamples",
                .product(name: "CTIOSWire", package: "ctios"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "WireBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "WireProfile",
            dependencies: [
                "BenchmarkSamples",
                .product(name: "CTIOSWire", package: "ctios"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "WireProfile"
        ),
        // The object server under load (Scripts/bench-server.sh): the simulator in this process, `ctios server` as a
        // child, 1,100 CIL readers that only split frames, latency probes into HdrHistogram; memory; the NATS peer.
        // The simulator's module comes through the test kit, the main package's product that carries it.
        .target(name: "CEpoll", path: "CEpoll"),
        .executableTarget(
            name: "ServerBench",
            dependencies: [
                "CEpoll",
                .product(name: "CTIOSTestKit", package: "ctios"),
                .product(name: "CTIOSWire", package: "ctios"),
                .product(name: "GED188", package: "ctios"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "ServerBench"
        ),
    ]
)
