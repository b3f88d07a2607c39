@testable import CTIOSWire
import NIOCore
import Testing

struct WireMessageRoundTripTests {
    static func roundTrip(_ message: WireMessage, limits: WireLimits = .default) throws -> WireMessage? {
        var buffer = try message.encoded(limits: limits)
        let length = Int(buffer.getInteger(at: 0, as: UInt32.self)!)
        #expect(length == buffer.readableBytes - 4)
        #expect(buffer.getInteger(at: 4, as: UInt8.self) == message.kind.rawValue)
        let decoded = try WireMessage.decode(from: &buffer, limits: limits)
        #expect(buffer.readableBytes == 0)
        return decoded
    }

    @Test(arguments: Samples.everyKind)
    func everySampleRoundTrips(message: WireMessage) throws {
        #expect(try Self.roundTrip(message) == message)
    }

    @Test func theSamplesCoverEveryKind() {
        #expect(Set(Samples.everyKind.map(\.kind)) == Set(WireKind.allCases))
    }

    @Test(arguments: WireKind.allCases)
    func randomMessagesOfEveryKindRoundTrip(kind: WireKind) throws {
        for seed in UInt64(0) ..< 300 {
            var random = RandomWire(seed: seed &* 31 &+ UInt64(kind.rawValue))
            let message = random.message(kind)
            #expect(try Self.roundTrip(message) == message, "seed \(seed)")
        }
    }

    @Test func aStreamOfFramesDecodesInOrder() throws {
        var buffer = ByteBuffer()
        for message in Samples.everyKind { try message.encode(into: &buffer) }
        var decoded: [WireMessage] = []
        while let message = try WireMessage.decode(from: &buffer) { decoded.append(message) }
        #expect(decoded == Samples.everyKind)
    }

    /// The server encodes a batch once for every client: the bytes depend on the message alone.
    @Test func encodingIsDeterministic() throws {
        let batch = WireMessage.batch(Samples.agentStateBatch)
        #expect(try batch.encoded() == batch.encoded())
        var appended = ByteBuffer(bytes: [1, 2, 3])
        try batch.encode(into: &appended)
        #expect(Array(appended.bytes.dropFirst(3)) == (try batch.encoded().bytes))
    }

    @Test func removedKeysAreTrimmedAndKeywordsTakeCiscosSpelling() throws {
        let message = WireMessage.batch(ChangeBatch(epoch: 1, sequence: 2, events: [], changes: [
            .updated(objectID: "agent.1.2", properties: [:], removed: [" reasoncode ", " Custom Key "]),
        ]))
        let expected = WireMessage.batch(ChangeBatch(epoch: 1, sequence: 2, events: [], changes: [
            .updated(objectID: "agent.1.2", properties: [:], removed: ["ReasonCode", "Custom Key"]),
        ]))
        #expect(try Self.roundTrip(message) == expected)
    }

    @Test func anOversizedMessageIsRefusedAndNothingIsWritten() {
        let limits = WireLimits(maximumFrameLength: 64)
        let message = WireMessage.request(requestID: 1, method: "SetCallData",
                                          arguments: ["CallVariable1": .string(String(repeating: "x", count: 100))])
        var buffer = ByteBuffer(bytes: [9])
        let error = #expect(throws: WireError.self) { try message.encode(into: &buffer, limits: limits) }
        #expect(error?.code == .frameTooLarge)
        #expect(error?.kind == "request")
        #expect(buffer.bytes == [9])
    }

    @Test func helloMustOfferVersions() {
        let none = WireMessage.hello(versions: [], clientName: "c", heartbeatMilliseconds: 0, resume: nil)
        #expect((#expect(throws: WireError.self) { try none.encoded() })?.code == .tooManyElements)
        let zero = WireMessage.hello(versions: [0], clientName: "c", heartbeatMilliseconds: 0, resume: nil)
        #expect((#expect(throws: WireError.self) { try zero.encoded() })?.code == .valueOutOfRange)
    }

    @Test func requestIDs() {
        #expect(WireMessage.request(requestID: 5, method: "Answer", arguments: [:]).requestID == 5)
        #expect(WireMessage.setMonitorMode(requestID: 6, filter: "").requestID == 6)
        #expect(WireMessage.response(requestID: 7, result: .success([:])).requestID == 7)
        #expect(WireMessage.heartbeat.requestID == nil)
    }
}

struct SnapshotChunkTests {
    static func objects(_ count: Int) -> [SnapshotObject] {
        (0 ..< count).map { index in
            SnapshotObject(objectID: "agent.5000.\(1000 + index)", properties: [
                "UniqueObjectID": .string("agent.5000.\(1000 + index)"), "AgentState": .integer(Int64(index % 9)),
                "AgentID": .string("\(1000 + index)"), "FirstName": "Agent", "SkillGroups": [101, 102, 103],
            ])
        }
    }

    static func decodeAll(_ buffer: ByteBuffer) throws -> [WireMessage] {
        var buffer = buffer
        var messages: [WireMessage] = []
        while let message = try WireMessage.decode(from: &buffer) { messages.append(message) }
        #expect(buffer.readableBytes == 0)
        return messages
    }

    @Test func objectsAreSplitIntoFramesWithinTheChunkLength() throws {
        let objects = Self.objects(1000)
        var buffer = ByteBuffer()
        let frames = try WireMessage.encodeSnapshotObjects(objects, into: &buffer, chunkLength: 4096)
        let messages = try Self.decodeAll(buffer)
        #expect(messages.count == frames)
        #expect(frames > 10)
        var again: [SnapshotObject] = []
        for message in messages {
            guard case .snapshotObjects(let chunk) = message else { Issue.record("not objects"); continue }
            #expect(!chunk.isEmpty)
            again += chunk
        }
        #expect(again == objects)
        // Every frame is within the chunk length.
        var bytes = buffer
        while let length = bytes.readInteger(as: UInt32.self) {
            #expect(length + 4 <= 4096)
            bytes.moveReaderIndex(forwardBy: Int(length))
        }
    }

    @Test func anObjectLargerThanAChunkGoesAlone() throws {
        var objects = Self.objects(3)
        objects[1].properties["CallVariable1"] = .string(String(repeating: "v", count: 5000))
        var buffer = ByteBuffer()
        let frames = try WireMessage.encodeSnapshotObjects(objects, into: &buffer, chunkLength: 1024)
        #expect(frames == 3)
        #expect(try Self.decodeAll(buffer) == objects.map { .snapshotObjects([$0]) })
    }

    @Test func theElementLimitBoundsAFrameToo() throws {
        var buffer = ByteBuffer()
        let limits = WireLimits(maximumElements: 10)
        #expect(try WireMessage.encodeSnapshotObjects(Self.objects(25), into: &buffer, limits: limits) == 3)
    }

    @Test func noObjectsNoFrames() throws {
        var buffer = ByteBuffer()
        #expect(try WireMessage.encodeSnapshotObjects([], into: &buffer) == 0)
        #expect(buffer.readableBytes == 0)
    }

    @Test func anObjectOverTheFrameLimitIsAnErrorAndNothingIsWritten() {
        var objects = Self.objects(3)
        objects[2].properties["CallVariable1"] = .string(String(repeating: "v", count: 5000))
        var buffer = ByteBuffer()
        let error = #expect(throws: WireError.self) {
            try WireMessage.encodeSnapshotObjects(objects, into: &buffer, chunkLength: 1024,
                                                  limits: WireLimits(maximumFrameLength: 4096))
        }
        #expect(error?.code == .frameTooLarge)
        #expect(buffer.readableBytes == 0)
    }
}
