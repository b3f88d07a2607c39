import Foundation
import NIOCore
import NIOPosix

/// A response as the test client read it off the socket.
struct TestHTTPResponse: Sendable {
    var status: Int
    /// Header names lower-cased.
    var headers: [String: String]
    var body: String
}

/// A minimal HTTP/1.1 client over a real TCP socket: one request per connection (`Connection: close`), the
/// response read until the server closes. Enough for the admin endpoints; no async-http-client needed.
enum TestHTTPClient {
    struct ProtocolError: Error, CustomStringConvertible {
        var description: String
    }

    static func send(
        _ method: String,
        _ path: String,
        port: Int,
        body: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> TestHTTPResponse {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if let body { request += "Content-Length: \(body.utf8.count)\r\n" }
        request += "\r\n" + (body ?? "")

        let raw = try await Self.exchange(ByteBuffer(string: request), port: port)
        return try Self.parse(raw, method: method)
    }

    /// Connects to 127.0.0.1:`port` (no resolver), writes `request`, reads until EOF.
    static func exchange(_ request: ByteBuffer, port: Int) async throws -> ByteBuffer {
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: port)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(to: address) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        var received = ByteBuffer()
        try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(request)
            for try await var chunk in inbound { received.writeBuffer(&chunk) }
        }
        return received
    }

    static func parse(_ raw: ByteBuffer, method: String) throws -> TestHTTPResponse {
        let text = String(buffer: raw)
        guard let split = text.range(of: "\r\n\r\n") else {
            throw ProtocolError(description: "no end of headers in \(raw.readableBytes) bytes")
        }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw ProtocolError(description: "bad status line '\(lines[0])'")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw ProtocolError(description: "bad header '\(line)'") }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if method == "HEAD" {
            body = ""
        } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try Self.dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init) {
            guard body.utf8.count == length else {
                throw ProtocolError(description: "content-length \(length) but \(body.utf8.count) body bytes")
            }
        }
        return TestHTTPResponse(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ chunked: String) throws -> String {
        var rest = Substring(chunked)
        var body = ""
        while let lineEnd = rest.range(of: "\r\n") {
            guard let size = Int(rest[..<lineEnd.lowerBound], radix: 16) else {
                throw ProtocolError(description: "bad chunk size line")
            }
            if size == 0 { return body }
            let start = lineEnd.upperBound
            let utf8 = rest.utf8
            let end = utf8.index(start, offsetBy: size)
            body += String(rest[start..<end])
            rest = rest[end...].dropFirst(2)
        }
        throw ProtocolError(description: "chunked body without a last chunk")
    }
}
