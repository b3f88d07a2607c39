import CTISimulator
import GED188

extension BridgeView {
    /// One field on which the view and the truth disagree.
    public struct Difference: Hashable, Sendable, CustomStringConvertible {
        /// The object: `agent 1004`, `call 16777301`, or `view` for the view as a whole.
        public var object: String
        /// The field: `state`, `skill group 101 state`, `callVariable3`, `connection 2004 state`; empty when the
        /// object itself is missing on one side.
        public var field: String
        /// The view's value (`absent` when it does not have the object or the field).
        public var view: String
        /// The truth's value (`absent` when it does not have the object or the field).
        public var truth: String

        /// A difference, for a test that builds one by hand.
        public init(object: String, field: String, view: String, truth: String) {
            self.object = object
            self.field = field
            self.view = view
            self.truth = truth
        }

        /// `call 16777301 connection 2004 state: view ALERTING, truth CONNECT`.
        public var description: String {
            "\(object)\(field.isEmpty ? "" : " " + field): view \(view), truth \(truth)"
        }
    }

    /// The result of comparing a view with the simulator's truth: every difference, by named field.
    public struct Comparison: Hashable, Sendable, CustomStringConvertible {
        /// Agents first (by ID), then calls (by ID), each field in a fixed order.
        public var differences: [Difference]

        /// A comparison with these differences.
        public init(differences: [Difference]) {
            self.differences = differences
        }

        /// Whether the view and the truth agree on every compared field.
        public var isEqual: Bool { differences.isEmpty }

        /// The differences of one object (`agent 1004`, `call 16777301`).
        public func differences(of object: String) -> [Difference] {
            differences.filter { $0.object == object }
        }

        /// `no differences`, or one difference per line.
        public var description: String {
            differences.isEmpty ? "no differences"
                : "\(differences.count) difference\(differences.count == 1 ? "" : "s"):\n"
                    + differences.map { "  " + $0.description }.joined(separator: "\n")
        }
    }

    /// Compares the view with the simulator's truth on named fields.
    ///
    /// Per agent: state, reasonCode and the state in each skill group. An agent the view never saw an event for is
    /// taken to be logged out with reason code 0 and no skill group, as every agent is at model time zero. Per call:
    /// ani, dnis, dialedNumber, callVariable1…10, callWrapupData, namedVariables and namedArrays (as sets: their
    /// order is not compared), and each connection's device and state; a call on one side only is one difference.
    ///
    /// - Parameter expectingEveryEvent: also compare ``modelEventCount`` with ``GroundTruth/version``, for a view
    ///   that has seen every event since model time zero.
    public func compare(with truth: GroundTruth, expectingEveryEvent: Bool = false) -> Comparison {
        var differences: [Difference] = []
        if expectingEveryEvent, modelEventCount != truth.version {
            differences.append(Difference(object: "view", field: "model events applied",
                                          view: "\(modelEventCount)", truth: "\(truth.version) (GroundTruth.version)"))
        }
        let truthAgents = Dictionary(truth.agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Set(truthAgents.keys).union(agents.keys).sorted() {
            differences += Self.compare(agent: id, view: agents[id], truth: truthAgents[id])
        }
        let truthCalls = Dictionary(truth.calls.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Set(truthCalls.keys).union(calls.keys).sorted() {
            differences += Self.compare(call: id, view: calls[id], truth: truthCalls[id])
        }
        return Comparison(differences: differences)
    }

    // MARK: Agents

    static func compare(agent id: String, view: Agent?, truth: GroundTruth.Agent?) -> [Difference] {
        let object = "agent \(id)"
        guard let truth else { return [Difference(object: object, field: "", view: "present", truth: "absent")] }
        let view = view ?? Agent(id: id, state: .logout)
        var differences: [Difference] = []
        func check(_ field: String, _ viewValue: String, _ truthValue: String) {
            if viewValue != truthValue {
                differences.append(Difference(object: object, field: field, view: viewValue, truth: truthValue))
            }
        }
        check("state", "\(view.state)", "\(truth.state)")
        check("reasonCode", "\(view.reasonCode)", "\(truth.reasonCode)")
        var truthGroups: [UInt32: AgentState] = [:]
        for group in truth.skillGroups { truthGroups[group.number] = group.state }
        for number in Set(truthGroups.keys).union(view.skillGroups.keys).sorted() {
            check("skill group \(number) state", view.skillGroups[number].map { "\($0)" } ?? "absent",
                  truthGroups[number].map { "\($0)" } ?? "absent")
        }
        return differences
    }

    // MARK: Calls

    static func compare(call id: UInt32, view: Call?, truth: GroundTruth.Call?) -> [Difference] {
        let object = "call \(id)"
        switch (view, truth) {
        case (nil, nil):
            return []
        case (let view?, nil):
            return [Difference(object: object, field: "", view: "present (\(describe(view.connections)))", truth: "absent")]
        case (nil, let truth?):
            let connections = truth.connections.map { Connection(deviceID: $0.deviceID, state: $0.state) }
            return [Difference(object: object, field: "", view: "absent", truth: "present (\(describe(connections)))")]
        case (let view?, let truth?):
            var differences: [Difference] = []
            func check(_ field: String, _ viewValue: String, _ truthValue: String) {
                if viewValue != truthValue {
                    differences.append(Difference(object: object, field: field, view: viewValue, truth: truthValue))
                }
            }
            check("ani", quoted(view.ani), quoted(truth.ani))
            check("dnis", quoted(view.dnis), quoted(truth.dnis))
            check("dialedNumber", quoted(view.dialedNumber), quoted(truth.dialedNumber))
            for index in 0..<max(view.callVariables.count, truth.callVariables.count) {
                check("callVariable\(index + 1)", quoted(view.callVariables[safe: index] ?? nil),
                      quoted(truth.callVariables[safe: index] ?? nil))
            }
            check("callWrapupData", quoted(view.callWrapupData), quoted(truth.callWrapupData))
            check("namedVariables", describe(view.namedVariables), describe(truth.namedVariables))
            check("namedArrays", describe(view.namedArrays), describe(truth.namedArrays))
            var devices = truth.connections.map(\.deviceID)
            for connection in view.connections where !devices.contains(connection.deviceID) {
                devices.append(connection.deviceID)
            }
            for device in devices {
                check("connection \(device) state", view.state(of: device).map { "\($0)" } ?? "absent",
                      truth.connections.first { $0.deviceID == device }.map { "\($0.state)" } ?? "absent")
            }
            return differences
        }
    }

    // MARK: Formatting

    static func quoted(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "none"
    }

    static func describe(_ connections: [Connection]) -> String {
        connections.isEmpty ? "no connection" : connections.map { "\($0.deviceID) \($0.state)" }.joined(separator: ", ")
    }

    static func describe(_ variables: [NamedVariable]) -> String {
        "[" + variables.sorted { $0.name < $1.name }.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ", ") + "]"
    }

    static func describe(_ elements: [NamedArrayElement]) -> String {
        "[" + elements.sorted { ($0.name, $0.index) < ($1.name, $1.index) }
            .map { "\($0.name)[\($0.index)]=\"\($0.value)\"" }.joined(separator: ", ") + "]"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
