import CTIOSWire
import NIOCore
import NIOPosix

// The shell's work on the event loop: run one input through the engine under the lock, then, with the lock
// released, carry out what it asked for (sockets, then events, then answers) and set the timer.

extension Session {
    /// Time since the session was made: the engine's clock.
    var now: Duration {
        .nanoseconds(Int64(NIODeadline.now().uptimeNanoseconds - origin.uptimeNanoseconds))
    }

    /// Runs one input on the loop and carries out its output.
    func run(_ input: (inout Shared, Duration) -> Void) {
        loop.preconditionInEventLoop()
        let now = self.now
        var work = shared.withLockedValue { shared -> Work in
            input(&shared, now)
            return Work(taking: &shared)
        }
        carryOut(&work)
    }

    /// What one input asks the shell to do, taken out of the lock.
    struct Work {
        var output: SessionEngine.Output
        var channels: [ConnectionID: any Channel]
        var listeners: ListenerRegistry
        var streams: [(id: UInt64, continuation: AsyncThrowingStream<CILEvent, any Error>.Continuation)]
        var completions: [(CheckedContinuation<Arguments, any Error>, Result<Arguments, CILError>)] = []
        var connectWaiters: [CheckedContinuation<Void, any Error>] = []

        init(taking shared: inout Shared) {
            output = shared.engine.takeOutput()
            channels = shared.channels
            listeners = shared.listeners
            streams = output.events.isEmpty ? [] : shared.streams.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (handle, result) in output.completions {
                if let continuation = shared.requests.removeValue(forKey: handle) { completions.append((continuation, result)) }
            }
            if !output.connectResults.isEmpty {
                connectWaiters = shared.connectWaiters
                shared.connectWaiters.removeAll()
            }
        }
    }

    private func carryOut(_ work: inout Work) {
        var flush: [ConnectionID: any Channel] = [:]
        var followUp: [(inout Shared, Duration) -> Void] = []
        for action in work.output.transport {
            switch action {
            case .connect(let connection, let server):
                open(connection, to: server)
            case .send(let connection, let message):
                guard let channel = work.channels[connection] else { continue }
                var buffer = channel.allocator.buffer(capacity: 64)
                do {
                    try message.encode(into: &buffer)
                } catch {
                    if let requestID = message.requestID {
                        followUp.append { shared, _ in
                            shared.engine.sendFailed(connection, requestID: requestID, reason: "\(error)")
                        }
                    }
                    continue
                }
                if let requestID = message.requestID {
                    let promise = loop.makePromise(of: Void.self)
                    promise.futureResult.whenFailure { [self] _ in
                        shared.withLockedValue { $0.engine.writeFailed(connection, requestID: requestID) }
                    }
                    channel.write(buffer, promise: promise)
                } else {
                    channel.write(buffer, promise: nil)
                }
                flush[connection] = channel
            case .close(let connection):
                let channel = shared.withLockedValue { $0.channels.removeValue(forKey: connection) }
                if let channel {
                    if flush.removeValue(forKey: connection) != nil { channel.flush() }
                    channel.close(promise: nil)
                }
            }
        }
        for channel in flush.values { channel.flush() }
        if !work.output.events.isEmpty { raise(work.output.events, &work) }
        if let result = work.output.connectResults.last {
            for waiter in work.connectWaiters {
                switch result {
                case .success: waiter.resume()
                case .failure(let error): waiter.resume(throwing: error)
                }
            }
        }
        for (continuation, result) in work.completions {
            continuation.resume(with: result.mapError { $0 as any Error })
        }
        for input in followUp { run(input) }
        scheduleTimer()
    }

    private func raise(_ events: [CILEvent], _ work: inout Work) {
        var overflowed: [UInt64] = []
        for event in events {
            work.listeners.dispatch(event)
            for (id, stream) in work.streams where !overflowed.contains(id) {
                if case .dropped = stream.yield(event) {
                    overflowed.append(id)
                    stream.finish(throwing: CILError(.slowConsumer, "the event stream's consumer fell behind by more than its buffer; the stream ended so that no event is lost silently"))
                }
            }
        }
        if !overflowed.isEmpty {
            shared.withLockedValue { shared in for id in overflowed { shared.streams[id] = nil } }
        }
    }

    // MARK: Sockets

    private func open(_ connection: ConnectionID, to server: ServerAddress) {
        let timeout = shared.withLockedValue { $0.engine.machine.profile.connectAttemptTimeout }
        logger.debug("connecting", metadata: ["server": "\(server)", "connection": "\(connection.rawValue)"])
        ClientBootstrap(group: loop)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(CILChannelHandler(session: self, connection: connection))
                }
            }
            .connect(host: server.host, port: server.port)
            .whenComplete { [self] result in
                switch result {
                case .success(let channel):
                    let current = shared.withLockedValue { shared -> Bool in
                        guard shared.engine.machine.currentConnection == connection else { return false }
                        shared.channels[connection] = channel
                        return true
                    }
                    guard current else {
                        channel.close(promise: nil)
                        return
                    }
                    run { shared, now in shared.engine.connected(connection, now: now) }
                case .failure(let error):
                    run { shared, now in shared.engine.connectFailed(connection, reason: "\(error)", now: now) }
                }
            }
    }

    /// Frames from one read of a socket.
    func inbound(_ messages: [WireMessage], on connection: ConnectionID) {
        run { shared, now in
            for message in messages { shared.engine.received(message, on: connection, now: now) }
        }
    }

    /// Bytes from a socket that do not decode.
    func inbound(protocolError description: String, on connection: ConnectionID) {
        logger.notice("the server sent a frame that does not decode", metadata: ["error": "\(description)"])
        run { shared, now in shared.engine.protocolError(connection, description, now: now) }
    }

    /// A socket closed.
    func inbound(closedOn connection: ConnectionID) {
        run { shared, now in
            shared.channels[connection] = nil
            shared.engine.closed(connection, now: now)
        }
    }

    // MARK: Time

    /// One timer, set for the engine's next deadline whenever that comes sooner than the one set.
    private func scheduleTimer() {
        let deadline = shared.withLockedValue { shared -> Duration? in
            guard let next = shared.engine.nextDeadline else {
                shared.timer?.cancel()
                shared.timer = nil
                shared.timerDeadline = nil
                return nil
            }
            if let set = shared.timerDeadline, set <= next { return nil }
            shared.timer?.cancel()
            shared.timerDeadline = next
            return next
        }
        guard let deadline else { return }
        let nanoseconds = deadline.components.seconds * 1_000_000_000 + deadline.components.attoseconds / 1_000_000_000
        let when = NIODeadline.uptimeNanoseconds(origin.uptimeNanoseconds + UInt64(max(0, nanoseconds)))
        let timer = loop.scheduleTask(deadline: when) { [self] in
            shared.withLockedValue { shared in
                shared.timer = nil
                shared.timerDeadline = nil
            }
            run { shared, now in shared.engine.tick(now: now) }
        }
        shared.withLockedValue { shared in
            if shared.timerDeadline == deadline { shared.timer = timer } else { timer.cancel() }
        }
    }
}
