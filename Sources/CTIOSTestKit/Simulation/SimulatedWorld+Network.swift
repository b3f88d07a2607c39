import CIL
import CTIOSServer
import CTIOSWire
import CTISimulator
import GED188
import NIOCore

/// Delivery: the next message due on any connection, and what its receiver's shell does with it.
extension SimulatedWorld {
    /// Whether an end can take a delivery now (a paused server takes nothing until it resumes).
    func canReceive(_ endpoint: SimulatedEndpoint) -> Bool {
        switch endpoint {
        case .server(let index): servers[index].alive && !servers[index].frozen
        case .desk, .simulator: true
        }
    }

    func isCut(_ connection: SimulatedConnection) -> Bool {
        if case .peer = connection.kind { return peerCuts > 0 }
        return false
    }

    /// The earliest delivery time of any connection, or `nil` when nothing can be delivered.
    func nextDueTime() -> Duration? {
        var best: Duration?
        for id in network.order {
            guard let connection = network.connections[id], !isCut(connection) else { continue }
            for end in 0..<2 {
                guard let head = connection.queues[end].first, canReceive(connection.ends[end]) else { continue }
                let at = max(head.at, connection.stalledUntil)
                if best == nil || at < best! { best = at }
            }
        }
        return best
    }

    /// The connection and end whose head is due first, at or before `limit` (`nil`: anything deliverable, as in a
    /// flush); ties go to the older connection.
    func nextDue(before limit: Duration?) -> (Int, Int)? {
        var best: (id: Int, end: Int, at: Duration)?
        for id in network.order {
            guard let connection = network.connections[id], !isCut(connection) else { continue }
            for end in 0..<2 {
                guard let head = connection.queues[end].first, canReceive(connection.ends[end]) else { continue }
                let at = limit == nil ? head.at : max(head.at, connection.stalledUntil)
                if let limit, at > limit { continue }
                if best == nil || at < best!.at { best = (id, end, at) }
            }
        }
        return best.map { ($0.id, $0.end) }
    }

    /// Closes one end: it reads nothing more; the other end sees the close after what is already in flight
    /// (`notify`), as after a FIN or a process's death.
    mutating func closeEnd(_ id: Int, _ end: Int, notify: Bool) {
        guard var connection = network.connections[id], connection.reading[end] else { return }
        connection.reading[end] = false
        connection.queues[end].removeAll()
        if notify { connection.enqueue(.close, to: SimulatedConnection.other(end), now: now) }
        network.connections[id] = connection
    }

    mutating func enqueue(_ payload: SimulatedPayload, on id: Int, to end: Int) {
        network.connections[id]?.enqueue(payload, to: end, now: now)
    }

    mutating func deliver(_ id: Int, _ end: Int) {
        guard var connection = network.connections[id], !connection.queues[end].isEmpty else { return }
        let item = connection.queues[end].removeFirst()
        if case .close = item.payload { connection.reading[end] = false }
        network.connections[id] = connection
        statistics.deliveries += 1
        switch connection.kind {
        case .client(let desk, let socket, let server, let generation, let client):
            if end == 0 {
                deliverToDesk(desk, socket, item.payload, from: server)
            } else {
                guard servers[server].generation == generation else { return }
                deliverToServer(server, client: client, connection: id, desk: desk, socket: socket, item.payload)
            }
        case .peer(let generations):
            guard case .server(let server) = connection.ends[end], servers[server].generation == generations[end] else { return }
            deliverPeer(server, connection: id, end: end, item.payload)
        case .cti(let server, let generation, let session):
            if end == 1 {
                switch item.payload {
                case .ged(let message): simulator.receive(message, from: session, now: now)
                case .close: simulator.disconnect(session)
                default: break
                }
                drainSimulator()
            } else {
                guard servers[server].generation == generation, servers[server].ctiConnection == id else { return }
                switch item.payload {
                case .ged(let message):
                    servers[server].core.ctiReceived(message, now: now)
                case .close:
                    servers[server].ctiConnection = nil
                    servers[server].core.ctiDisconnected(now: now)
                default:
                    break
                }
                drainServer(server)
            }
        }
        network.collect()
    }

    private mutating func deliverToServer(_ server: Int, client: ClientID, connection: Int, desk: Int, socket: ConnectionID,
                                          _ payload: SimulatedPayload) {
        switch payload {
        case .open:
            servers[server].clients[client] = connection
            servers[server].core.clientConnected(client, now: now)
        case .wire(let message):
            guard servers[server].clients[client] == connection else { return }
            if case .request(let requestID, _, _) = message {
                cause = wireRequests[WireRequestKey(desk: desk, connection: socket.rawValue, requestID: requestID)]
            }
            servers[server].core.clientReceived(message, from: client, now: now)
        case .close:
            guard servers[server].clients.removeValue(forKey: client) != nil else { return }
            servers[server].core.clientDisconnected(client)
        default:
            break
        }
        drainServer(server)
        cause = nil
    }

    private mutating func deliverPeer(_ server: Int, connection: Int, end: Int, _ payload: SimulatedPayload) {
        switch payload {
        case .open:
            adoptPeer(server, connection)
        case .peer(let message):
            guard servers[server].peerConnection == connection else { return }
            if case .forward(let tag, _, _, _) = message {
                let other = 1 - server
                let generations: [Int]
                if case .peer(let g) = network.connections[connection]?.kind { generations = g } else { generations = [0, 0] }
                cause = forwards[ForwardKey(server: other, generation: generations[SimulatedConnection.other(end)], tag: tag)]
            }
            servers[server].core.peerReceived(message, now: now)
        case .close:
            guard servers[server].peerConnection == connection else { return }
            servers[server].peerConnection = nil
            servers[server].core.peerDisconnected(now: now)
        default:
            break
        }
        drainServer(server)
        cause = nil
    }

    /// The shell's rule: the newest peer connection wins; an older one is closed.
    mutating func adoptPeer(_ server: Int, _ connection: Int) {
        if let old = servers[server].peerConnection, old != connection {
            closeEnd(old, end(of: server, in: old), notify: true)
            servers[server].peerConnection = nil
            servers[server].core.peerDisconnected(now: now)
        }
        servers[server].peerConnection = connection
        servers[server].core.peerConnected(now: now)
    }

    func end(of server: Int, in connection: Int) -> Int {
        network.connections[connection]?.ends[0] == .server(server) ? 0 : 1
    }

    mutating func traceFrame(_ message: WireMessage, desk: Int, server: Int) {
        let name = server == 0 ? "A" : "B"
        switch message {
        case .batch(let batch): log("desk \(desk) <- \(name) batch \(batch.epoch)/\(batch.sequence)")
        case .snapshotBegin(let position, let reason): log("desk \(desk) <- \(name) snapshot \(position) (\(reason))")
        case .caughtUp(let position): log("desk \(desk) <- \(name) caughtUp \(position)")
        case .welcome: log("desk \(desk) <- \(name) welcome")
        case .goodbye(let code, let reason): log("desk \(desk) <- \(name) goodbye \(code) \(reason)")
        default: break
        }
    }

    private mutating func deliverToDesk(_ desk: Int, _ socket: ConnectionID, _ payload: SimulatedPayload, from server: Int) {
        switch payload {
        case .bytes(var buffer):
            do {
                while let message = try WireFrameDecoder.nextMessage(from: &buffer) {
                    if options.trace { traceFrame(message, desk: desk, server: server) }
                    switch message {
                    case .caughtUp, .snapshotEnd: desks[desk].positionFromResume = true
                    case .batch(let batch):
                        desks[desk].positionFromResume = false
                        if let position = desks[desk].engine.machine.position, position.epoch == batch.epoch,
                           batch.sequence <= position.sequence {
                            desks[desk].gotDuplicateBatch = true
                            log("desk \(desk) got batch \(batch.epoch)/\(batch.sequence) again (at \(position.epoch)/\(position.sequence))")
                        }
                    default: break
                    }
                    desks[desk].engine.received(message, on: socket, now: now)
                }
            } catch {
                desks[desk].engine.protocolError(socket, "\(error)", now: now)
            }
            drainDesk(desk)
            checkReplication(desk: desk, server: server)
        case .close:
            desks[desk].connections[socket] = nil
            desks[desk].engine.closed(socket, now: now)
            drainDesk(desk)
        default:
            break
        }
    }
}
