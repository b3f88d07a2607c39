/// FAILURE_CONF (1): a request failed; the session's only answer to a bad OPEN_REQ.
///
/// The guide publishes two layouts and `MessageLength` tells them apart:
/// - **8 bytes**: InvokeID UINT, Status UINT. Versions 9 to 15 of the guide, and the version 25 text ("status
///   code"). This is the layout we **encode** (`peripheralErrorCode == nil`).
/// - **10 bytes**: InvokeID UINT, FailureCode USHORT, PeripheralErrorCode UINT. The version 24 Messaging
///   Conventions table. Decoded into `status` (widened) and `peripheralErrorCode`, and encoded again in this
///   layout when `peripheralErrorCode` is set, so a round trip keeps the bytes.
///
/// Any other length is ``GED188Error/Code/invalidLayout``.
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

    public init(invokeID: UInt32, status: StatusCode, peripheralErrorCode: UInt32? = nil) {
        self.invokeID = invokeID
        self.status = status
        self.peripheralErrorCode = peripheralErrorCode
    }

    public init(reading reader: inout BodyReader) throws(GED188Error) {
        switch reader.remaining {
        case Self.fixedPartLength:
            invokeID = try reader.uint("InvokeID")
            status = StatusCode(rawValue: try reader.uint("Status"))
            peripheralErrorCode = nil
        case Self.alternateFixedPartLength:
            invokeID = try reader.uint("InvokeID")
            status = StatusCode(rawValue: UInt32(try reader.ushort("FailureCode")))
            peripheralErrorCode = try reader.uint("PeripheralErrorCode")
        default:
            throw GED188Error(
                .invalidLayout, messageType: Self.messageType, offset: reader.offset,
                detail: "MessageLength \(reader.remaining) matches neither published layout (8 or 10 bytes)"
            )
        }
    }

    public func write(to writer: inout BodyWriter) throws(GED188Error) {
        writer.uint(invokeID)
        if let peripheralErrorCode {
            guard status.rawValue <= UInt16.max else {
                throw GED188Error(.invalidValue, messageType: Self.messageType, field: "FailureCode",
                                  detail: "the 10-byte layout carries the code in a USHORT; \(status.rawValue) does not fit")
            }
            writer.ushort(UInt16(status.rawValue))
            writer.uint(peripheralErrorCode)
        } else {
            writer.uint(status.rawValue)
        }
    }
}
