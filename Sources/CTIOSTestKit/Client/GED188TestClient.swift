import GED188
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A raw CTI Server (GED-188) client over real TCP, for integration tests: it sends any message or any bytes and
/// hands back what arrives, message by message.
///
/// ```swift
/// let client = try await GED188TestClient.connect(host: "127.0.0.1", port: port)
/// let conf = try await client.open(.bridge(clientID: "test"))
/// let system = try await client.waitFor("SYSTEM_EVENT") { if case .systemEvent(let e) = $0 { e } else { nil } }
/// await client.close()
/// ```
///
/// Every wait has a deadline and fails with a ``GED188TestClientError`` that says what it waited for and what it
/// saw instead. A frame whose body does not decode is reported as such (``GED188TestClientError/Code/undecodableFrame``)
/// and never crashes the client. The client owns the one task it starts (the reader); ``close()`` ends it, and so
/// does the server closing the connection. The client is read by one task at a time.
public final class GED188TestClient: Sendable {
    /// The connection's channel (for its addresses, or to inject faults).
    public let channel: any Channel
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let inbox: TestClientInbox<TestClientArrival, GED188Error>
    private let reader: Task<Void, Never>
    private let skipped = NIOLockedValueBox([GED188Message]())

    /// The most skipped messages kept (the oldest are dropped past it).
    public static let maximumSkippedMessages = 100_000

    private init(channel: any Channel, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, inbox: TestClientInbox<TestClientArrival, GED188Error>,
                 reader: Task<Void, Never>) {
        self.channel = channel
        self.outbound = outbound
        self.inbox = inbox
        self.reader = reader
    }

    deinit {
        reader.cancel()
        channel.close(promise: nil)
    }

    /// Connects to a CTI Server at `host`:`port`.
    ///
    /// - Parameters:
    ///   - timeout: how long the TCP connect may take.
    ///   - group: the event loops to use; the process-wide singleton by default.
    /// - Throws: ``GED188TestClientError/Code/connectionFailed``.
    public static func connect(
        host: String, port: Int, timeout: Duration = .seconds(5),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> GED188TestClient {
        let asyncChannel: NIOAsyncChannel<GED188Frame, ByteBuffer>
        do {
            asyncChannel = try await ClientBootstrap(group: group)
                .connectTimeout(TimeAmount(timeout))
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(GED188FrameDecoder()))
                        return try NIOAsyncChannel<GED188Frame, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw GED188TestClientError(.connectionFailed, "could not connect to \(host):\(port): \(error)")
        }
        let inbox = TestClientInbox<TestClientArrival, GED188Error>(eventLoop: asyncChannel.channel.eventLoop)
        let (writers, handOver) = AsyncStream.makeStream(of: NIOAsyncChannelOutboundWriter<ByteBuffer>.self)
        let reader = Task {
            do {
                try await asyncChannel.executeThenClose { inbound, outbound in
                    handOver.yield(outbound)
                    handOver.finish()
                    for try await frame in inbound { inbox.push(frame) }
                }
                inbox.finish(.closedByServer(reason: nil))
            } catch let error as GED188Error {
                inbox.finish(.brokenStream(error))
            } catch {
                inbox.finish(.closedByServer(reason: "\(error)"))
            }
            handOver.finish()
        }
        var iterator = writers.makeAsyncIterator()
        guard let outbound = await iterator.next() else {
            reader.cancel()
            throw GED188TestClientError(.connectionFailed, "the connection to \(host):\(port) closed before it could be used")
        }
        return GED188TestClient(channel: asyncChannel.channel, outbound: outbound, inbox: inbox, reader: reader)
    }

    // MARK: Sending

    /// Encodes and sends one message.
    /// - Throws: ``GED188TestClientError/Code/sendFailed`` when it does not encode or the connection is closed.
    public func send(_ message: GED188Message) async throws {
        let bytes: ByteBuffer
        do {
            bytes = try message.encoded()
        } catch {
            throw GED188TestClientError(.sendFailed, "could not encode \(Self.name(of: message)): \(error)")
        }
        try await write(bytes, what: Self.name(of: message))
    }

    /// Sends bytes as they are, for malformed-input tests (a bad header, a bad body, half a message).
    public func sendRaw(_ bytes: [UInt8]) async throws {
        try await write(ByteBuffer(bytes: bytes), what: "\(bytes.count) raw bytes")
    }

    private func write(_ bytes: ByteBuffer, what: String) async throws {
        do {
            try await outbound.write(bytes)
        } catch {
            throw GED188TestClientError(.sendFailed, "could not send \(what): \(error)")
        }
    }

    // MARK: Receiving

    /// The next message, whatever it is.
    /// - Throws: ``GED188TestClientError/Code/timedOut`` when nothing arrives within `timeout`,
    ///   ``GED188TestClientError/Code/connectionClosed`` when the connection ended,
    ///   ``GED188TestClientError/Code/undecodableFrame`` for a frame whose body does not decode.
    public func next(timeout: Duration = .seconds(5)) async throws -> GED188Message {
        switch await inbox.next(timeout: timeout) {
        case .arrival(.message(let message)):
            return message
        case .arrival(.undecodable(let type, let error)):
            throw Self.undecodable(type, error, waitingFor: "the next message")
        case .ended(let end):
            throw Self.ended(end, waitingFor: "the next message", saw: [])
        case .timedOut:
            throw GED188TestClientError(.timedOut, "no message arrived within \(timeout)")
        case .busy:
            throw Self.concurrentWait
        }
    }

    /// Waits until the connection ends, skipping (and logging, as ``waitFor(_:timeout:where:)`` does) whatever
    /// arrives before. Returns `true` when the server closed (or reset) the connection, `false` when `timeout`
    /// passed first or the test closed the client.
    public func waitForClose(timeout: Duration = .seconds(5)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            switch await inbox.next(timeout: ContinuousClock.now.duration(to: deadline)) {
            case .arrival(.message(let message)):
                logSkipped(message)
            case .arrival(.undecodable):
                continue
            case .ended(.closedByServer):
                return true
            case .ended(.brokenStream(let error)):
                throw Self.ended(.brokenStream(error), waitingFor: "the server to close the connection", saw: [])
            case .ended(.closedByClient), .timedOut:
                return false
            case .busy:
                throw Self.concurrentWait
            }
        }
    }

    /// Whether the connection has ended (either side closed it); what arrived before may still be read.
    public var isClosed: Bool { inbox.end != nil }

    /// Closes the connection and ends the reader; waits for both. Safe to call more than once.
    public func close() async {
        inbox.finish(.closedByClient)
        let closed: EventLoopFuture<Void> = channel.close()
        try? await closed.get()
        reader.cancel()
        await reader.value
    }

    // MARK: The skipped log

    /// The messages that waits skipped, oldest first (at most ``maximumSkippedMessages``).
    public var skippedMessages: [GED188Message] { skipped.withLockedValue { $0 } }

    /// Returns the skipped messages and empties the log (to feed them to a ``BridgeView``, say).
    public func takeSkipped() -> [GED188Message] {
        skipped.withLockedValue { log in
            defer { log.removeAll() }
            return log
        }
    }

    func logSkipped(_ message: GED188Message) {
        skipped.withLockedValue { log in
            if log.count >= Self.maximumSkippedMessages { log.removeFirst(log.count - Self.maximumSkippedMessages + 1) }
            log.append(message)
        }
    }

    func nextOutcome(timeout: Duration) async -> TestClientWaitOutcome<TestClientArrival, GED188Error> {
        await inbox.next(timeout: timeout)
    }

    // MARK: Errors

    /// Cisco's name of a message, `OPEN_CONF`, or its type number.
    static func name(of message: GED188Message) -> String {
        message.type.name ?? "message type \(message.type.rawValue)"
    }

    static var concurrentWait: GED188TestClientError {
        GED188TestClientError(.concurrentWait, "another task is already waiting on this client")
    }

    static func undecodable(_ type: MessageType, _ error: GED188Error, waitingFor what: String) -> GED188TestClientError {
        GED188TestClientError(
            .undecodableFrame,
            "a \(type.name ?? "type \(type.rawValue)") frame did not decode (\(error)) while waiting for \(what)",
            frameType: type, decodingError: error)
    }

    static func ended(_ end: TestClientEnd<GED188Error>, waitingFor what: String, saw: [GED188Message]) -> GED188TestClientError {
        switch end {
        case .closedByServer(let reason):
            return GED188TestClientError(
                .connectionClosed,
                "the server closed the connection\(reason.map { " (\($0))" } ?? "") while waiting for \(what); "
                    + summary(saw))
        case .closedByClient:
            return GED188TestClientError(.clientClosed, "the client was closed while waiting for \(what); " + summary(saw))
        case .brokenStream(let error):
            return GED188TestClientError(
                .undecodableFrame,
                "the byte stream could not be framed (\(error)), so the client closed the connection, while waiting for "
                    + "\(what); " + summary(saw),
                decodingError: error)
        }
    }

    /// `saw nothing`, or `saw instead 4 messages: HEARTBEAT_CONF, AGENT_STATE_EVENT ×3` (names in order of first
    /// arrival; never field values).
    static func summary(_ messages: [GED188Message]) -> String {
        guard !messages.isEmpty else { return "saw nothing" }
        var order: [String] = []
        var counts: [String: Int] = [:]
        for message in messages {
            let name = name(of: message)
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        let names = order.map { counts[$0]! > 1 ? "\($0) ×\(counts[$0]!)" : $0 }
        return "saw instead \(messages.count) message\(messages.count == 1 ? "" : "s"): " + names.joined(separator: ", ")
    }
}
