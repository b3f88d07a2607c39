import CTIOSCore
import CTIOSWire
import NIOCore

extension ServerCore {
    /// A batch this server's store just made (alone or as primary). In a pair it goes to the backup first; while
    /// the backup is caught up, clients get it only once the backup acknowledged it, so any position a client holds
    /// exists on both servers. Otherwise clients get it at once.
    mutating func commit(_ batch: ChangeBatch) {
        if peer.streaming { sendPeer(.replicate(batch)) }
        if peer.backupCaughtUp, configuration.pair?.publishesBeforeAcknowledgement != true {
            peer.awaitingAcknowledgement.append(batch)
        } else {
            deliver(batch)
        }
    }

    /// Publishes the batches held for the backup's acknowledgement up to `sequence` (all of them when `nil`), in
    /// order, starting each gated client stream just before the first batch it does not contain.
    mutating func releaseHeld(upTo sequence: UInt64?) {
        while let first = peer.awaitingAcknowledgement.first, sequence.map({ first.sequence <= $0 }) ?? true {
            releaseGatedStarts(before: first.sequence)
            deliver(peer.awaitingAcknowledgement.removeFirst())
        }
        if let sequence {
            releaseGatedStarts(before: sequence + 1)
        } else {
            releaseGatedStarts(before: .max)
        }
    }

    /// Starts the gated streams whose position is before `sequence`.
    private mutating func releaseGatedStarts(before sequence: UInt64) {
        guard !peer.gatedStarts.isEmpty else { return }
        var waiting: [PeerState.GatedStart] = []
        for start in peer.gatedStarts {
            if start.position < sequence {
                startStream(start.client, frames: start.frames, view: start.view)
            } else {
                waiting.append(start)
            }
        }
        peer.gatedStarts = waiting
    }

    /// Sends a client its stream's start (snapshot or replay) and from then on its batches.
    mutating func startStream(_ id: ClientID, frames: ByteBuffer, view: ClientView) {
        guard var session = clients[id] else { return }
        output.sends.append((id, frames))
        session.view = view
        session.sentSinceTick = true
        index(&session)
        clients[id] = session
    }

    /// Every client that may see something of the batch gets it, filtered to what it may see. The batch is
    /// encoded once; a client that sees all of it gets those very bytes.
    mutating func deliver(_ batch: ChangeBatch) {
        counters.batches += 1
        let prepared = PreparedBatch(batch)
        var shared: ByteBuffer?
        for id in candidates(for: batch) {
            // The view is taken out of its session while it is filtered, so that its sets are mutated in place
            // (a copy left in the dictionary would make every delivery copy them).
            guard var view = clients[id]?.view else { continue }
            clients[id]!.view = nil
            let before = view.scope
            let filtered = store.filter(prepared, for: &view)
            let scopeChanged = view.scope != before
            clients[id]!.view = consume view
            if scopeChanged, var session = clients.removeValue(forKey: id) {
                reindexIfNeeded(&session, before: before)
                clients[id] = session
            }
            guard let filtered else { continue }
            clients[id]!.sentSinceTick = true
            counters.deliveries += 1
            if filtered == batch {
                if shared == nil {
                    do { shared = try WireMessage.batch(batch).encoded() } catch {
                        output.problems.append("could not encode batch \(batch.position): \(error)")
                        return
                    }
                }
                output.sends.append((id, shared!))
            } else {
                send(.batch(filtered), to: id)
            }
        }
    }

    /// The clients a batch may concern: agent-mode clients whose scope holds one of its agents or devices (or
    /// every agent-mode client when the batch touches teams, which can widen a supervisor's scope), and every
    /// monitor-mode client. In connection order.
    func candidates(for batch: ChangeBatch) -> [ClientID] {
        var chosen = monitors
        var everyAgentClient = false
        for change in batch.changes {
            guard let id = UniqueObjectID(change.objectID) else { continue }
            switch id.kind {
            case .agent: chosen.formUnion(byAgent[id.parts[0]] ?? [])
            case .call: chosen.formUnion(byDevice[id.parts[1]] ?? [])
            case .team, .skillGroup: everyAgentClient = true
            }
        }
        for event in batch.events {
            if let text = event.arguments.string(.uniqueObjectID), let id = UniqueObjectID(text) {
                switch id.kind {
                case .agent: chosen.formUnion(byAgent[id.parts[0]] ?? [])
                case .call: chosen.formUnion(byDevice[id.parts[1]] ?? [])
                case .team, .skillGroup: everyAgentClient = true
                }
            } else {
                // A session event (OnCTIOSFailure): everyone.
                everyAgentClient = true
            }
        }
        if everyAgentClient { return order.filter { clients[$0]?.view != nil } }
        return order.filter(chosen.contains)
    }

    mutating func reindexIfNeeded(_ session: inout ClientSession, before: AgentScope?) {
        guard case .agent = session.view?.mode, session.view?.scope != before else { return }
        unindex(session)
        index(&session)
    }
}
