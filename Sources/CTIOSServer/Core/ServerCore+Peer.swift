import CTIOSCore
import CTIOSWire
import NIOCore

/// What the shell must do on the peer link.
public enum PeerAction: Sendable {
    /// Dial the peer (the dialing side only).
    case connect
    /// Write these bytes (one or more encoded ``PeerMessage`` frames) on the peer connection.
    case send(ByteBuffer)
    /// Close the peer connection (the shell then reports ``ServerCore/peerDisconnected(now:)``).
    case close(reason: String)
}

/// The pair (`Docs/Architecture.md`, "The pair"): roles, the peer link's handshake and heartbeats, state transfer,
/// replication before publication, forwarded requests, takeover and stepping down. Pure, like the rest of the core.
extension ServerCore {
    // MARK: Inputs from the shell

    /// A peer connection is open (dialed by this server, or accepted from the peer).
    public mutating func peerConnected(now: Duration) {
        guard configuration.pair != nil else { return }
        resetLink()
        peer.link = .handshaking
        peer.lastReceived = now
        peer.lastSent = now
        peer.ourHelloSent = true
        sendPeer(.hello(versions: Self.peerVersions, serverID: configuration.serverID, role: role,
                        position: LogPosition(epoch: store.epoch, sequence: store.sequence)))
    }

    /// The dial failed; try again after ``PairConfiguration/redialInterval``.
    public mutating func peerConnectFailed(now: Duration) {
        guard let pair = configuration.pair, case .dialing = peer.link else { return }
        peer.link = .down
        peer.nextDial = now + pair.redialInterval
    }

    /// The peer connection closed (either end, or the shell after ``PeerAction/close(reason:)``).
    public mutating func peerDisconnected(now: Duration) {
        switch peer.link {
        case .handshaking, .up: peerLost(now: now, reason: "the peer link closed")
        case .down, .dialing: break
        }
    }

    /// Bytes from the peer that do not decode: the link cannot be trusted; close it (a new one starts over).
    public mutating func peerSentMalformed(error: String, now: Duration) {
        output.problems.append("the peer sent a frame that does not decode: \(error)")
        closePeer("a frame did not decode: \(error)", now: now)
    }

    public mutating func peerReceived(_ message: PeerMessage, now: Duration) {
        guard configuration.pair != nil else { return }
        switch peer.link {
        case .handshaking, .up: break
        case .down, .dialing: return
        }
        peer.lastReceived = now
        switch message {
        case .hello(let versions, let serverID, let theirRole, let position):
            peer.theirHello = (serverID, theirRole, position, versions)
            let common = versions.filter { Self.peerVersions.contains($0) }
            guard let version = common.max(by: { $0.rawValue < $1.rawValue }) else {
                closePeer("no common peer protocol version: ours \(Self.peerVersions.map(\.rawValue)), theirs \(versions.map(\.rawValue))",
                          now: now)
                return
            }
            guard serverID != configuration.serverID else {
                closePeer("the peer has our own server ID \(serverID): check serverID in both configurations", now: now)
                return
            }
            peer.link = .up(peerID: serverID, version: version)
            settleRoles(theirRole: theirRole, theirPosition: position, theirID: serverID, now: now)
        case .versionChosen, .heartbeat:
            break
        case .goodbye(let reason):
            output.notices.append("the peer is closing the link: \(reason)")
        case .transferBegin(let position, let base):
            guard role == .joining else { return protocolError("a state transfer to a \(role)", now: now) }
            peer.transfer = PeerState.Transfer(position: position, backlogBase: base)
        case .transferObjects(let objects):
            guard peer.transfer != nil else { return protocolError("transferObjects outside a transfer", now: now) }
            for object in objects {
                guard let id = UniqueObjectID(object.objectID) else {
                    return protocolError("the transfer names '\(object.objectID)'", now: now)
                }
                peer.transfer?.objects[id] = object.properties
            }
        case .transferBacklog(let batch):
            guard peer.transfer != nil else { return protocolError("transferBacklog outside a transfer", now: now) }
            peer.transfer?.backlog.append(batch)
        case .transferEnd(let position):
            guard let transfer = peer.transfer, transfer.position == position else {
                return protocolError("transferEnd does not close the transfer begun", now: now)
            }
            completeTransfer(transfer, now: now)
        case .replicate(let batch):
            guard role == .backup else {
                // Batches made while the transfer was sent follow it; a joining server waits for transferEnd.
                if role == .joining, peer.transfer != nil {
                    return protocolError("a batch inside a state transfer", now: now)
                }
                return
            }
            do {
                try store.appendReplicated(batch)
            } catch {
                output.problems.append("a replicated batch does not apply: \(error); asking for a new state transfer")
                peer.role = .joining
                peer.waitingSince = now
                closePeer("replicated batch \(batch.sequence) does not apply: \(error)", now: now)
                return
            }
            deliver(batch)
            sendPeer(.acknowledge(position: LogPosition(epoch: batch.epoch, sequence: batch.sequence)))
        case .acknowledge(let position):
            guard role == .primary else { return }
            peer.lastAcknowledged = position
            if let end = peer.transferEnd, !peer.backupCaughtUp, position.sequence >= end.sequence, peer.streaming {
                peer.backupCaughtUp = true
            }
            releaseHeld(upTo: position.sequence)
        case .forward(let tag, let agentID, let method, let arguments):
            counters.requests += 1
            guard role == .primary else {
                sendPeer(.forwardResult(tag: tag, result: .failure(RequestFailure(
                    code: RequestFailure.StandardCode.ctiUnavailable,
                    reason: "\(method) was not sent: the peer is not the primary"))))
                return
            }
            submit(origin: .peer(tag), method: method, arguments: arguments, mode: .agent(agentID), now: now)
        case .forwardResult(let tag, let result):
            guard let (client, requestID, method, since) = peer.forwarded.removeValue(forKey: tag) else { return }
            finish(.client(client, requestID), method: method, since: since, now: now, result)
        }
    }

    // MARK: Time

    mutating func peerTick(now: Duration) {
        guard let pair = configuration.pair else { return }
        if peer.sentSinceTick {
            peer.lastSent = now
            peer.sentSinceTick = false
        }
        switch peer.link {
        case .down:
            if pair.dialsPeer, now >= peer.nextDial { dialPeer(now: now) }
        case .dialing:
            break
        case .handshaking, .up:
            if pair.livenessInShell {
                break
            } else if now - peer.lastReceived >= pair.heartbeatInterval * pair.missedHeartbeats {
                closePeer("nothing from the peer for \(pair.missedHeartbeats) heartbeat intervals", now: now)
            } else if now - peer.lastSent >= pair.heartbeatInterval {
                sendPeer(.heartbeat)
                peer.lastSent = now
                peer.sentSinceTick = false
            }
        }
        if role == .joining, peer.transfer == nil, !peer.isUp, now - peer.waitingSince >= pair.startupWait {
            // No peer to take state from: serve alone, from the CTI Server.
            becomePrimary(now: now)
        }
    }

    // MARK: Roles

    /// The rule both servers apply to the same two hellos, so they agree without another round: a primary stays
    /// primary against a non-primary; of two primaries (a healed partition) or two non-primaries (both starting),
    /// the higher epoch wins, and on equal epochs the smaller server ID. The winner is (or becomes) primary and sends
    /// a state transfer; the other waits for it.
    mutating func settleRoles(theirRole: PeerRole, theirPosition: LogPosition, theirID: String, now: Duration) {
        let weWin = store.epoch != theirPosition.epoch ? store.epoch > theirPosition.epoch : configuration.serverID < theirID
        switch (role == .primary, theirRole == .primary) {
        case (true, false):
            sendTransfer(now: now)
        case (false, true):
            awaitTransfer(now: now)
        case (true, true):
            if weWin {
                sendTransfer(now: now)
            } else {
                output.notices.append("two primaries (a healed partition): \(theirID) wins; stepping down")
                perform(link.stop(now: now), now: now)
                awaitTransfer(now: now)
            }
        case (false, false):
            if weWin {
                becomePrimary(now: now)
                sendTransfer(now: now)
            } else {
                awaitTransfer(now: now)
            }
        }
    }

    /// Takes the CTI Server session: a backup continues its history in a new epoch; a server with no state starts
    /// a fresh history.
    mutating func becomePrimary(now: Duration) {
        guard role != .primary else { return }
        let wasBackup = role == .backup
        peer.role = .primary
        output.notices.append(wasBackup ? "now primary (takeover)" : "now primary")
        if wasBackup || hasReconciled {
            store.beginEpoch(store.epoch + 1)
        } else if let pair = configuration.pair, store.objects.isEmpty, pair.initialEpoch > store.epoch {
            store.beginEpoch(pair.initialEpoch)
        }
        perform(link.start(now: now), now: now)
    }

    private mutating func awaitTransfer(now: Duration) {
        peer.role = .joining
        peer.waitingSince = now
        peer.transfer = nil
    }

    // MARK: State transfer

    private mutating func sendTransfer(now: Duration) {
        let position = LogPosition(epoch: store.epoch, sequence: store.sequence)
        let base = store.backlogBase
        var bytes = ByteBuffer()
        do {
            try PeerMessage.transferBegin(position: position, backlogBase: LogPosition(epoch: base.epoch, sequence: base.sequence))
                .encode(into: &bytes)
            var chunk: [SnapshotObject] = []
            var chunkBytes = 0
            let limit = configuration.pair?.transferChunkBytes ?? (1 << 20)
            for (id, properties) in store.objects.sorted(by: { $0.key < $1.key }) {
                chunk.append(SnapshotObject(objectID: id.description, properties: properties))
                chunkBytes += properties.estimatedEncodedSize + 32
                if chunkBytes >= limit {
                    try PeerMessage.transferObjects(chunk).encode(into: &bytes)
                    chunk.removeAll(keepingCapacity: true)
                    chunkBytes = 0
                }
            }
            if !chunk.isEmpty { try PeerMessage.transferObjects(chunk).encode(into: &bytes) }
            for batch in store.backlog { try PeerMessage.transferBacklog(batch).encode(into: &bytes) }
            try PeerMessage.transferEnd(position: position).encode(into: &bytes)
        } catch {
            output.problems.append("could not encode the state transfer: \(error)")
            closePeer("the state transfer could not be encoded", now: now)
            return
        }
        output.peer.append(.send(bytes))
        peer.sentSinceTick = true
        peer.streaming = true
        peer.transferEnd = position
        peer.backupCaughtUp = false
    }

    private mutating func completeTransfer(_ transfer: PeerState.Transfer, now: Duration) {
        let hadState = hasReconciled
        store = ObjectStore(configuration: store.configuration, objects: transfer.objects, epoch: transfer.position.epoch,
                            sequence: transfer.position.sequence, backlog: transfer.backlog, backlogBase: transfer.backlogBase)
        peer.transfer = nil
        peer.role = .backup
        output.notices.append("now backup: state transfer at \(transfer.position.epoch)/\(transfer.position.sequence) complete")
        hasReconciled = true
        sendPeer(.acknowledge(position: transfer.position))
        // Clients served from the old store (a server that stepped down) are brought to the new one; each CIL
        // diffs the snapshot against its cache and raises the events the difference implies.
        if hadState { resynchronizeClients() }
    }

    // MARK: Loss

    private mutating func peerLost(now: Duration, reason: String) {
        let wasBackup = role == .backup
        resetLink()
        peer.link = .down
        if let pair = configuration.pair { peer.nextDial = now + pair.redialInterval }
        for (tag, entry) in peer.forwarded.sorted(by: { $0.key < $1.key }) {
            peer.forwarded[tag] = nil
            finish(.client(entry.client, entry.requestID), method: entry.method, since: entry.since, now: now,
                   .failure(RequestFailure(code: RequestFailure.StandardCode.connectionLost,
                                           reason: "\(entry.method): outcome unknown: the link to the primary was lost after it was forwarded")))
        }
        if wasBackup {
            output.notices.append("lost the primary (\(reason)); taking over in epoch \(store.epoch + 1)")
            becomePrimary(now: now)
        } else if role == .joining {
            peer.transfer = nil
            peer.waitingSince = now
        }
    }

    /// Forgets the link's state; batches held for the backup's acknowledgement are published now (alone).
    private mutating func resetLink() {
        peer.theirHello = nil
        peer.ourHelloSent = false
        peer.streaming = false
        peer.transferEnd = nil
        if peer.backupCaughtUp || !peer.awaitingAcknowledgement.isEmpty || !peer.gatedStarts.isEmpty {
            peer.backupCaughtUp = false
            releaseHeld(upTo: nil)
        }
    }

    /// The shell's own heartbeat check (``PairConfiguration/livenessInShell``) found the peer silent for the limit.
    public mutating func peerSilent(now: Duration) {
        guard let pair = configuration.pair else { return }
        closePeer("nothing from the peer for \(pair.missedHeartbeats) heartbeat intervals", now: now)
    }

    private mutating func closePeer(_ reason: String, now: Duration) {
        switch peer.link {
        case .handshaking, .up:
            sendPeer(.goodbye(reason: reason))
            output.peer.append(.close(reason: reason))
            peerLost(now: now, reason: reason)
        case .down, .dialing:
            break
        }
    }

    private mutating func protocolError(_ what: String, now: Duration) {
        output.problems.append("peer protocol error: \(what)")
        closePeer("protocol error: \(what)", now: now)
    }

    mutating func dialPeer(now: Duration) {
        peer.link = .dialing
        output.peer.append(.connect)
    }

    mutating func sendPeer(_ message: PeerMessage) {
        do {
            output.peer.append(.send(try message.encoded()))
            peer.sentSinceTick = true
        } catch {
            output.problems.append("could not encode \(message.kind) for the peer: \(error)")
        }
    }

    static let peerVersions: [ProtocolVersion] = ProtocolVersion.peerSupported.map { ProtocolVersion(rawValue: $0) }
}
