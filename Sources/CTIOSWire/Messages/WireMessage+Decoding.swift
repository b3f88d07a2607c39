import NIOCore

extension WireMessage {
    /// Decodes one frame's body. Offsets in errors count from the frame's first byte (the length field), so the
    /// body's first byte is offset 5.
    ///
    /// - Throws: ``WireError/Code/unknownKind`` for a kind byte that names no frame; any decoding error.
    public static func decode(
        kind rawKind: UInt8,
        body: ByteBuffer,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) -> WireMessage {
        guard let kind = WireKind(rawValue: rawKind) else {
            throw WireError(.unknownKind, field: "kind", offset: WireFrame.lengthFieldLength,
                            detail: "kind byte \(rawKind) names no frame kind")
        }
        return try WireReader.read(
            body, origin: WireFrame.headerLength, limits: limits, keywords: keywords, kind: kind
        ) { (reader: inout WireReader) throws(WireError) in
            let message = try reader.readBody(of: kind)
            try reader.expectEnd()
            return message
        }.value
    }

    /// Takes one whole frame off the front of `buffer` and decodes it, or returns `nil` (consuming nothing) while
    /// the frame is incomplete. See ``WireFrameDecoder/nextMessage(from:limits:keywords:)``.
    public static func decode(
        from buffer: inout ByteBuffer,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) -> WireMessage? {
        try WireFrameDecoder.nextMessage(from: &buffer, limits: limits, keywords: keywords)
    }
}

extension WireReader {
    mutating func readPosition() throws(WireError) -> LogPosition {
        let epoch = try readVarint("epoch")
        let sequence = try readVarint("sequence")
        return LogPosition(epoch: epoch, sequence: sequence)
    }

    mutating func readVersion(_ field: String) throws(WireError) -> ProtocolVersion {
        let start = position
        let raw = try readUInt16(field)
        guard raw != 0 else { throw error(.valueOutOfRange, field, at: start, "protocol version 0 does not exist") }
        return ProtocolVersion(rawValue: raw)
    }

    mutating func readBody(of kind: WireKind) throws(WireError) -> WireMessage {
        switch kind {
        case .hello:
            let start = position
            let count = try readCount("versions count", minimumElementLength: 1, maximum: limits.maximumVersions)
            guard count > 0 else {
                throw error(.valueOutOfRange, "versions count", at: start, "a hello offers at least one version")
            }
            var versions: [ProtocolVersion] = []
            versions.reserveCapacity(count)
            for _ in 0 ..< count { versions.append(try readVersion("version")) }
            let clientName = try readString("clientName")
            let heartbeat = try readUInt32("heartbeatMilliseconds")
            let resume = try readFlag("resume present") ? try readPosition() : nil
            return .hello(versions: versions, clientName: clientName, heartbeatMilliseconds: heartbeat, resume: resume)

        case .welcome:
            let version = try readVersion("version")
            let serverID = try readString("serverID")
            let serverName = try readString("serverName")
            let position = try readPosition()
            let heartbeat = try readUInt32("heartbeatMilliseconds")
            return .welcome(version: version, serverID: serverID, serverName: serverName, position: position,
                            heartbeatMilliseconds: heartbeat)

        case .reject:
            let code = RejectCode(rawValue: try readUInt16("code"))
            return .reject(code: code, reason: try readString("reason"))

        case .setAgentMode:
            let requestID = try readUInt32("requestID")
            let peripheralID = try readUInt32("peripheralID")
            let agentID = try readString("agentID")
            let instrument = try readString("instrument")
            return .setAgentMode(requestID: requestID, peripheralID: peripheralID, agentID: agentID,
                                 instrument: instrument)

        case .setMonitorMode:
            let requestID = try readUInt32("requestID")
            return .setMonitorMode(requestID: requestID, filter: try readString("filter"))

        case .request:
            let requestID = try readUInt32("requestID")
            let method = try readString("method")
            return .request(requestID: requestID, method: method, arguments: try readArguments(depth: 1))

        case .response:
            let requestID = try readUInt32("requestID")
            if try !readFlag("outcome") {
                return .response(requestID: requestID, result: .success(try readArguments(depth: 1)))
            }
            let code = try readString("failure code")
            let reason = try readString("failure reason")
            let ctiCode = try readFlag("ctiFailureCode present") ? try readUInt32("ctiFailureCode") : nil
            let failure = RequestFailure(code: code, reason: reason, ctiFailureCode: ctiCode)
            return .response(requestID: requestID, result: .failure(failure))

        case .batch:
            let position = try readPosition()
            let eventCount = try readCount("events count", minimumElementLength: 2)
            var events: [WireEvent] = []
            events.reserveCapacity(eventCount)
            for _ in 0 ..< eventCount {
                let name = try readString("event name")
                events.append(WireEvent(name: name, arguments: try readArguments(depth: 1)))
            }
            let changeCount = try readCount("changes count", minimumElementLength: 2)
            var changes: [ObjectChange] = []
            changes.reserveCapacity(changeCount)
            for _ in 0 ..< changeCount { changes.append(try readChange()) }
            return .batch(ChangeBatch(epoch: position.epoch, sequence: position.sequence, events: events,
                                      changes: changes))

        case .snapshotBegin:
            let position = try readPosition()
            let reason = SnapshotReason(rawValue: try readUInt16("reason"))
            return .snapshotBegin(position: position, reason: reason)

        case .snapshotObjects:
            let count = try readCount("objects count", minimumElementLength: 2)
            var objects: [SnapshotObject] = []
            objects.reserveCapacity(count)
            for _ in 0 ..< count {
                let objectID = try readString("objectID")
                objects.append(SnapshotObject(objectID: objectID, properties: try readArguments(depth: 1)))
            }
            return .snapshotObjects(objects)

        case .snapshotEnd:
            return .snapshotEnd(position: try readPosition())

        case .caughtUp:
            return .caughtUp(position: try readPosition())

        case .heartbeat:
            return .heartbeat

        case .goodbye:
            let code = GoodbyeCode(rawValue: try readUInt16("code"))
            return .goodbye(code: code, reason: try readString("reason"))
        }
    }

    mutating func readChange() throws(WireError) -> ObjectChange {
        let start = position
        let tag = try readByte("change tag")
        switch tag {
        case WireWriter.created:
            let objectID = try readString("objectID")
            return .created(objectID: objectID, properties: try readArguments(depth: 1))
        case WireWriter.updated:
            let objectID = try readString("objectID")
            let properties = try readArguments(depth: 1)
            let count = try readCount("removed count", minimumElementLength: 1)
            var removed: [String] = []
            removed.reserveCapacity(count)
            for _ in 0 ..< count { removed.append(try readKey("removed key").key) }
            return .updated(objectID: objectID, properties: properties, removed: removed)
        case WireWriter.deleted:
            return .deleted(objectID: try readString("objectID"))
        default:
            throw error(.invalidTag, "change tag", at: start, "tag \(tag) is none of 1 (created) to 3 (deleted)")
        }
    }
}
