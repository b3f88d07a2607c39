import CTIOSTestKit
import CTISimulator
import GED188
import Testing

/// The pure model with a bridge view that sees every event it emits, from model time zero.
struct ModelLab {
    var center: ContactCenter
    var view = BridgeView()
    let peripheral: UInt32

    init(configuration: ContactCenterConfiguration = .standard(), traffic: TrafficProfile = .none, seed: UInt64 = 1) throws {
        center = try ContactCenter(configuration: configuration, traffic: traffic, seed: seed)
        peripheral = center.configuration.peripheralID
        center.advance(to: .seconds(1))
        sync()
    }

    /// Feeds the model's new events to the view; returns their names.
    @discardableResult
    mutating func sync() -> [String] {
        let events = center.takeEvents().map(\.message)
        view.apply(events)
        return events.map { $0.type.name ?? "?" }
    }

    /// Applies a control request as the session `context` and feeds its events to the view.
    @discardableResult
    mutating func request(_ message: GED188Message, as agentID: String?) -> RequestOutcome {
        let outcome = center.handle(message, context: RequestContext(session: 1, agentID: agentID))
        sync()
        return outcome
    }

    mutating func advance(by duration: Duration) {
        center.advance(to: center.now + duration)
        sync()
    }

    /// The comparison of the view with the truth, counting events too.
    func comparison() -> BridgeView.Comparison {
        view.compare(with: center.groundTruth(), expectingEveryEvent: true)
    }

    /// Expects the view to equal the truth, naming the step.
    func expectAgreement(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let comparison = comparison()
        #expect(comparison.isEqual, "after \(step): \(comparison)", sourceLocation: sourceLocation)
    }

    mutating func login(_ id: String) {
        let login = request(.setAgentStateReq(SetAgentStateReq(
            invokeID: 1, peripheralID: peripheral, agentState: .login, agentID: id, agentPassword: Secret("pw\(id)"))), as: id)
        #expect(login == .confirmed(.setAgentStateConf(SetAgentStateConf(invokeID: 1))))
        let ready = request(.setAgentStateReq(SetAgentStateReq(invokeID: 2, peripheralID: peripheral, agentState: .available)), as: id)
        #expect(ready == .confirmed(.setAgentStateConf(SetAgentStateConf(invokeID: 2))))
    }

    mutating func answer(_ call: UInt32, at device: String, as agentID: String) {
        let outcome = request(.answerCallReq(AnswerCallReq(
            invokeID: 3, peripheralID: peripheral, connectionCallID: call, connectionDeviceID: device)), as: agentID)
        #expect(outcome == .confirmed(.answerCallConf(AnswerCallConf(invokeID: 3))))
    }

    /// Places a consultation call from `device` about `call` to `dialedNumber`; returns the new call.
    mutating func consult(_ call: UInt32, from device: String, as agentID: String, to dialedNumber: String,
                          type: ConsultType = .transfer) -> UInt32? {
        let outcome = request(.consultationCallReq(ConsultationCallReq(
            invokeID: 4, peripheralID: peripheral, activeConnectionCallID: call, consultType: type,
            activeConnectionDeviceID: device, dialedNumber: dialedNumber)), as: agentID)
        guard case .confirmed(.consultationCallConf(let conf)) = outcome else {
            Issue.record("consultation refused: \(outcome)")
            return nil
        }
        return conf.newConnectionCallID
    }

    mutating func inboundCall(ani: String, callVariables: [String?] = [], named: [NamedVariable] = [],
                              arrays: [NamedArrayElement] = []) -> UInt32? {
        let id = center.placeInboundCall(dialedNumber: ContactCenterConfiguration.labDialedNumber, ani: ani,
                                         callVariables: callVariables, namedVariables: named, namedArrays: arrays)
        sync()
        return id
    }
}
