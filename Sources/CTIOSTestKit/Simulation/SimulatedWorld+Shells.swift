import CIL
import CTIOSServer
import CTIOSWire
import CTISimulator
import GED188
import NIOCore

/// What the NIO shells would do with each core's output: open, write and close connections.
extension SimulatedWorld {
    /// Carries out a server's output until it has nothing more to say.
    mutating func drainServer(_ index: Int) {
        while servers[index].alive {
            let output = servers[index].core.takeOutput()
            if output.isEmpty { return }
            for problem in output.problems { notes.append("\(Fault.text(now)) server \(index == 0 ? "A" : "B"): \(problem)") }
            for notice in output.notices { log("server \(index == 0 ? "A" : "B"): \(notice)") }
            for action in output.link { performLink(action, index) }
            for action in output.peer { performPeer(action, index) }
            for (client, bytes) in output.sends {
                guard let connection = servers[index].clients[client] else { continue }
                enqueue(.bytes(bytes), on: connection, to: 0)
            }
            for (client, _) in output.closes {
                guard let connection = servers[index].clients.removeValue(forKey: client) else { continue }
                closeEnd(connection, 1, notify: true)
            }
        }
    }

    private mutating func performLink(_ action: CTILinkStateMachine.Action, _ index: Int) {
        switch action {
        case .connect(let side):
            let session = SessionID(nextSession)
            nextSession += 1
            guard simulator.connect(session, side: side == .a ? .a : .b, now: now) else {
                servers[index].core.ctiConnectFailed(now: now)
                return
            }
            let latency = random.uniform(.microseconds(500)...(.milliseconds(3)))
            let id = network.add(kind: .cti(server: index, generation: servers[index].generation, session: session),
                                 ends: [.server(index), .simulator], latency: latency)
            servers[index].ctiConnection = id
            servers[index].core.ctiConnected(now: now)
        case .send(let message):
            guard let id = servers[index].ctiConnection, case .cti(_, _, let session)? = network.connections[id]?.kind else { return }
            if let cause, let invokeID = message.invokeID {
                attribution[InvokeKey(session: session.rawValue, invokeID: invokeID)] = cause
            }
            // Encoded and decoded on the way, as over TCP.
            var bytes = ByteBuffer()
            do {
                try message.encode(into: &bytes)
                guard let decoded = try GED188Message.decode(from: &bytes) else { return }
                enqueue(.ged(decoded), on: id, to: 1)
            } catch {
                notes.append("\(Fault.text(now)) a GED-188 message did not encode: \(error)")
            }
        case .close:
            guard let id = servers[index].ctiConnection else { return }
            closeEnd(id, 0, notify: true)
            servers[index].ctiConnection = nil
            servers[index].core.ctiDisconnected(now: now)
        default:
            break
        }
    }

    private mutating func performPeer(_ action: PeerAction, _ index: Int) {
        let other = 1 - index
        switch action {
        case .connect:
            guard servers[other].alive, peerCuts == 0 else {
                servers[index].core.peerConnectFailed(now: now)
                return
            }
            let latency = random.uniform(.microseconds(300)...(.milliseconds(2)))
            let id = network.add(kind: .peer(generations: [servers[index].generation, servers[other].generation]),
                                 ends: [.server(index), .server(other)], latency: latency)
            enqueue(.open, on: id, to: 1)
            adoptPeer(index, id)
        case .send(var bytes):
            guard let id = servers[index].peerConnection else { return }
            let to = SimulatedConnection.other(end(of: index, in: id))
            do {
                while let message = try PeerMessage.nextMessage(from: &bytes) {
                    if let cause, case .forward(let tag, _, _, _) = message {
                        forwards[ForwardKey(server: index, generation: servers[index].generation, tag: tag)] = cause
                    }
                    enqueue(.peer(message), on: id, to: to)
                }
            } catch {
                notes.append("\(Fault.text(now)) a peer frame did not decode: \(error)")
            }
        case .close:
            guard let id = servers[index].peerConnection else { return }
            closeEnd(id, end(of: index, in: id), notify: true)
            servers[index].peerConnection = nil
        }
    }

    /// Carries out the simulator's output: bytes to the servers' CTI sessions, sessions it closes.
    mutating func drainSimulator() {
        while true {
            let output = simulator.takeOutput()
            if output.isEmpty { return }
            for problem in output.problems { notes.append("\(Fault.text(now)) simulator: \(problem)") }
            for (session, bytes) in output.sends {
                guard let id = ctiConnection(session) else { continue }
                var buffer = bytes
                do {
                    while let message = try GED188Message.decode(from: &buffer) { enqueue(.ged(message), on: id, to: 0) }
                } catch {
                    notes.append("\(Fault.text(now)) the simulator sent bytes that do not decode: \(error)")
                }
            }
            for (session, _) in output.closes {
                guard let id = ctiConnection(session) else { continue }
                closeEnd(id, 1, notify: true)
            }
        }
    }

    func ctiConnection(_ session: SessionID) -> Int? {
        for id in network.order {
            if case .cti(_, _, session)? = network.connections[id]?.kind { return id }
        }
        return nil
    }
}
