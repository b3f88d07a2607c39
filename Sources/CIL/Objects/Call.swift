import CTIOSCore
import CTIOSWire
import GED188

/// A call connection (Cisco's `Call` object): a handle on `call.<peripheral>.<callID>.<device>` in a session's
/// cache, with the call's methods. There is one Call per connection of an agent's device or a route point.
///
/// Each method sends one request and returns the confirmation's `Arguments`, or throws a ``CILError``. Its effects
/// arrive as events (`OnCallEstablished`, `OnCallHeld`, …) and in the cache.
public struct Call: CTIOSObject {
    /// The call connection's identity.
    public let uniqueObjectID: UniqueObjectID
    /// The session whose cache holds the call.
    public let session: Session

    init(session: Session, id: UniqueObjectID) {
        self.session = session
        uniqueObjectID = id
    }

    /// Handles are equal when they name the same object of the same session.
    public static func == (lhs: Call, rhs: Call) -> Bool {
        lhs.uniqueObjectID == rhs.uniqueObjectID && lhs.session === rhs.session
    }

    /// Hashes the object's identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(uniqueObjectID) }

    // MARK: Properties

    /// The connection's call ID.
    public var callID: UInt32 { uniqueObjectID.callID ?? 0 }
    /// The connection's device (an agent's extension or a route point).
    public var deviceID: String { uniqueObjectID.deviceID ?? "" }
    /// The agent at the connection's device, if any.
    public var agentID: String? { value(for: .agentID)?.string }
    /// The connection's state (`LocalConnectionState`).
    public var localConnectionState: LocalConnectionState? {
        value(for: .localConnectionState)?.integer.map { LocalConnectionState(rawValue: UInt16(truncatingIfNeeded: $0)) }
    }
    /// The caller's number.
    public var ani: String? { value(for: .ani)?.string }
    /// The number the caller dialled, as the network reports it.
    public var dnis: String? { value(for: .dnis)?.string }
    /// The dialed number.
    public var dialedNumber: String? { value(for: .dialedNumber)?.string }
    /// `CallVariable1` … `CallVariable10` (`number` from 1 to 10).
    public func callVariable(_ number: Int) -> String? { value(for: .callVariable(number))?.string }
    /// The call's ECC variables (a set of name → string, or array of strings).
    public var eccVariables: Arguments? { value(for: .eccVariables)?.arguments }

    // MARK: Methods

    /// Answers the ringing call (`Answer`).
    @discardableResult public func answer() async throws -> Arguments { try await invoke("Answer") }
    /// Puts the call on hold (`Hold`).
    @discardableResult public func hold() async throws -> Arguments { try await invoke("Hold") }
    /// Takes the held call back (`Retrieve`).
    @discardableResult public func retrieve() async throws -> Arguments { try await invoke("Retrieve") }
    /// Releases this connection (`ClearConnection`, Cisco's release on Unified CCE).
    @discardableResult public func clearConnection() async throws -> Arguments { try await invoke("ClearConnection") }
    /// Clears the whole call (`Clear`).
    @discardableResult public func clear() async throws -> Arguments { try await invoke("Clear") }
    /// Swaps the active and the held call (`Alternate`).
    @discardableResult public func alternate() async throws -> Arguments { try await invoke("Alternate") }
    /// Drops the consultation and takes the held call back (`Reconnect`).
    @discardableResult public func reconnect() async throws -> Arguments { try await invoke("Reconnect") }
    /// Completes a transfer between this call and the agent's other call (`Transfer`).
    @discardableResult public func transfer() async throws -> Arguments { try await invoke("Transfer") }
    /// Completes a conference of this call and the agent's other call (`Conference`).
    @discardableResult public func conference() async throws -> Arguments { try await invoke("Conference") }
    /// Asks the CTI Server for the call as it is now (`Snapshot`); the cache follows.
    @discardableResult public func snapshot() async throws -> Arguments { try await invoke("Snapshot") }

    /// Holds this call and calls another party for a consultation (`MakeConsultCall`), with optional call data.
    @discardableResult
    public func makeConsultCall(dialedNumber: String, callData: Arguments = Arguments()) async throws -> Arguments {
        var arguments = callData
        arguments[.dialedNumber] = .string(dialedNumber)
        return try await invoke("MakeConsultCall", arguments)
    }

    /// Transfers the call to a number in one step (`SingleStepTransfer`).
    @discardableResult
    public func singleStepTransfer(dialedNumber: String) async throws -> Arguments {
        try await invoke("SingleStepTransfer", [Keyword.dialedNumber.name: .string(dialedNumber)])
    }

    /// Adds a number to the call in one step (`SingleStepConference`).
    @discardableResult
    public func singleStepConference(dialedNumber: String) async throws -> Arguments {
        try await invoke("SingleStepConference", [Keyword.dialedNumber.name: .string(dialedNumber)])
    }

    /// Sends the ringing call elsewhere (`Deflect`).
    @discardableResult
    public func deflect(dialedNumber: String) async throws -> Arguments {
        try await invoke("Deflect", [Keyword.dialedNumber.name: .string(dialedNumber)])
    }

    /// Sets call data (`SetCallData`): `CallVariable1`…`10`, `CallWrapupData`, `ECC` (a nested set of name →
    /// string).
    @discardableResult
    public func setCallData(_ data: Arguments) async throws -> Arguments {
        try await invoke("SetCallData", data)
    }

    /// Sends DTMF digits on the call (`SendDTMFSignal`).
    @discardableResult
    public func sendDTMFSignal(_ digits: String) async throws -> Arguments {
        try await invoke("SendDTMFSignal", [Keyword.dtmfString.name: .string(digits)])
    }
}
