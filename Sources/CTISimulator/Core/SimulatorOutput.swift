import NIOCore

/// What the simulator's core asks its shell to do: write bytes to sessions, close sessions, and report problems.
/// Sends and closes are in session order, so a run replays byte for byte.
public struct SimulatorOutput: Sendable {
    /// Encoded GED-188 messages per session, in the order to write them.
    public var sends: [(session: SessionID, bytes: ByteBuffer)] = []
    /// Sessions to close after their sends, with the reason (for the log).
    public var closes: [(session: SessionID, reason: String)] = []
    /// Things that went wrong that only a log can tell (a message the model built but could not encode).
    public var problems: [String] = []

    public var isEmpty: Bool { sends.isEmpty && closes.isEmpty && problems.isEmpty }
}
