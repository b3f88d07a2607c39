// swift-tools-version:6.1
// The libFuzzer targets, in a package of their own so that the main build never carries fuzzer instrumentation.
// Build and run them with Scripts/fuzz-ged188.sh and Scripts/fuzz-wire.sh.
import PackageDescription

let package = Package(
    name: "ctios-fuzz",
    dependencies: [
        .package(name: "ctios", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        .executableTarget(
            name: "FuzzGED188",
            dependencies: [
                .product(name: "GED188", package: "ctios"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "FuzzCTIOSWire",
            dependencies: [
                .product(name: "CTIOSWire", package: "ctios"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)
