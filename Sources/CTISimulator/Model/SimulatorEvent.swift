import GED188

/// A GED-188 event the model produced, with who it concerns, so that each session can pick its own.
///
/// The message is complete but for `MonitorID`, which is 0 (the All Events value); a CLIENT_EVENTS session sets
/// its own before sending.
public struct SimulatorEvent: Sendable {
    public var message: GED188Message
    /// The agents the event concerns (a CLIENT_EVENTS session for agent X gets the events naming X).
    public var agents: [String]

    public init(message: GED188Message, agents: [String]) {
        self.message = message
        self.agents = agents
    }
}
