import NIOCore

/// A frame of the peer link between the two servers of a pair (`Docs/Protocol.md`, "The peer link"): the same frame
/// layout as the client protocol (4-byte length, kind byte, body), with kinds 0x40 … 0x7F.
public enum PeerMessage: Hashable, Sendable {
    /// Sent by both sides first: who I am, what I am, where my history stands.
    case hello(versions: [ProtocolVersion], serverID: String, role: PeerRole, position: LogPosition)
    /// The version of the peer protocol both sides use (sent by both sides after both hellos).
    case versionChosen(ProtocolVersion)
    /// Liveness, both ways, every heartbeat interval.
    case heartbeat
    /// The sender is closing the link, and why.
    case goodbye(reason: String)
    /// A state transfer starts: the objects at `position` follow, then the backlog, then `transferEnd`.
    case transferBegin(position: LogPosition, backlogBase: LogPosition)
    case transferObjects([SnapshotObject])
    /// One batch of the primary's backlog (oldest first), so clients can resume on the backup.
    case transferBacklog(ChangeBatch)
    case transferEnd(position: LogPosition)
    /// A batch the primary made, to apply in order.
    case replicate(ChangeBatch)
    /// The backup applied every batch up to `position`.
    case acknowledge(position: LogPosition)
    /// A client request that reached the backup, for the primary to carry out as agent `agentID`.
    case forward(tag: UInt64, agentID: String, method: String, arguments: Arguments)
    /// The forwarded request's one answer.
    case forwardResult(tag: UInt64, result: Result<Arguments, RequestFailure>)

    public var kind: PeerKind {
        switch self {
        case .hello: .hello
        case .versionChosen: .versionChosen
        case .heartbeat: .heartbeat
        case .goodbye: .goodbye
        case .transferBegin: .transferBegin
        case .transferObjects: .transferObjects
        case .transferBacklog: .transferBacklog
        case .transferEnd: .transferEnd
        case .replicate: .replicate
        case .acknowledge: .acknowledge
        case .forward: .forward
        case .forwardResult: .forwardResult
        }
    }
}

/// What a server of a pair is.
public enum PeerRole: UInt8, Hashable, Sendable, CustomStringConvertible {
    /// Started, with no state yet: waiting for the peer's state transfer (or, alone, to become primary).
    case joining = 0
    /// Mirrors the primary's store from the peer link.
    case backup = 1
    /// Owns the CTI Server session and orders every change.
    case primary = 2

    public var description: String {
        switch self {
        case .joining: "joining"
        case .backup: "backup"
        case .primary: "primary"
        }
    }
}

/// The kind byte of a peer frame.
public enum PeerKind: UInt8, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case hello = 0x40
    case versionChosen = 0x41
    case heartbeat = 0x42
    case goodbye = 0x43
    case transferBegin = 0x50
    case transferObjects = 0x51
    case transferBacklog = 0x52
    case transferEnd = 0x53
    case replicate = 0x60
    case acknowledge = 0x61
    case forward = 0x70
    case forwardResult = 0x71

    public var description: String {
        switch self {
        case .hello: "peerHello"
        case .versionChosen: "versionChosen"
        case .heartbeat: "peerHeartbeat"
        case .goodbye: "peerGoodbye"
        case .transferBegin: "transferBegin"
        case .transferObjects: "transferObjects"
        case .transferBacklog: "transferBacklog"
        case .transferEnd: "transferEnd"
        case .replicate: "replicate"
        case .acknowledge: "acknowledge"
        case .forward: "forward"
        case .forwardResult: "forwardResult"
        }
    }
}

extension ProtocolVersion {
    /// The peer protocol versions this build speaks.
    public static let peerSupported: ClosedRange<UInt16> = 1...1
}

// MARK: Encoding

extension PeerMessage {
    /// Appends this message as one frame; on error nothing is appended.
    public func encode(into buffer: inout ByteBuffer, limits: WireLimits = .peer,
                       keywords: KeywordTable = .current) throws(WireError) {
        try WireWriter.write(into: &buffer, limits: limits, keywords: keywords, kind: nil) {
            (writer: inout WireWriter) throws(WireError) in
            writer.writeByte(0)
            writer.writeByte(0)
            writer.writeByte(0)
            writer.writeByte(0)
            writer.writeByte(kind.rawValue)
            try writer.writePeerBody(self)
            let length = writer.position - WireFrame.lengthFieldLength
            guard length <= limits.maximumFrameLength else {
                throw WireError(.frameTooLarge, kind: kind.description, offset: 0,
                                detail: "the frame would be \(length) bytes, over the maximum of \(limits.maximumFrameLength)")
            }
            writer.setUInt32(UInt32(length), at: 0)
        }
    }

    public func encoded(limits: WireLimits = .peer, keywords: KeywordTable = .current) throws(WireError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(into: &buffer, limits: limits, keywords: keywords)
        return buffer
    }

    /// Decodes one frame's body.
    public static func decode(kind rawKind: UInt8, body: ByteBuffer, limits: WireLimits = .peer,
                              keywords: KeywordTable = .current) throws(WireError) -> PeerMessage {
        guard let kind = PeerKind(rawValue: rawKind) else {
            throw WireError(.unknownKind, field: "kind", offset: WireFrame.lengthFieldLength,
                            detail: "kind byte \(rawKind) names no peer frame kind")
        }
        return try WireReader.read(body, origin: WireFrame.headerLength, limits: limits, keywords: keywords, kind: nil) {
            (reader: inout WireReader) throws(WireError) in
            let message = try reader.readPeerBody(of: kind)
            try reader.expectEnd()
            return message
        }.value
    }

    /// Takes one whole frame off the front of `buffer` and decodes it, or returns `nil` while it is incomplete.
    public static func nextMessage(from buffer: inout ByteBuffer, limits: WireLimits = .peer,
                                   keywords: KeywordTable = .current) throws(WireError) -> PeerMessage? {
        guard let length = try WireFrameDecoder.peekFrameLength(in: buffer, limits: limits),
              buffer.readableBytes >= WireFrame.lengthFieldLength + length
        else { return nil }
        buffer.moveReaderIndex(forwardBy: WireFrame.lengthFieldLength)
        let kind: UInt8 = buffer.readInteger()!
        let body = buffer.readSlice(length: length - 1)!
        return try decode(kind: kind, body: body, limits: limits, keywords: keywords)
    }
}

extension WireLimits {
    /// The peer link's limits: larger frames and sets than a client's (a state transfer chunk, a big batch).
    public static var peer: WireLimits {
        var limits = WireLimits.default
        limits.maximumFrameLength = 16 << 20
        limits.maximumElements = 1_000_000
        return limits
    }
}

/// Splits the peer link's byte stream into ``PeerMessage``s.
public struct PeerFrameDecoder: ByteToMessageDecoder, Sendable {
    public typealias InboundOut = PeerMessage
    public let limits: WireLimits

    public init(limits: WireLimits = .peer) { self.limits = limits }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let message = try PeerMessage.nextMessage(from: &buffer, limits: limits) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(message))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

extension WireWriter {
    mutating func writePeerBody(_ message: PeerMessage) throws(WireError) {
        switch message {
        case .hello(let versions, let serverID, let role, let position):
            try writeCount(versions.count, "versions count")
            for version in versions { writeVarint(UInt64(version.rawValue)) }
            try writeString(serverID, "serverID")
            writeByte(role.rawValue)
            writePosition(position)
        case .versionChosen(let version):
            writeVarint(UInt64(version.rawValue))
        case .heartbeat:
            break
        case .goodbye(let reason):
            try writeString(reason, "reason")
        case .transferBegin(let position, let base):
            writePosition(position)
            writePosition(base)
        case .transferObjects(let objects):
            try writeCount(objects.count, "objects count")
            for object in objects {
                try writeString(object.objectID, "objectID")
                try writeArguments(object.properties, depth: 1)
            }
        case .transferBacklog(let batch), .replicate(let batch):
            try writeBody(of: .batch(batch))
        case .transferEnd(let position), .acknowledge(let position):
            writePosition(position)
        case .forward(let tag, let agentID, let method, let arguments):
            writeVarint(tag)
            try writeString(agentID, "agentID")
            try writeString(method, "method")
            try writeArguments(arguments, depth: 1)
        case .forwardResult(let tag, let result):
            writeVarint(tag)
            try writeBody(of: .response(requestID: 0, result: result))
        }
    }
}

extension WireReader {
    mutating func readPeerBody(of kind: PeerKind) throws(WireError) -> PeerMessage {
        switch kind {
        case .hello:
            let count = try readCount("versions count", minimumElementLength: 1)
            var versions: [ProtocolVersion] = []
            for _ in 0 ..< count { versions.append(try readVersion("version")) }
            let serverID = try readString("serverID")
            let start = position
            let raw = try readByte("role")
            guard let role = PeerRole(rawValue: raw) else {
                throw error(.valueOutOfRange, "role", at: start, "role \(raw) is none of 0 (joining) to 2 (primary)")
            }
            return .hello(versions: versions, serverID: serverID, role: role, position: try readPosition())
        case .versionChosen:
            return .versionChosen(try readVersion("version"))
        case .heartbeat:
            return .heartbeat
        case .goodbye:
            return .goodbye(reason: try readString("reason"))
        case .transferBegin:
            let position = try readPosition()
            return .transferBegin(position: position, backlogBase: try readPosition())
        case .transferObjects:
            let count = try readCount("objects count", minimumElementLength: 2)
            var objects: [SnapshotObject] = []
            objects.reserveCapacity(count)
            for _ in 0 ..< count {
                let objectID = try readString("objectID")
                objects.append(SnapshotObject(objectID: objectID, properties: try readArguments(depth: 1)))
            }
            return .transferObjects(objects)
        case .transferBacklog, .replicate:
            guard case .batch(let batch) = try readBody(of: .batch) else { fatalError("readBody(of: .batch) reads a batch") }
            return kind == .replicate ? .replicate(batch) : .transferBacklog(batch)
        case .transferEnd:
            return .transferEnd(position: try readPosition())
        case .acknowledge:
            return .acknowledge(position: try readPosition())
        case .forward:
            let tag = try readVarint("tag")
            let agentID = try readString("agentID")
            let method = try readString("method")
            return .forward(tag: tag, agentID: agentID, method: method, arguments: try readArguments(depth: 1))
        case .forwardResult:
            let tag = try readVarint("tag")
            guard case .response(_, let result) = try readBody(of: .response) else {
                fatalError("readBody(of: .response) reads a response")
            }
            return .forwardResult(tag: tag, result: result)
        }
    }
}
