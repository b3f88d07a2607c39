import GED188

/// One call in the model: its context and the devices connected to it.
struct ModelCall: Sendable {
    let id: UInt32
    var type: CallType
    var ani: String
    var dnis: String
    var dialedNumber: String
    var callVariables: [String?] = Array(repeating: nil, count: 10)
    var callWrapupData: String?
    var namedVariables: [NamedVariable] = []
    var namedArrays: [NamedArrayElement] = []
    var routerCallKeyDay: UInt32
    var routerCallKeyCallID: UInt32
    /// The skill group the call was queued to or routed by.
    var skillGroup: UInt32?
    /// The devices on the call, in the order they joined.
    var connections: [CallConnection] = []
    var startedAt: Duration
    /// When the call entered its current queue, if it is queued.
    var queuedAt: Duration?
    /// For a consultation call: the call it consults about.
    var consultedCall: UInt32?
    /// Bumped whenever the call's pending timers become stale.
    var timerGeneration: UInt64 = 0

    func connection(at device: String) -> CallConnection? {
        connections.first { $0.deviceID == device }
    }

    mutating func setState(_ state: LocalConnectionState, at device: String) {
        if let index = connections.firstIndex(where: { $0.deviceID == device }) {
            connections[index].state = state
        }
    }

    mutating func removeConnection(at device: String) {
        connections.removeAll { $0.deviceID == device }
    }

    /// The agents with a connection on the call.
    var agentIDs: [String] { connections.compactMap(\.agentID) }
}

/// A device's connection to a call.
struct CallConnection: Hashable, Sendable {
    var deviceID: String
    var deviceType: DeviceIDType
    var state: LocalConnectionState
    /// The agent whose instrument this is, for an agent device.
    var agentID: String?
}
