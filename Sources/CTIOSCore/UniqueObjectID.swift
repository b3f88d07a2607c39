/// A CTI OS object's identity, in CTI OS's dotted form.
///
/// - `agent.5000.1001`: peripheral, agent ID.
/// - `call.5000.16777301.2004`: peripheral, connection call ID, connection device ID (one Call object per
///   connection of an agent device or route point).
/// - `skillgroup.5000.101`: peripheral, skill group number (Cisco does not publish this form; ours).
/// - `team.5000.9001`: peripheral, team ID (ours too).
public struct UniqueObjectID: Hashable, Comparable, Sendable, CustomStringConvertible, LosslessStringConvertible, Codable {
    public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
        case agent
        case call
        case skillGroup = "skillgroup"
        case team
    }

    public let kind: Kind
    public let peripheralID: UInt32
    /// What follows the peripheral: the agent ID; the call ID and device ID; the skill group number; the team ID.
    public let parts: [String]

    public static func agent(peripheral: UInt32, agentID: String) -> UniqueObjectID {
        UniqueObjectID(kind: .agent, peripheralID: peripheral, parts: [agentID])
    }

    public static func call(peripheral: UInt32, callID: UInt32, device: String) -> UniqueObjectID {
        UniqueObjectID(kind: .call, peripheralID: peripheral, parts: ["\(callID)", device])
    }

    public static func skillGroup(peripheral: UInt32, number: UInt32) -> UniqueObjectID {
        UniqueObjectID(kind: .skillGroup, peripheralID: peripheral, parts: ["\(number)"])
    }

    public static func team(peripheral: UInt32, teamID: UInt32) -> UniqueObjectID {
        UniqueObjectID(kind: .team, peripheralID: peripheral, parts: ["\(teamID)"])
    }

    init(kind: Kind, peripheralID: UInt32, parts: [String]) {
        self.kind = kind
        self.peripheralID = peripheralID
        self.parts = parts
    }

    /// Parses the dotted form; `nil` when it is not one of the four forms. (Device IDs do not contain dots.)
    public init?(_ description: String) {
        let pieces = description.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count >= 3, let kind = Kind(rawValue: pieces[0]), let peripheral = UInt32(pieces[1]) else { return nil }
        let parts = Array(pieces.dropFirst(2))
        switch kind {
        case .agent: guard parts.count == 1, !parts[0].isEmpty else { return nil }
        case .call: guard parts.count == 2, UInt32(parts[0]) != nil, !parts[1].isEmpty else { return nil }
        case .skillGroup, .team: guard parts.count == 1, UInt32(parts[0]) != nil else { return nil }
        }
        self.init(kind: kind, peripheralID: peripheral, parts: parts)
    }

    public var description: String {
        var text = kind.rawValue
        text += "."
        text += String(peripheralID)
        for part in parts {
            text += "."
            text += part
        }
        return text
    }

    /// The agent ID of an agent object.
    public var agentID: String? { kind == .agent ? parts[0] : nil }
    /// The connection call ID of a call object.
    public var callID: UInt32? { kind == .call ? UInt32(parts[0]) : nil }
    /// The connection device ID of a call object.
    public var deviceID: String? { kind == .call ? parts[1] : nil }

    public static func < (lhs: UniqueObjectID, rhs: UniqueObjectID) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = UniqueObjectID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a UniqueObjectID"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
