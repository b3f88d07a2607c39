import NIOCore

/// The frame layout: a 4-byte big-endian length (of what follows it), a kind byte, the body.
public enum WireFrame {
    /// Bytes of the length field.
    public static let lengthFieldLength = 4
    /// Bytes of the frame header: the length field and the kind byte.
    public static let headerLength = 5
}

extension WireMessage {
    /// Appends this message as one frame. The bytes depend only on the message, the limits and the keyword table
    /// (that is, the protocol version), never on the recipient: encode a batch once, write it to every client.
    /// On error nothing is appended.
    ///
    /// - Throws: ``WireError`` when the message breaks a limit: ``WireError/Code/frameTooLarge`` when the frame
    ///   would exceed `limits.maximumFrameLength`, or a string, count or depth limit.
    public func encode(
        into buffer: inout ByteBuffer,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) {
        try WireWriter.write(into: &buffer, limits: limits, keywords: keywords, kind: kind) {
            (writer: inout WireWriter) throws(WireError) in
            try writer.writeFrame(self)
        }
    }

    /// This message as one frame in a buffer of its own.
    public func encoded(limits: WireLimits = .default, keywords: KeywordTable = .current) throws(WireError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(into: &buffer, limits: limits, keywords: keywords)
        return buffer
    }

    /// Appends a snapshot's objects as `snapshotObjects` frames: each frame takes objects while its length stays
    /// within `chunkLength` (and the element limit); an object too large for that goes alone into its frame.
    /// Returns the number of frames written (0 for no objects). On error nothing is appended.
    ///
    /// - Throws: ``WireError/Code/frameTooLarge`` when one object alone exceeds `limits.maximumFrameLength`.
    @discardableResult
    public static func encodeSnapshotObjects(
        _ objects: some Collection<SnapshotObject>,
        into buffer: inout ByteBuffer,
        chunkLength: Int = 64 * 1024,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) -> Int {
        let start = buffer.writerIndex
        var frames = 0
        var index = objects.startIndex
        while index != objects.endIndex {
            var chunk: [SnapshotObject] = []
            var length = WireFrame.headerLength + 3  // header and a count of up to 3 bytes
            while index != objects.endIndex, chunk.count < limits.maximumElements {
                let object = objects[index]
                let objectLength = Self.estimatedLength(of: object)
                if !chunk.isEmpty, length + objectLength > chunkLength { break }
                chunk.append(object)
                length += objectLength
                index = objects.index(after: index)
            }
            do {
                try WireMessage.snapshotObjects(chunk).encode(into: &buffer, limits: limits, keywords: keywords)
            } catch {
                buffer.moveWriterIndex(to: start)
                throw error
            }
            frames += 1
        }
        return frames
    }

    /// An upper bound of an object's encoded length (keys counted as text), cheap to compute.
    private static func estimatedLength(of object: SnapshotObject) -> Int {
        10 + object.objectID.utf8.count + estimatedLength(of: object.properties)
    }

    private static func estimatedLength(of arguments: Arguments) -> Int {
        var length = 10
        for entry in arguments.entries {
            length += 10 + entry.key.utf8.count + estimatedLength(of: entry.value)
        }
        return length
    }

    private static func estimatedLength(of value: ArgumentValue) -> Int {
        switch value {
        case .integer, .boolean: 11
        case .string(let string): 11 + string.utf8.count
        case .arguments(let nested): 1 + estimatedLength(of: nested)
        case .array(let elements): elements.reduce(11) { $0 + estimatedLength(of: $1) }
        }
    }
}

extension WireWriter {
    mutating func writePosition(_ position: LogPosition) {
        writeVarint(position.epoch)
        writeVarint(position.sequence)
    }

    /// The whole frame: the length field (patched at the end), the kind byte, the body.
    mutating func writeFrame(_ message: WireMessage) throws(WireError) {
        writeByte(0)
        writeByte(0)
        writeByte(0)
        writeByte(0)
        writeByte(message.kind.rawValue)
        try writeBody(of: message)
        let length = position - WireFrame.lengthFieldLength
        guard length <= limits.maximumFrameLength else {
            throw WireError(.frameTooLarge, kind: message.kind.description, offset: 0,
                            detail: "the frame would be \(length) bytes, over the maximum of \(limits.maximumFrameLength)")
        }
        setUInt32(UInt32(length), at: 0)
    }

    mutating func writeBody(of message: WireMessage) throws(WireError) {
        switch message {
        case .hello(let versions, let clientName, let heartbeat, let resume):
            guard !versions.isEmpty, versions.count <= limits.maximumVersions else {
                throw error(.tooManyElements, "versions count",
                            "a hello offers 1 to \(limits.maximumVersions) versions, not \(versions.count)")
            }
            writeVarint(UInt64(versions.count))
            for version in versions {
                guard version.rawValue != 0 else {
                    throw error(.valueOutOfRange, "version", "protocol version 0 does not exist")
                }
                writeVarint(UInt64(version.rawValue))
            }
            try writeString(clientName, "clientName")
            writeVarint(UInt64(heartbeat))
            writeFlag(resume != nil)
            if let resume { writePosition(resume) }

        case .welcome(let version, let serverID, let serverName, let position, let heartbeat):
            guard version.rawValue != 0 else {
                throw error(.valueOutOfRange, "version", "protocol version 0 does not exist")
            }
            writeVarint(UInt64(version.rawValue))
            try writeString(serverID, "serverID")
            try writeString(serverName, "serverName")
            writePosition(position)
            writeVarint(UInt64(heartbeat))

        case .reject(let code, let reason):
            writeVarint(UInt64(code.rawValue))
            try writeString(reason, "reason")

        case .setAgentMode(let requestID, let peripheralID, let agentID, let instrument):
            writeVarint(UInt64(requestID))
            writeVarint(UInt64(peripheralID))
            try writeString(agentID, "agentID")
            try writeString(instrument, "instrument")

        case .setMonitorMode(let requestID, let filter):
            writeVarint(UInt64(requestID))
            try writeString(filter, "filter")

        case .request(let requestID, let method, let arguments):
            writeVarint(UInt64(requestID))
            try writeString(method, "method")
            try writeArguments(arguments, depth: 1)

        case .response(let requestID, let result):
            writeVarint(UInt64(requestID))
            switch result {
            case .success(let arguments):
                writeByte(0)
                try writeArguments(arguments, depth: 1)
            case .failure(let failure):
                writeByte(1)
                try writeString(failure.code, "failure code")
                try writeString(failure.reason, "failure reason")
                writeFlag(failure.ctiFailureCode != nil)
                if let code = failure.ctiFailureCode { writeVarint(UInt64(code)) }
            }

        case .batch(let batch):
            writeVarint(batch.epoch)
            writeVarint(batch.sequence)
            try writeCount(batch.events.count, "events count")
            for event in batch.events {
                try writeString(event.name, "event name")
                try writeArguments(event.arguments, depth: 1)
            }
            try writeCount(batch.changes.count, "changes count")
            for change in batch.changes {
                try writeChange(change)
            }

        case .snapshotBegin(let position, let reason):
            writePosition(position)
            writeVarint(UInt64(reason.rawValue))

        case .snapshotObjects(let objects):
            try writeCount(objects.count, "objects count")
            for object in objects {
                try writeString(object.objectID, "objectID")
                try writeArguments(object.properties, depth: 1)
            }

        case .snapshotEnd(let position), .caughtUp(let position):
            writePosition(position)

        case .heartbeat:
            break

        case .goodbye(let code, let reason):
            writeVarint(UInt64(code.rawValue))
            try writeString(reason, "reason")
        }
    }

    /// Change tags.
    static let created: UInt8 = 0x01
    static let updated: UInt8 = 0x02
    static let deleted: UInt8 = 0x03

    mutating func writeChange(_ change: ObjectChange) throws(WireError) {
        switch change {
        case .created(let objectID, let properties):
            writeByte(Self.created)
            try writeString(objectID, "objectID")
            try writeArguments(properties, depth: 1)
        case .updated(let objectID, let properties, let removed):
            writeByte(Self.updated)
            try writeString(objectID, "objectID")
            try writeArguments(properties, depth: 1)
            try writeCount(removed.count, "removed count")
            for key in removed {
                let trimmed = Arguments.trim(key)
                try writeKey(trimmed, normalized: trimmed.lowercased(), "removed key")
            }
        case .deleted(let objectID):
            writeByte(Self.deleted)
            try writeString(objectID, "objectID")
        }
    }
}
