import CTIOSWire
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A raw CIL protocol client over real TCP (`Docs/Protocol.md`), for integration tests: it sends any frame or any
/// bytes and hands back what arrives, frame by frame. It speaks nothing by itself, not even heartbeats
/// (``startHeartbeats(every:)`` does), so a test controls every byte.
///
/// ```swift
/// let client = try await WireTestClient.connect(host: "127.0.0.1", port: port)
/// let welcome = try await client.hello()
/// try await client.setMonitorMode("UniqueObjectID=*")
/// let frames = try await client.waitFor("snapshotEnd") { if case .snapshotEnd = $0 { true } else { nil } }
/// ```
///
/// Every frame that arrives is kept, in order, in ``received`` (take them with ``takeReceived()`` to feed a
/// ``WireReplica``), whether a wait matched it or skipped it.
public final class WireTestClient: Sendable {
    public let channel: any Channel
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let inbox: TestClientInbox<WireMessage, WireError>
    private let reader: Task<Void, Never>
    private let log = NIOLockedValueBox([WireMessage]())
    private let heartbeats = NIOLockedValueBox<Task<Void, Never>?>(nil)

    private init(channel: any Channel, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
                 inbox: TestClientInbox<WireMessage, WireError>, reader: Task<Void, Never>) {
        self.channel = channel
        self.outbound = outbound
        self.inbox = inbox
        self.reader = reader
    }

    deinit {
        heartbeats.withLockedValue { $0?.cancel() }
        reader.cancel()
        channel.close(promise: nil)
    }

    /// Connects to a CTI OS server at `host`:`port`.
    /// - Throws: ``WireTestClientError/Code/connectionFailed``.
    public static func connect(
        host: String = "127.0.0.1", port: Int, timeout: Duration = .seconds(5),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> WireTestClient {
        let asyncChannel: NIOAsyncChannel<WireMessage, ByteBuffer>
        do {
            asyncChannel = try await ClientBootstrap(group: group)
                .connectTimeout(TimeAmount(timeout))
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(WireFrameDecoder()))
                        return try NIOAsyncChannel<WireMessage, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw WireTestClientError(.connectionFailed, "could not connect to \(host):\(port): \(error)")
        }
        let inbox = TestClientInbox<WireMessage, WireError>(eventLoop: asyncChannel.channel.eventLoop)
        let (writers, handOver) = AsyncStream.makeStream(of: NIOAsyncChannelOutboundWriter<ByteBuffer>.self)
        let reader = Task {
            do {
                try await asyncChannel.executeThenClose { inbound, outbound in
                    handOver.yield(outbound)
                    handOver.finish()
                    for try await message in inbound { inbox.push(message) }
                }
                inbox.finish(.closedByServer(reason: nil))
            } catch let error as WireError {
                inbox.finish(.brokenStream(error))
            } catch {
                inbox.finish(.closedByServer(reason: "\(error)"))
            }
            handOver.finish()
        }
        var iterator = writers.makeAsyncIterator()
        guard let outbound = await iterator.next() else {
            reader.cancel()
            throw WireTestClientError(.connectionFailed, "the connection to \(host):\(port) closed before it could be used")
        }
        return WireTestClient(channel: asyncChannel.channel, outbound: outbound, inbox: inbox, reader: reader)
    }

    // MARK: Sending

    /// Encodes and sends one frame.
    public func send(_ message: WireMessage) async throws {
        let bytes: ByteBuffer
        do {
            bytes = try message.encoded()
        } catch {
            throw WireTestClientError(.sendFailed, "could not encode \(message.kind): \(error)")
        }
        try await write(bytes, what: "\(message.kind)")
    }

    /// Sends bytes as they are (malformed frames, floods).
    public func sendRaw(_ bytes: [UInt8]) async throws {
        try await write(ByteBuffer(bytes: bytes), what: "\(bytes.count) raw bytes")
    }

    private func write(_ bytes: ByteBuffer, what: String) async throws {
        do {
            try await outbound.write(bytes)
        } catch {
            throw WireTestClientError(.sendFailed, "could not send \(what): \(error)")
        }
    }

    /// Sends a heartbeat every `interval` until the client closes (a live CIL would).
    public func startHeartbeats(every interval: Duration = .milliseconds(100)) {
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self, !self.isClosed else { return }
                try? await self.send(.heartbeat)
            }
        }
        heartbeats.withLockedValue { $0?.cancel(); $0 = task }
    }

    // MARK: Waiting

    /// Waits for the first frame `match` accepts and returns what it made of it. Every frame, matched or not, is
    /// kept in ``received``.
    ///
    /// - Throws: ``WireTestClientError`` (timed out, naming `what` and the kinds seen instead; connection closed,
    ///   with the server's `goodbye` reason if it gave one; undecodable bytes).
    public func waitFor<T>(_ what: String, timeout: Duration = .seconds(5),
                           where match: (WireMessage) throws -> T?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        var seen: [WireMessage] = []
        while true {
            switch await inbox.next(timeout: ContinuousClock.now.duration(to: deadline)) {
            case .arrival(let message):
                keep(message)
                if let value = try match(message) { return value }
                seen.append(message)
            case .ended(let end):
                throw Self.ended(end, waitingFor: what, saw: seen)
            case .timedOut:
                throw WireTestClientError(.timedOut, "timed out after \(timeout) waiting for \(what); " + Self.summary(seen))
            case .busy:
                throw WireTestClientError(.concurrentWait, "another task is already waiting on this client")
            }
        }
    }

    /// Waits until the server closes the connection; returns its `goodbye` or `reject` (if it sent one first).
    public func waitForClose(timeout: Duration = .seconds(5)) async throws -> WireMessage? {
        let deadline = ContinuousClock.now + timeout
        var last: WireMessage?
        while true {
            switch await inbox.next(timeout: ContinuousClock.now.duration(to: deadline)) {
            case .arrival(let message):
                keep(message)
                switch message {
                case .goodbye, .reject: last = message
                default: break
                }
            case .ended(.closedByServer), .ended(.brokenStream):
                return last
            case .ended(.closedByClient):
                throw WireTestClientError(.clientClosed, "the client was closed while waiting for the server to close")
            case .timedOut:
                throw WireTestClientError(.timedOut, "the server did not close the connection within \(timeout)")
            case .busy:
                throw WireTestClientError(.concurrentWait, "another task is already waiting on this client")
            }
        }
    }

    /// Whether the connection has ended.
    public var isClosed: Bool { inbox.end != nil }

    /// Every frame received so far, in order (those taken excepted).
    public var received: [WireMessage] { log.withLockedValue { $0 } }

    /// Returns the frames received so far and forgets them.
    public func takeReceived() -> [WireMessage] {
        log.withLockedValue { log in
            defer { log.removeAll() }
            return log
        }
    }

    private func keep(_ message: WireMessage) {
        log.withLockedValue { $0.append(message) }
    }

    /// Closes the connection and ends the reader. Safe to call more than once.
    public func close() async {
        heartbeats.withLockedValue { $0?.cancel(); $0 = nil }
        inbox.finish(.closedByClient)
        try? await channel.close().get()
        reader.cancel()
        await reader.value
    }

    // MARK: Errors

    static func ended(_ end: TestClientEnd<WireError>, waitingFor what: String, saw: [WireMessage]) -> WireTestClientError {
        switch end {
        case .closedByServer(let reason):
            let goodbye = saw.last { if case .goodbye = $0 { true } else if case .reject = $0 { true } else { false } }
            var said = ""
            if case .goodbye(let code, let text)? = goodbye { said = " after goodbye \(code): \(text)" }
            if case .reject(let code, let text)? = goodbye { said = " after reject \(code): \(text)" }
            return WireTestClientError(
                .connectionClosed,
                "the server closed the connection\(reason.map { " (\($0))" } ?? "")\(said) while waiting for \(what); "
                    + summary(saw))
        case .closedByClient:
            return WireTestClientError(.clientClosed, "the client was closed while waiting for \(what); " + summary(saw))
        case .brokenStream(let error):
            return WireTestClientError(.undecodableFrame, "the server's bytes did not decode (\(error)) while waiting for \(what)",
                                       wireError: error)
        }
    }

    /// `saw nothing`, or `saw instead 4 frames: heartbeat, batch ×3`.
    static func summary(_ messages: [WireMessage]) -> String {
        guard !messages.isEmpty else { return "saw nothing" }
        var order: [String] = []
        var counts: [String: Int] = [:]
        for message in messages {
            let name = "\(message.kind)"
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        let names = order.map { counts[$0]! > 1 ? "\($0) ×\(counts[$0]!)" : $0 }
        return "saw instead \(messages.count) frame\(messages.count == 1 ? "" : "s"): " + names.joined(separator: ", ")
    }
}
