/// FAILURE_CONF (1): a request failed; the session's only answer to a bad OPEN_REQ.
///
/// The guide publishes two layouts:
/// - **8 bytes**: InvokeID UINT, Status UINT. Versions 9 to 17 of the guide, and the version 25 text ("status
///   code"). This is the layout we **encode** (`peripheralErrorCode == nil`).
/// - **10 bytes**: InvokeID UINT, FailureCode USHORT, PeripheralErrorCode UINT. The version 24 Messaging
///   Conventions table. Decoded into `status` (widened) and `peripheralErrorCode`, and encoded again in this
///   layout when `peripheralErrorCode` is set, so a round trip keeps the bytes.
///
/// The tag table also lets a floating part follow (CTIOSCILClientID, tag 217). `MessageLength` 10 is the 10-byte
/// layout; any other length is read as the 8-byte layout and its floating part, and only when that fails as the
/// 10-byte layout and its floating part. A body shorter than 8 bytes, or matching neither, is
/// ``GED188Error/Code/invalidLayout``. We write the 10-byte layout only without a floating part, so that what we
/// write always reads back the same.
public struct FailureConf: GED188MessageBody {
    public static let messageType = MessageType.failureConf
    /// The layout we encode.
    public static let fixedPartLength = 8
    /// The version 24 table's layout.
    public static let alternateFixedPartLength = 10

    public var invokeID: UInt32
    /// Status (8-byte layout) or FailureCode (10-byte layout): an E_CTI_* code.
    public var status: StatusCode
    /// PeripheralErrorCode; present only in the 10-byte layout.
    public var peripheralErrorCode: UInt32?
    /// CTIOSCILClientID (floating, STRING 64): the CTI OS client the failed request came from.
    public var ctiosCILClientID: String?
    /// Floating fields this message does not define, kept as they came and written back last.
    public var unknownFields: [UnknownFloatingField]

    public init(
        invokeID: UInt32,
        status: StatusCode,
        peripheralErrorCode: UInt32? = nil,
        ctiosCILClientID: String? = nil,
        unknownFields: [UnknownFloatingField] = []
    ) {
        self.invokeID = invokeID
        self.status = status
        self.peripheralErrorCode = peripheralErrorCode
        self.ctiosCILClientID = ctiosCILClientID
        self.unknownFields = unknownFields
    }

    private enum CodingKeys: String, CodingKey {
        case invokeID, status, peripheralErrorCode, ctiosCILClientID, unknownFields
    }

    /// JSON: `invokeID` and `status` are required, the rest may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        invokeID = try container.decode(UInt32.self, forKey: .invokeID)
        status = try container.decode(StatusCode.self, forKey: .status)
        peripheralErrorCode = try container.decodeIfPresent(UInt32.self, forKey: .peripheralErrorCode)
        ctiosCILClientID = try container.decodeIfPresent(String.self, forKey: .ctiosCILClientID)
        unknownFields = try container.decodeIfPresent([UnknownFloatingField].self, forKey: .unknownFields) ?? []
    }

    public init(reading reader: inout BodyReader) throws(GED188Error) {
        let start = reader
        if reader.remaining != Self.alternateFixedPartLength, reader.remaining >= Self.fixedPartLength {
            do {
                try self.init(reading: &reader, wideLayout: false)
                return
            } catch {
                guard reader.remaining >= Self.alternateFixedPartLength else { throw error }
                reader = start
            }
        }
        guard reader.remaining >= Self.alternateFixedPartLength else {
            throw GED188Error(
                .invalidLayout, messageType: Self.messageType, offset: reader.offset,
                detail: "MessageLength \(reader.remaining) matches neither published layout (8 or 10 bytes)"
            )
        }
        try self.init(reading: &reader, wideLayout: true)
    }

    private init(reading reader: inout BodyReader, wideLayout: Bool) throws(GED188Error) {
        invokeID = try reader.uint("InvokeID")
        if wideLayout {
            status = StatusCode(rawValue: UInt32(try reader.ushort("FailureCode")))
            peripheralErrorCode = try reader.uint("PeripheralErrorCode")
        } else {
            status = StatusCode(rawValue: try reader.uint("Status"))
            peripheralErrorCode = nil
        }
        var clientID: String?
        var unknown: [UnknownFloatingField] = []
        while let field = try reader.nextFloatingField() {
            switch field.tag {
            case .ctiosCILClientID:
                guard clientID == nil else { throw reader.duplicate(field) }
                clientID = try field.string("CTIOSCILClientID", max: 64)
            default:
                unknown.append(field.unknown)
            }
        }
        ctiosCILClientID = clientID
        unknownFields = unknown
    }

    public func write(to writer: inout BodyWriter) throws(GED188Error) {
        writer.uint(invokeID)
        if let peripheralErrorCode {
            guard ctiosCILClientID == nil, unknownFields.isEmpty else {
                throw GED188Error(.invalidValue, messageType: Self.messageType, field: "PeripheralErrorCode",
                                  detail: "the 10-byte layout is written without a floating part: it could be read back as the 8-byte one")
            }
            guard status.rawValue <= UInt16.max else {
                throw GED188Error(.invalidValue, messageType: Self.messageType, field: "FailureCode",
                                  detail: "the 10-byte layout carries the code in a USHORT; \(status.rawValue) does not fit")
            }
            writer.ushort(UInt16(status.rawValue))
            writer.uint(peripheralErrorCode)
        } else {
            writer.uint(status.rawValue)
        }
        try writer.string(.ctiosCILClientID, ctiosCILClientID, max: 64, field: "CTIOSCILClientID")
        writer.unknown(unknownFields)
    }
}
