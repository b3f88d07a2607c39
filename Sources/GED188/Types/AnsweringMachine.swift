/// What to do when an answering machine answers (AnsweringMachine, AM_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, AnsweringMachine values.
public struct AnsweringMachine: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unspecified = AnsweringMachine(rawValue: 0)
    public static let connect = AnsweringMachine(rawValue: 1)
    public static let disconnect = AnsweringMachine(rawValue: 2)
    public static let notApplicable = AnsweringMachine(rawValue: 3)
    public static let noneNoModem = AnsweringMachine(rawValue: 4)
    public static let connectNoModem = AnsweringMachine(rawValue: 5)

    public static let knownNames: [UInt16: String] = [
        0: "AM_UNSPECIFIED",
        1: "AM_CONNECT",
        2: "AM_DISCONNECT",
        3: "AM_NONE",
        4: "AM_NONE_NO_MODEM",
        5: "AM_CONNECT_NO_MODEM",
    ]
}
