/// Constants of the CTI Server protocol (GED-188) that this module implements.
///
/// Source: Cisco, "CTI Server Message Reference Guide (Protocol Version 24)", chapter Messaging Conventions.
public enum GED188Protocol {
    /// The protocol version this module speaks and sends in `OPEN_REQ`.
    public static let version: UInt32 = 24

    /// Size of the message header (MHDR): `MessageLength` UINT, `MessageType` UINT.
    public static let headerLength = 8

    /// Largest message in protocol version 24, header included.
    public static let maximumMessageLength = 12_500

    /// Largest `MessageLength` (bytes after the header) a version 24 message may carry.
    public static let maximumBodyLength = maximumMessageLength - headerLength

    /// All named variables and named arrays of one message together may not exceed this many bytes.
    public static let maximumNamedDataLength = 2_000

    /// The special value for "no call", "no peripheral", "no service" and "no skill group".
    public static let nullID: UInt32 = 0xFFFF_FFFF

    /// The special value of a USHORT enumeration meaning "none".
    public static let none16: UInt16 = 0xFFFF
}
