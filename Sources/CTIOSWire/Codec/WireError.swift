/// A frame or an Arguments encoding could not be decoded (or a message could not be encoded within the limits).
///
/// Every error says what was wrong, in which frame kind and field, and at which byte offset: within the frame when
/// a frame was decoded (0 is the first byte of the length field), within the input when an Arguments encoding was
/// decoded on its own. Values are never echoed: they may hold passwords or call data.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is. Extensible: match on the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        private init(_ description: String) { self.description = description }

        /// The input ended inside a field.
        public static let truncated = Code("truncated")
        /// A length prefix announces more bytes than the input holds.
        public static let overrun = Code("length overrun")
        /// The frame header announces more than the maximum frame length (or an encoded frame would).
        public static let frameTooLarge = Code("frame too large")
        /// The frame header announces a length of 0: not even a kind byte.
        public static let emptyFrame = Code("empty frame")
        /// The kind byte names no frame kind.
        public static let unknownKind = Code("unknown frame kind")
        /// A varint runs over 10 bytes or 64 bits.
        public static let invalidVarint = Code("invalid varint")
        /// A number is outside what its field allows (a request id over 32 bits, protocol version 0, …).
        public static let valueOutOfRange = Code("value out of range")
        /// A string is not valid UTF-8.
        public static let invalidUTF8 = Code("invalid UTF-8")
        /// A value's type tag is not one of the Arguments value types.
        public static let unknownValueTag = Code("unknown value tag")
        /// A change's tag is not created, updated or deleted; or a flag byte is neither 0 nor 1.
        public static let invalidTag = Code("invalid tag")
        /// A key's keyword number is not in the keyword table.
        public static let unknownKeyword = Code("unknown keyword number")
        /// Containers nest deeper than the maximum depth.
        public static let tooDeep = Code("nesting too deep")
        /// A count is over the maximum number of elements (or cannot fit in the bytes left).
        public static let tooManyElements = Code("too many elements")
        /// A string is longer than the maximum string length.
        public static let stringTooLong = Code("string too long")
        /// An Arguments set holds the same key twice (ignoring case and surrounding spaces).
        public static let duplicateKey = Code("duplicate key")
        /// The frame's body has bytes after its last field.
        public static let trailingBytes = Code("trailing bytes")
    }

    public var code: Code
    /// The frame kind (`batch`, `hello`, …) when the problem is inside a frame whose kind is known.
    public var kind: String?
    /// Where in the frame: the field's name (`clientName`, `arguments entry 3 key`, …).
    public var field: String?
    /// Byte offset of the faulty field (see the type's description for what it counts from).
    public var offset: Int?
    /// A sentence saying what was expected.
    public var detail: String

    public init(_ code: Code, kind: String? = nil, field: String? = nil, offset: Int? = nil, detail: String) {
        self.code = code
        self.kind = kind
        self.field = field
        self.offset = offset
        self.detail = detail
    }

    public var description: String {
        var text = "CTI OS wire \(code)"
        if let kind { text += " in \(kind)" }
        if let field { text += ", field \(field)" }
        if let offset { text += " at offset \(offset)" }
        return text + ": " + detail
    }
}
