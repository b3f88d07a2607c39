import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A program built beside this test bundle (`ctios`, `ScreenPop`), run as a real process: its standard output and
/// error collected as they come, its standard input writable, ended (SIGTERM, then SIGKILL) when the test is done.
final class ChildProcess: @unchecked Sendable {
    let name: String
    private let process = Process()
    private let input = Pipe()
    private let output = NIOLockedValueBox(Data())
    private let errors = NIOLockedValueBox(Data())

    /// The directory of the test bundle, where SwiftPM puts the products.
    static let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

    init(_ program: String, _ arguments: [String]) throws {
        name = ([program] + arguments).joined(separator: " ")
        process.executableURL = Self.products.appendingPathComponent(program)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            output.withLockedValue { $0.append(data) }
        }
        err.fileHandleForReading.readabilityHandler = { [errors] handle in
            let data = handle.availableData
            errors.withLockedValue { $0.append(data) }
        }
        try process.run()
    }

    var stdout: String { output.withLockedValue { String(decoding: $0, as: UTF8.self) } }
    var stderr: String { errors.withLockedValue { String(decoding: $0, as: UTF8.self) } }
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    var isRunning: Bool { process.isRunning }
    var status: Int32 { process.terminationStatus }

    /// Writes to the process's standard input.
    func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Sends a signal.
    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Closes its standard input (end of file).
    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the process to exit by itself.
    func waitForExit(timeout: Duration) async throws {
        try await poll("\(name) to exit", timeout: timeout, seen: { "stdout: \(self.stdout.suffix(2_000)) stderr: \(self.stderr.suffix(1_000))" }) {
            !process.isRunning
        }
    }

    /// SIGTERM, then SIGKILL if it is still there after a second.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(1)
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Ports no one listens on now (bound, read, released).
    static func freePorts(_ count: Int) throws -> [Int] {
        var channels: [any Channel] = []
        defer { for channel in channels { try? channel.close().wait() } }
        for _ in 0..<count {
            channels.append(try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "127.0.0.1", port: 0).wait())
        }
        return channels.compactMap { $0.localAddress?.port }
    }
}
