import GED188

/// The buttons a desktop may enable for an agent or a call connection: Cisco's ButtonEnablementMask bits.
///
/// A pure function of states (``ButtonEnablement``); the store keeps each agent's and call connection's mask in
/// its `ButtonEnablementMask` property and raises `OnButtonEnablementChange` when it changes.
public struct ButtonMask: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let answer = ButtonMask(rawValue: 0x1)
    public static let release = ButtonMask(rawValue: 0x2)
    public static let hold = ButtonMask(rawValue: 0x4)
    public static let retrieve = ButtonMask(rawValue: 0x8)
    public static let makeCall = ButtonMask(rawValue: 0x10)
    public static let transferInit = ButtonMask(rawValue: 0x20)
    public static let transferComplete = ButtonMask(rawValue: 0x40)
    public static let singleStepTransfer = ButtonMask(rawValue: 0x80)
    public static let conferenceInit = ButtonMask(rawValue: 0x100)
    public static let conferenceComplete = ButtonMask(rawValue: 0x200)
    public static let singleStepConference = ButtonMask(rawValue: 0x400)
    public static let alternate = ButtonMask(rawValue: 0x800)
    public static let reconnect = ButtonMask(rawValue: 0x1000)
    public static let wrapup = ButtonMask(rawValue: 0x2000)
    /// Everything off: the CTI Server or the peripheral is offline.
    public static let disableAll = ButtonMask(rawValue: 0x40_0000)

    static let names: [(ButtonMask, String)] = [
        (.answer, "ANSWER"), (.release, "RELEASE"), (.hold, "HOLD"), (.retrieve, "RETRIEVE"), (.makeCall, "MAKECALL"),
        (.transferInit, "TRANSFER_INIT"), (.transferComplete, "TRANSFER_COMPLETE"),
        (.singleStepTransfer, "SINGLE_STEP_TRANSFER"), (.conferenceInit, "CONFERENCE_INIT"),
        (.conferenceComplete, "CONFERENCE_COMPLETE"), (.singleStepConference, "SINGLE_STEP_CONFERENCE"),
        (.alternate, "ALTERNATE"), (.reconnect, "RECONNECT"), (.wrapup, "WRAPUP"), (.disableAll, "DISABLE_ALL"),
    ]

    /// `[]`, or the bits' names joined by `|` (`ANSWER|RELEASE`).
    public var description: String {
        let named = Self.names.filter { contains($0.0) }.map(\.1)
        let rest = rawValue & ~Self.names.reduce(0) { $0 | $1.0.rawValue }
        let all = named + (rest == 0 ? [] : [String(rest, radix: 16)])
        return all.isEmpty ? "[]" : all.joined(separator: "|")
    }
}

/// Which buttons are enabled, by state: the table in Docs/CTIOSCore.md.
public enum ButtonEnablement {
    /// The mask of an agent object.
    ///
    /// - Parameters:
    ///   - state: the agent's AgentState.
    ///   - callStates: the states of the connections at the agent's device, on every call.
    ///   - online: whether the CTI Server and the peripheral are online.
    public static func agent(state: AgentState, callStates: some Sequence<LocalConnectionState>, online: Bool) -> ButtonMask {
        guard online else { return .disableAll }
        switch state {
        case .logout, .login, .unknown, .reserved:
            return []
        default:
            break
        }
        var mask: ButtonMask = []
        // A new call may be made with no call, or with every call held.
        if callStates.allSatisfy({ $0 == .hold }) { mask.insert(.makeCall) }
        if state == .workReady || state == .workNotReady { mask.insert(.wrapup) }
        return mask
    }

    /// The mask of a call connection object.
    ///
    /// - Parameters:
    ///   - state: the connection's LocalConnectionState.
    ///   - isAgentDevice: whether the connection is at an agent's device (a route point's connection has no
    ///     buttons).
    ///   - otherStates: the states of the same device's connections on its other calls.
    ///   - online: whether the CTI Server and the peripheral are online.
    public static func call(
        state: LocalConnectionState, isAgentDevice: Bool, otherStates: some Sequence<LocalConnectionState>, online: Bool
    ) -> ButtonMask {
        guard online else { return .disableAll }
        guard isAgentDevice else { return [] }
        var otherHeld = false
        var otherActive = false
        for other in otherStates {
            if other == .hold { otherHeld = true }
            if other == .connect || other == .initiate || other == .alerting { otherActive = true }
        }
        switch state {
        case .alerting:
            return .answer
        case .initiate:
            return otherHeld ? [.release, .transferComplete, .reconnect] : .release
        case .connect:
            if otherHeld { return [.release, .transferComplete, .conferenceComplete, .alternate, .reconnect] }
            return [.release, .hold, .transferInit, .conferenceInit, .singleStepTransfer, .singleStepConference]
        case .hold:
            return otherActive ? .release : [.retrieve, .release]
        case .fail:
            return .release
        default:
            return []
        }
    }
}
