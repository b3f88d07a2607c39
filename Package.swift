// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ctios",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ctios", targets: ["ctios"]),
        .library(name: "GED188", targets: ["GED188"]),
        .library(name: "SystemdKit", targets: ["SystemdKit"]),
        .library(name: "CTIOSTestKit", targets: ["CTIOSTestKit"]),
        .library(name: "CTIOSWire", targets: ["CTIOSWire"]),
        .library(name: "CIL", targets: ["CIL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // MARK: Pure protocol
        .target(
            name: "GED188",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),

        // MARK: C and systemd
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(name: "SystemdKit", dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")]),

        // MARK: Admin HTTP (shared by every long-running process)
        .target(
            name: "AdminHTTP",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),

        // MARK: CTI OS: the wire, then the domain
        .target(name: "CTIOSWire", dependencies: [.product(name: "NIOCore", package: "swift-nio")]),
        .target(name: "CTIOSCore", dependencies: ["CTIOSWire", "GED188"]),

        // MARK: CTI OS server
        .target(
            name: "CTIOSServer",
            dependencies: [
                "GED188", "CTIOSWire", "CTIOSCore", "SystemdKit", "AdminHTTP",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),

        // MARK: CIL (the client library)
        .target(
            name: "CIL",
            dependencies: [
                "CTIOSWire", "CTIOSCore", "GED188",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Configuration files
        .target(name: "CTIOSConfiguration", dependencies: [.product(name: "Yams", package: "Yams")]),

        // MARK: CTI Server simulator
        .target(
            name: "CTISimulator",
            dependencies: [
                "GED188",
                "SystemdKit",
                "AdminHTTP",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Test kit (shipped: raw GED-188 client, bridge view, mock clock, seeded randomness)
        .target(
            name: "CTIOSTestKit",
            dependencies: [
                "GED188",
                "CIL",
                "CTISimulator",
                "CTIOSWire",
                "CTIOSCore",
                "CTIOSServer",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Node manager (supervises the processes of a node; runs under systemd)
        .target(name: "CNodeManager"),
        .target(
            name: "NodeManager",
            dependencies: [
                "CNodeManager", "SystemdKit", "AdminHTTP", "CTIOSConfiguration",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        /// Small real child programs for the node manager's process tests (crash, hang, never ready, flap).
        .executableTarget(name: "NodeManagerTestChild", dependencies: ["SystemdKit"], path: "Tests/NodeManagerTestChild"),

        /// The five-minute screen pop of Docs/CIL.md, built and run by the CIL's tests.
        .executableTarget(name: "ScreenPop", dependencies: ["CIL"], path: "Examples/ScreenPop"),

        // MARK: Executable
        .executableTarget(
            name: "ctios",
            dependencies: [
                "GED188",
                "SystemdKit",
                "AdminHTTP",
                "CTIOSConfiguration",
                "CTISimulator",
                "CTIOSServer",
                "CIL",
                "NodeManager",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // MARK: Tests
        .testTarget(
            name: "GED188Tests",
            dependencies: [
                "GED188",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "SystemdKitTests", dependencies: ["SystemdKit", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "NodeManagerTests",
            dependencies: [
                "NodeManager", "SystemdKit", "AdminHTTP", "CTIOSConfiguration", "NodeManagerTestChild",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "CTISimulatorTests",
            dependencies: [
                "CTISimulator", "GED188", "CTIOSTestKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "CTIOSConfigurationTests", dependencies: ["CTIOSConfiguration"]),
        .testTarget(name: "CTIOSCoreTests", dependencies: ["CTIOSCore", "CTIOSWire", "GED188", "CTISimulator"]),
        .testTarget(
            name: "CTIOSServerTests",
            dependencies: [
                "CTIOSServer", "CTIOSCore", "CTIOSWire", "CTISimulator", "CTIOSTestKit", "GED188",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "AdminHTTPTests",
            dependencies: [
                "AdminHTTP",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "ctiosTests", dependencies: ["ctios", "GED188"]),
        .testTarget(
            name: "CTIOSWireTests",
            dependencies: [
                "CTIOSWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ]
        ),
        /// The whole system as real processes, with failures done to it (Docs/Chaos.md).
        .testTarget(
            name: "ChaosTests",
            dependencies: [
                "CIL", "CTIOSCore", "CTIOSWire", "CTISimulator", "CTIOSTestKit",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "ChaosTests"
        ),
        .testTarget(
            name: "CILTests",
            dependencies: [
                "CIL", "CTIOSServer", "CTIOSCore", "CTIOSWire", "CTISimulator", "CTIOSTestKit", "GED188",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// The deterministic simulation (`Docs/Chaos.md`): seeds in CI, the planted bug, the checks' twins.
        .testTarget(
            name: "SimulationTests",
            dependencies: ["CTIOSTestKit", "CIL", "CTIOSServer", "CTIOSCore", "CTIOSWire", "CTISimulator", "GED188"]
        ),
        .testTarget(
            name: "CTIOSTestKitTests",
            dependencies: [
                "CTIOSTestKit",
                "CTISimulator",
                "GED188",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ]
)
