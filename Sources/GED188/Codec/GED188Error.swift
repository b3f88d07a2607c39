/// A GED-188 message could not be decoded or encoded.
///
/// Every error names what was wrong: the message, the field and the byte offset within the message (the header
/// included, so it matches a hex dump of the capture). Field values are never echoed: they may hold passwords or
/// call data.
public struct GED188Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is. Extensible: match on the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        private init(_ description: String) { self.description = description }

        /// The header announced a body over the protocol's maximum message size.
        public static let messageTooLarge = Code("message too large")
        /// The body ended inside the fixed part.
        public static let truncated = Code("truncated")
        /// A floating field's length runs past the end of the message.
        public static let fieldOverrun = Code("field overrun")
        /// A required floating field is absent.
        public static let missingField = Code("missing required field")
        /// A single-valued floating field appeared twice.
        public static let duplicateField = Code("duplicate field")
        /// A string or byte field is longer than its maximum size.
        public static let fieldTooLong = Code("field too long")
        /// A STRING field has no terminating NUL.
        public static let missingTerminator = Code("string without NUL")
        /// A numeric floating field has the wrong length for its type.
        public static let invalidFieldLength = Code("invalid field length")
        /// The named variables and arrays of one message exceed 2,000 bytes together.
        public static let namedDataTooLarge = Code("named variables too large")
        /// A value is outside what the field allows.
        public static let invalidValue = Code("invalid value")
        /// The body length matches none of the message's published layouts.
        public static let invalidLayout = Code("invalid layout")
        /// No decoder is registered for the message type (or name).
        public static let unknownMessage = Code("unknown message")
    }

    public var code: Code
    /// The message, as Cisco names it (`OPEN_REQ`), when known.
    public var messageName: String?
    /// The field, as Cisco names it (`ClientID`), when the problem is in one field.
    public var field: String?
    /// Byte offset within the message, header included, where the problem was found.
    public var offset: Int?
    /// A sentence saying what was expected.
    public var detail: String

    public init(
        _ code: Code,
        messageType: MessageType? = nil,
        field: String? = nil,
        offset: Int? = nil,
        detail: String
    ) {
        self.code = code
        self.messageName = messageType?.name
        self.field = field
        self.offset = offset
        self.detail = detail
    }

    public var description: String {
        var text = "GED-188 \(code)"
        if let messageName { text += " in \(messageName)" }
        if let field { text += ", field \(field)" }
        if let offset { text += " at offset \(offset)" }
        return text + ": " + detail
    }
}
