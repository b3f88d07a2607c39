@testable import GED188
import NIOCore
import Testing

struct CatalogTests {
    @Test func everyEntryHasAUniqueTypeAndAName() {
        let types = MessageCatalog.entries.map(\.type)
        #expect(Set(types).count == types.count)
        for entry in MessageCatalog.entries {
            #expect(entry.type.name == entry.name, "the MessageType table and the catalogue agree on \(entry.name)")
            #expect(MessageCatalog.entry(for: entry.type)?.name == entry.name)
            #expect(MessageCatalog.entry(named: entry.name)?.type == entry.type)
        }
    }

    /// The message types this catalogue must hold, by number (GED188-FACTS.md, Message types).
    @Test func coreMessagesAreRegistered() {
        let required: [UInt32] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25,
                                  30, 31, 35, 86, 105, 106]
        for type in required {
            #expect(MessageCatalog.entry(for: MessageType(rawValue: type)) != nil, "type \(type)")
        }
    }

    /// A body that is only the fixed part of zeros reaches each decoder through the catalogue (dispatch on type):
    /// it decodes, or fails with a typed error (a required floating field is missing), never anything else.
    @Test func everyDecoderIsReachableByType() {
        for entry in MessageCatalog.entries {
            let body = ByteBuffer(repeating: 0, count: entry.fixedPartLength)
            do {
                let message = try GED188Message(type: entry.type, body: body)
                #expect(message.type == entry.type)
            } catch {
                #expect(error.code == .missingField, "\(entry.name): \(error)")
            }
        }
    }
}
