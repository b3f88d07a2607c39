@testable import CTIOSWire
import NIOCore
import Testing

struct PeerMessageTests {
    static func samples(_ random: inout RandomWire) -> [PeerMessage] {
        let batch = random.batch()
        return [
            .hello(versions: [1, 2], serverID: "B", role: .backup, position: LogPosition(epoch: 7, sequence: 9)),
            .versionChosen(1),
            .heartbeat,
            .goodbye(reason: "stepping down"),
            .transferBegin(position: LogPosition(epoch: 7, sequence: 900), backlogBase: LogPosition(epoch: 6, sequence: 10)),
            .transferObjects([SnapshotObject(objectID: "agent.5000.1001", properties: random.arguments()),
                              SnapshotObject(objectID: "skillgroup.5000.101", properties: random.arguments())]),
            .transferBacklog(batch),
            .transferEnd(position: LogPosition(epoch: 7, sequence: 900)),
            .replicate(batch),
            .acknowledge(position: LogPosition(epoch: 7, sequence: 901)),
            .forward(tag: 42, agentID: "1004", method: "Answer", arguments: random.arguments()),
            .forwardResult(tag: 42, result: .success(random.arguments())),
            .forwardResult(tag: 43, result: .failure(RequestFailure(code: "ctiFailure", reason: "refused", ctiFailureCode: 5))),
        ]
    }

    @Test func everyKindRoundTripsInOneStream() throws {
        for seed in UInt64(0) ..< 100 {
            var random = RandomWire(seed: seed)
            let messages = Self.samples(&random)
            #expect(Set(messages.map(\.kind)) == Set(PeerKind.allCases))
            var buffer = ByteBuffer()
            for message in messages { try message.encode(into: &buffer) }
            var decoded: [PeerMessage] = []
            while let message = try PeerMessage.nextMessage(from: &buffer) { decoded.append(message) }
            #expect(decoded == messages, "seed \(seed)")
            #expect(buffer.readableBytes == 0)
        }
    }

    @Test func anUnknownKindAndABadRoleAreTypedErrors() throws {
        var unknown = ByteBuffer(bytes: [0, 0, 0, 1, 0x7E])
        #expect(throws: WireError.self) { try PeerMessage.nextMessage(from: &unknown) }
        var hello = try PeerMessage.hello(versions: [1], serverID: "A", role: .primary, position: LogPosition(epoch: 1, sequence: 1)).encoded()
        // The role byte follows versions (count 1, version 1) and the server ID (length 1, "A").
        hello.setInteger(UInt8(9), at: 5 + 2 + 2)
        do {
            _ = try PeerMessage.nextMessage(from: &hello)
            Issue.record("a role of 9 decoded")
        } catch {
            #expect(error.field == "role")
        }
    }

    @Test func truncatedFramesNeverDecodeAndNeverCrash() throws {
        var random = RandomWire(seed: 3)
        for message in Self.samples(&random) {
            let bytes = Array(try message.encoded().readableBytesView)
            for cut in 5 ..< bytes.count {
                var frame = ByteBuffer(bytes: bytes[0 ..< cut])
                frame.setInteger(UInt32(cut - 4), at: 0)
                _ = try? PeerMessage.nextMessage(from: &frame)
            }
        }
    }
}
