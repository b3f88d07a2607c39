import CTIOSCore

extension ServerCore {
    /// Clients by mode, for metrics.
    public var clientModeCounts: (agent: Int, monitor: Int, none: Int) {
        var counts = (agent: 0, monitor: 0, none: 0)
        for session in clients.values {
            switch session.mode {
            case .agent: counts.agent += 1
            case .monitor: counts.monitor += 1
            case nil: counts.none += 1
            }
        }
        return counts
    }

    /// Every connected client, in connection order (`GET /v1/clients`).
    public var clientSummaries: [ServerAdmin.Client] {
        order.compactMap { id in
            guard let session = clients[id] else { return nil }
            var summary = ServerAdmin.Client(id: id.rawValue, name: session.name, mode: "none", agentID: nil, filter: nil,
                                             objects: session.view?.known.count ?? 0,
                                             pendingRequests: session.pendingRequests.count)
            switch session.mode {
            case .agent(let agentID):
                summary.mode = "agent"
                summary.agentID = agentID
            case .monitor(let filter):
                summary.mode = "monitor"
                summary.filter = filter.description
            case nil:
                break
            }
            return summary
        }
    }
}

extension ServerCore {
    /// The pair as this server sees it (`GET /v1/cluster`).
    public var clusterSummary: ServerAdmin.Cluster {
        var peerState = "none"
        var peerID: String?
        switch peer.link {
        case .down: peerState = configuration.pair == nil ? "none" : "down"
        case .dialing: peerState = "dialing"
        case .handshaking: peerState = "handshaking"
        case .up(let id, _):
            peerID = id
            peerState = peer.backupCaughtUp ? "replicating" : (peer.streaming ? "catching up" : "up")
        }
        let acknowledged = peer.lastAcknowledged?.sequence ?? 0
        return ServerAdmin.Cluster(
            serverID: configuration.serverID, role: "\(role)", epoch: store.epoch, sequence: store.sequence,
            ready: isReady, peer: peerState, peerID: peerID,
            replicationLagBatches: role == .primary && peer.streaming ? Int(store.sequence - min(acknowledged, store.sequence)) : 0,
            awaitingAcknowledgement: peer.awaitingAcknowledgement.count,
            ctiSide: ctiSide.map { "\($0)" },
            drain: drain.map { ServerAdmin.Drain(clientsPerSecond: $0.clientsPerSecond, moved: $0.moved, active: drainActive) })
    }
}
