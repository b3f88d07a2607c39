/// A CTI Server side: the simulator serves the same contact center on two ports, as a duplex pair would.
public enum Side: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case a = "A"
    case b = "B"

    public var description: String { rawValue }
}

/// One client connection to the simulator.
public struct SessionID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    public static func < (lhs: SessionID, rhs: SessionID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "session \(rawValue)" }
}

/// What a side is doing: serving, offline (its sessions reset, new ones refused), or hung (sockets open, no
/// answers, no events).
public enum SideCondition: String, Codable, Hashable, Sendable {
    case online
    case offline
    case hung
}
