@testable import CTIOSWire
import NIOCore
import Testing

struct ArgumentsCodecTests {
    /// Random sets (nested, arrays, Unicode and keyword keys in any case) decode to an equal set; keys keep their
    /// spelling, except that a keyword arrives spelled as Cisco spells it.
    @Test(arguments: 0 ..< 20)
    func randomSetsRoundTrip(block: UInt64) throws {
        for seed in block * 100 ..< block * 100 + 100 {
            var random = RandomWire(seed: seed)
            let arguments = random.arguments(depth: 5, maxCount: 10)
            let bytes = try ArgumentsCodec.encoded(arguments)
            let decoded = try ArgumentsCodec.decode(bytes)
            #expect(decoded == arguments, "seed \(seed)")
            #expect(decoded.hashValue == arguments.hashValue, "seed \(seed)")
            let expectedKeys = arguments.keys.map { key in
                KeywordTable.v1.number(for: key).map { KeywordTable.v1.keyword(for: $0)!.name } ?? key
            }
            #expect(decoded.keys == expectedKeys, "seed \(seed)")
        }
    }

    @Test func anEmptySetIsOneByte() throws {
        #expect(try ArgumentsCodec.encoded([:]).bytes == [0x00])
        #expect(try ArgumentsCodec.decode(ByteBuffer(bytes: [0x00])) == [:])
    }

    /// Each value type and both key forms, written by hand (Docs/Protocol.md, "Arguments").
    @Test func everyValueTypeByteByByte() throws {
        var arguments = Arguments()
        arguments["AgentID"] = "1001"
        arguments["AgentPassword"] = "pw"
        arguments["Zero"] = 0
        arguments["Min"] = .integer(.min)
        arguments["Max"] = .integer(.max)
        arguments["Neg"] = -65
        arguments["On"] = true
        arguments["é"] = false
        arguments["Set"] = [:]
        arguments["List"] = []
        let vector = HexVector("""
            0a                          # count = 10 entries
            07                          # key: keyword 3 AgentID (3 << 1 | 1)
            02 04 31303031              #   string, 4 bytes, "1001"
            8101                        # key: keyword 64 AgentPassword (129 as a 2-byte varint)
            02 02 7077                  #   string, 2 bytes, "pw"
            08 5a65726f                 # key: string of 4 bytes (4 << 1), "Zero"
            01 00                       #   integer, zigzag 0 = 0
            06 4d696e                   # key: string of 3 bytes, "Min"
            01 ffffffffffffffffff01     #   integer, zigzag 2^64 - 1 = Int64.min (10-byte varint)
            06 4d6178                   # key: "Max"
            01 feffffffffffffffff01     #   integer, zigzag 2^64 - 2 = Int64.max
            06 4e6567                   # key: "Neg"
            01 8101                     #   integer, zigzag 129 = -65
            04 4f6e                     # key: "On"
            04                          #   true
            04 c3a9                     # key: string of 2 bytes, "é" in UTF-8
            03                          #   false
            06 536574                   # key: "Set"
            05 00                       #   arguments, 0 entries
            08 4c697374                 # key: "List"
            06 00                       #   array, 0 elements
            """)
        #expect(try ArgumentsCodec.encoded(arguments).bytes == vector.bytes)
        let decoded = try ArgumentsCodec.decode(vector.buffer)
        #expect(decoded == arguments)
        #expect(decoded.keys == arguments.keys)
    }

    /// The example in Docs/Protocol.md, "Arguments".
    @Test func theSpecsExample() throws {
        let arguments: Arguments = ["AgentID": "1001", "AgentPassword": "pw", "Neg": -65, "On": true, "Set": [:],
                                    "List": []]
        let vector = HexVector("""
            06                 # 6 entries
            07                 # key: keyword 3 AgentID (3 << 1 | 1 = 7)
            02 04 31303031     #   string, 4 bytes, "1001"
            8101               # key: keyword 64 AgentPassword (129 = 81 01)
            02 02 7077         #   string, 2 bytes, "pw"
            06 4e6567          # key: text of 3 bytes (3 << 1 = 6), "Neg"
            01 8101            #   integer, zigzag 129 = -65
            04 4f6e            # key: text, "On"
            04                 #   true
            06 536574          # key: text, "Set"
            05 00              #   arguments, 0 entries
            08 4c697374        # key: text, "List"
            06 00              #   array, 0 elements
            """)
        #expect(try ArgumentsCodec.encoded(arguments).bytes == vector.bytes)
        #expect(try ArgumentsCodec.decode(vector.buffer) == arguments)
    }

    @Test func aKeywordSentAsTextArrivesInCiscosSpelling() throws {
        let vector = HexVector("""
            01                  # count = 1
            10 206167656e746964 # key: string of 8 bytes, " agentid" (a foreign encoder's spelling)
            01 02               # integer 1
            """)
        let decoded = try ArgumentsCodec.decode(vector.buffer)
        #expect(decoded.keys == ["AgentID"])
        // And it goes back as the keyword's number.
        #expect(try ArgumentsCodec.encoded(decoded).bytes == [0x01, 0x07, 0x01, 0x02])
    }

    @Test func decodeFromABufferLeavesWhatFollows() throws {
        var buffer = try ArgumentsCodec.encoded(["AgentState": 3])
        buffer.writeBytes([0xAA, 0xBB])
        #expect(try ArgumentsCodec.decode(from: &buffer) == ["AgentState": 3])
        #expect(buffer.bytes == [0xAA, 0xBB])
        // Decoding the whole buffer as one set refuses the trailing bytes.
        var whole = try ArgumentsCodec.encoded(["AgentState": 3])
        whole.writeBytes([0xAA])
        let error = #expect(throws: WireError.self) { try ArgumentsCodec.decode(whole) }
        #expect(error?.code == .trailingBytes)
        #expect(error?.offset == 4)
    }

    /// Depth 16 is the limit: the top-level set is depth 1, each nested set or array one more.
    @Test func nestingUpToTheLimitAndNoFurther() throws {
        /// `levels` containers, alternately arrays and sets, the innermost a set.
        func container(_ levels: Int) -> ArgumentValue {
            if levels == 1 { return ["leaf": 1] }
            return levels.isMultiple(of: 2) ? [container(levels - 1)] : ["n": container(levels - 1)]
        }
        func nested(_ depth: Int) -> Arguments { ["top": container(depth - 1)] }
        #expect(try ArgumentsCodec.decode(ArgumentsCodec.encoded(nested(16))) == nested(16))
        let error = #expect(throws: WireError.self) { try ArgumentsCodec.encoded(nested(17)) }
        #expect(error?.code == .tooDeep)
        // The encoder wrote nothing.
        var buffer = ByteBuffer(bytes: [0x42])
        #expect(throws: WireError.self) { try ArgumentsCodec.encode(nested(17), into: &buffer) }
        #expect(buffer.bytes == [0x42])
    }

    @Test func encoderKeepsTheStringAndElementLimits() {
        let limits = WireLimits(maximumStringLength: 4, maximumElements: 2)
        let long = #expect(throws: WireError.self) { try ArgumentsCodec.encoded(["k": "12345"], limits: limits) }
        #expect(long?.code == .stringTooLong)
        let longKey = #expect(throws: WireError.self) { try ArgumentsCodec.encoded(["12345": 1], limits: limits) }
        #expect(longKey?.code == .stringTooLong)
        // A keyword key is a number: its length does not count.
        #expect(throws: Never.self) { try ArgumentsCodec.encoded(["UniqueObjectID": 1], limits: limits) }
        let many = #expect(throws: WireError.self) { try ArgumentsCodec.encoded(["a": 1, "b": 2, "c": 3], limits: limits) }
        #expect(many?.code == .tooManyElements)
        let array = #expect(throws: WireError.self) { try ArgumentsCodec.encoded(["a": [1, 2, 3]], limits: limits) }
        #expect(array?.code == .tooManyElements)
    }

    @Test func largeSetsRoundTripAndStillRefuseDuplicates() throws {
        var arguments = Arguments()
        for index in 0 ..< 500 { arguments["Key\(index)"] = .integer(Int64(index)) }
        #expect(try ArgumentsCodec.decode(ArgumentsCodec.encoded(arguments)) == arguments)
        // 40 entries (a hash set checks duplicates above 16), the last repeating the first in another case.
        var bytes = try ArgumentsCodec.encoded(Arguments(uniqueKeysWithValues: (0 ..< 39).map { ("Key\($0)", ArgumentValue.integer(1)) }))
        bytes.setInteger(UInt8(40), at: 0)
        let duplicateAt = bytes.writerIndex
        bytes.writeBytes([0x08] + Array("KEY0".utf8) + [0x03])
        let error = #expect(throws: WireError.self) { try ArgumentsCodec.decode(bytes) }
        #expect(error?.code == .duplicateKey)
        #expect(error?.offset == duplicateAt)
    }
}

extension Arguments {
    init(uniqueKeysWithValues pairs: [(String, ArgumentValue)]) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }
}
