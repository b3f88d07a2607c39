import Foundation
import Glibc

/// `ctios server` as a child of the benchmark: started with a YAML configuration, watched through `/proc` (CPU
/// time, resident memory) and its admin port (`/ready`, `/metrics`), stopped with SIGTERM.
final class ServerProcess {
    let process = Process()
    let adminPort: Int
    let clientPort: Int
    let directory: URL

    struct Options {
        var ctios: String
        var clientPort: Int
        var adminPort: Int
        var ctiPortA: Int
        var ctiPortB: Int
        var extraYAML = ""
    }

    init(_ options: Options) throws {
        adminPort = options.adminPort
        clientPort = options.clientPort
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctios-server-bench-\(getpid())-\(options.clientPort)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("server.yaml")
        // Statistics are never asked for: their refresh would add batches the probes could mistake for theirs.
        try """
            listen: 127.0.0.1:\(options.clientPort)
            admin: 127.0.0.1:\(options.adminPort)
            logLevel: warning
            ctiServer:
              sideA: 127.0.0.1:\(options.ctiPortA)
              sideB: 127.0.0.1:\(options.ctiPortB)
              statisticsIntervalSeconds: 0
              maximumBackoffMilliseconds: 200
            \(options.extraYAML)
            """.write(to: config, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: options.ctios)
        process.arguments = ["server", "--config", config.path]
        process.standardError = FileHandle(forWritingAtPath: "/dev/stderr")
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Waits for `/ready` to answer 200.
    func waitReady(timeout: Double = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let (status, _) = try? httpGet(port: adminPort, path: "/ready"), status == 200 { return }
            guard process.isRunning else { throw BenchError("ctios server exited (status \(process.terminationStatus))") }
            usleep(50_000)
        }
        throw BenchError("ctios server not ready after \(timeout) s")
    }

    /// The server's metrics, by name (without labels).
    func metrics() throws -> [String: Double] {
        let (status, body) = try httpGet(port: adminPort, path: "/metrics")
        guard status == 200 else { throw BenchError("/metrics answered \(status)") }
        var values: [String: Double] = [:]
        for line in body.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count >= 2, let value = Double(parts[1]) else { continue }
            values[String(parts[0])] = value
        }
        return values
    }

    /// User plus system CPU seconds the server has used (`/proc/PID/stat`).
    func cpuSeconds() -> Double { Self.cpuSeconds(pid: pid) }

    static func cpuSeconds(pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3; utime and stime are fields 14 and 15.
        let utime = Double(fields[11]) ?? 0
        let stime = Double(fields[12]) ?? 0
        return (utime + stime) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Resident memory, bytes (`VmRSS` in `/proc/PID/status`).
    func residentBytes() -> Int { Self.residentBytes(pid: pid) }

    static func residentBytes(pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kib = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return kib * 1024
        }
        return 0
    }

    func stop() {
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A plain HTTP/1.1 GET on 127.0.0.1 (the admin ports): status and body.
func httpGet(port: Int, path: String) throws -> (Int, String) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw BenchError("socket: errno \(errno)") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard result == 0 else { throw BenchError("connect to admin port \(port): errno \(errno)") }
    try writeAll(fd, Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
    var response: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        response.append(contentsOf: chunk[0..<n])
    }
    let text = String(decoding: response, as: UTF8.self)
    guard let statusLine = text.split(separator: "\r\n").first,
          let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
        throw BenchError("no HTTP answer from port \(port)")
    }
    let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
    return (status, decodeChunked(body, if: text))
}

/// Hummingbird may answer with chunked transfer encoding: join the chunks.
private func decodeChunked(_ body: String, if whole: String) -> String {
    guard whole.lowercased().contains("transfer-encoding: chunked") else { return body }
    var out = ""
    var rest = Substring(body)
    while let lineEnd = rest.range(of: "\r\n") {
        guard let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 else { break }
        let start = lineEnd.upperBound
        let utf8 = rest[start...].utf8
        let end = utf8.index(utf8.startIndex, offsetBy: size)
        out += String(rest[start..<end])
        rest = rest[end...].dropFirst(2)
    }
    return out
}
