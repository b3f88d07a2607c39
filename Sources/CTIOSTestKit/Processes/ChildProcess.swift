import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A program built beside the running test bundle (`ctios`, `ScreenPop`), run as a real process: its standard output and
/// error collected as they come, its standard input writable, ended (SIGTERM, then SIGKILL) when the test is done.
public final class ChildProcess: @unchecked Sendable {
    public let name: String
    private let process = Process()
    private let input = Pipe()
    private let output = NIOLockedValueBox(Data())
    private let errors = NIOLockedValueBox(Data())
    /// Whether standard output and error reached their end (everything the process wrote has been read).
    private let ended = NIOLockedValueBox((output: false, errors: false))

    /// The directory of the test bundle, where SwiftPM puts the products.
    public static let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

    public init(_ program: String, _ arguments: [String]) throws {
        name = ([program] + arguments).joined(separator: " ")
        process.executableURL = Self.products.appendingPathComponent(program)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [output, ended] handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                ended.withLockedValue { $0.output = true }
            }
            output.withLockedValue { $0.append(data) }
        }
        err.fileHandleForReading.readabilityHandler = { [errors, ended] handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                ended.withLockedValue { $0.errors = true }
            }
            errors.withLockedValue { $0.append(data) }
        }
        try process.run()
    }

    public var stdout: String { output.withLockedValue { String(decoding: $0, as: UTF8.self) } }
    public var stderr: String { errors.withLockedValue { String(decoding: $0, as: UTF8.self) } }
    public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    public var isRunning: Bool { process.isRunning }
    public var status: Int32 { process.terminationStatus }

    /// Writes to the process's standard input.
    public func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// The process's pid.
    public var pid: Int32 { process.processIdentifier }

    /// Sends a signal.
    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Closes its standard input (end of file).
    public func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the process to exit by itself, and for everything it wrote to be read.
    public func waitForExit(timeout: Duration) async throws {
        try await poll("\(name) to exit", timeout: timeout, seen: { "stdout: \(self.stdout.suffix(2_000)) stderr: \(self.stderr.suffix(1_000))" }) {
            !process.isRunning && ended.withLockedValue { $0.output && $0.errors }
        }
    }

    /// SIGTERM, then SIGKILL if it is still there after a second.
    public func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(1)
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Ports no one listens on now, for servers a test starts as processes: drawn below the kernel's ephemeral range
    /// (`net.ipv4.ip_local_port_range`, 32768 and up by default), so that the test's own outgoing connections cannot
    /// take one between this check and the server's bind; each is bound once to check it is free, then released.
    public static func freePorts(_ count: Int) throws -> [Int] {
        var ports: [Int] = []
        var tried = 0
        while ports.count < count {
            tried += 1
            guard tried < 10_000 else { throw WaitTimedOut(description: "no free port in 20000..<32000 after 10000 tries") }
            let port = Int.random(in: 20_000..<32_000)
            guard !ports.contains(port),
                  let channel = try? ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                      .bind(host: "127.0.0.1", port: port).wait()
            else { continue }
            try? channel.close().wait()
            ports.append(port)
        }
        return ports
    }
}
