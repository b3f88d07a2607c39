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
