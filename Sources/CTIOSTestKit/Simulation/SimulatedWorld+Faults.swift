import CTIOSServer

/// Faults as they start and heal.
extension SimulatedWorld {
    mutating func inject(_ fault: Fault) {
        statistics.faults += 1
        log("fault: \(fault)")
        let end = now + fault.duration
        switch fault.kind {
        case .crash(let index):
            guard servers[index].alive else { return }
            crash(index)
            heals.append((end, .restart(index)))
        case .pause(let index):
            guard servers[index].alive, !servers[index].frozen else { return }
            servers[index].frozen = true
            heals.append((end, .resume(index)))
        case .cutPeerLink:
            peerCuts += 1
            heals.append((end, .healPeer))
        case .dropCTILink(let index):
            guard let id = servers[index].ctiConnection else { return }
            reset(id)
        case .hangCTILink(let index):
            guard let id = servers[index].ctiConnection else { return }
            stall(id, until: end)
        case .delayConnection(let pick, let extra):
            guard let id = pickConnection(pick) else { return }
            network.connections[id]?.extraDelay = extra
            network.connections[id]?.extraDelayUntil = end
        case .stallConnection(let pick):
            guard let id = pickConnection(pick) else { return }
            stall(id, until: end)
        case .resetConnection(let pick):
            guard let id = pickConnection(pick) else { return }
            reset(id)
        }
    }

    mutating func stall(_ id: Int, until end: Duration) {
        guard var connection = network.connections[id] else { return }
        connection.stalledUntil = max(connection.stalledUntil, end)
        network.connections[id] = connection
    }

    mutating func perform(_ heal: Heal) {
        switch heal {
        case .restart(let index):
            guard !servers[index].alive else { return }
            restart(index)
        case .resume(let index):
            servers[index].frozen = false
        case .healPeer:
            peerCuts = max(0, peerCuts - 1)
        }
    }

    /// The end of a round's chaos: every crashed server restarts, every paused one resumes, the peer link heals,
    /// stalls and delays end.
    mutating func healEverything() {
        let pending = heals
        heals = []
        for (_, heal) in pending { perform(heal) }
        pendingFaults = []
        peerCuts = 0
        for id in network.order {
            network.connections[id]?.stalledUntil = .zero
            network.connections[id]?.extraDelayUntil = .zero
        }
    }

    /// A connection still open at both ends, chosen by `pick`.
    func pickConnection(_ pick: UInt64) -> Int? {
        let open = network.order.filter { network.connections[$0].map { $0.reading[0] && $0.reading[1] } ?? false }
        guard !open.isEmpty else { return nil }
        return open[Int(pick % UInt64(open.count))]
    }

    /// RST: both ends see the connection close at once; what was in flight is lost.
    mutating func reset(_ id: Int) {
        guard var connection = network.connections[id] else { return }
        for end in 0..<2 where connection.reading[end] {
            connection.queues[end].removeAll()
            connection.queues[end].append(.init(at: now, payload: .close))
            connection.lastAt[end] = now
        }
        connection.stalledUntil = .zero
        network.connections[id] = connection
    }

    /// kill -9: the process is gone; the kernel closes its sockets (their other ends see it after what is in flight).
    mutating func crash(_ index: Int) {
        servers[index].alive = false
        servers[index].frozen = false
        for id in network.order {
            guard let connection = network.connections[id] else { continue }
            for end in 0..<2 where connection.ends[end] == .server(index) {
                closeEnd(id, end, notify: true)
            }
        }
        servers[index].peerConnection = nil
        servers[index].ctiConnection = nil
        servers[index].clients = [:]
    }

    /// The process starts again with no state and a new epoch.
    mutating func restart(_ index: Int) {
        let generation = servers[index].generation + 1
        var slot = ServerSlot(core: makeServer(index, epoch: UInt64(10_000 * (generation + 1) + index)))
        slot.generation = generation
        slot.nextTick = now + options.serverTick
        servers[index] = slot
        servers[index].core.start(now: now)
        drainServer(index)
    }
}
