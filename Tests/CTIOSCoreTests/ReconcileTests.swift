import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// After a stretch of lost events, the store is made equal to the CTI Server's snapshot (asked of the model as a
/// CTI Server is asked), with the smallest changes and the events a client would have seen.
struct ReconcileTests {
    /// What the store cannot learn from a CTI Server's snapshot: the reason code of an agent whose state changed
    /// while events were lost, the skill group of a call that began meanwhile.
    static func gaps(before: ObjectStore, truth: GroundTruth) -> StoreComparison.Options {
        var options = StoreComparison.Options()
        for agent in truth.agents {
            let known = before[.agent(peripheral: truth.peripheralID, agentID: agent.id)]
            if known?.integer(.agentState) != Int64(agent.state.rawValue) { options.unknownReasonCodes.insert(agent.id) }
        }
        let knownCalls = Set(before.snapshot().keys.compactMap(\.callID))
        for call in truth.calls where !knownCalls.contains(call.id) { options.unknownSkillGroups.insert(call.id) }
        return options
    }

    @Test(arguments: [(1, 2.0), (7, 5.0), (42, 1.0), (2026, 8.0)] as [(UInt64, Double)])
    func aLostStretchOfTrafficIsReconciled(seed: UInt64, callsPerSecond: Double) throws {
        var lab = try StoreLab(traffic: TrafficProfile(callsPerSecond: callsPerSecond), seed: seed)
        lab.advance(by: .seconds(15))
        lab.expectAgreement("15 s of traffic")
        lab.feeding = false
        lab.advance(by: .seconds(12))
        lab.feeding = true
        let before = lab.store
        let truth = lab.center.groundTruth()
        #expect(!lab.comparison().isEqual, "12 s without events: the store is behind")
        let produced1 = lab.store.reconcile(with: lab.ctiServerSnapshot())
        let batch = try #require(produced1)
        #expect(batch.sequence == before.sequence + 1)
        let gaps = Self.gaps(before: before, truth: truth)
        lab.expectAgreement("the reconciliation", gaps)

        // The changes are the smallest: exactly the diff of the two object sets.
        #expect(batch.changes == ObjectStore.diff(from: before.snapshot(), to: lab.store.snapshot()))
        // Every call object that vanished ends; every changed agent gets one state change.
        let ended = Set(batch.events.filter { $0.name == "OnCallEnd" }.compactMap { $0.arguments.string(.uniqueObjectID) })
        let vanished = Set(before.snapshot().keys.filter { $0.kind == .call && lab.store[$0] == nil }.map(\.description))
        #expect(ended == vanished)
        let stateChanges = batch.events.filter { $0.name == "OnAgentStateChange" }.compactMap { $0.arguments.string(.agentID) }
        #expect(stateChanges.count == Set(stateChanges).count, "one OnAgentStateChange per agent")
        let changedAgents = before.snapshot().filter { id, properties in
            id.kind == .agent && (properties.integer(.agentState) != lab.store[id]?.integer(.agentState)
                || properties[.skillGroups] != lab.store[id]?[.skillGroups]
                || properties.integer(.reasonCode) != lab.store[id]?.integer(.reasonCode))
        }.keys.compactMap(\.agentID)
        #expect(Set(stateChanges) == Set(changedAgents))
        let again = lab.store.reconcile(with: lab.ctiServerSnapshot())
        #expect(again == nil, "reconciling again changes nothing")

        // Live events go on from there.
        for _ in 0..<40 {
            lab.advance(by: .milliseconds(500))
            let comparison = lab.comparison(gaps)
            #expect(comparison.isEqual, "after the reconciliation, at \(lab.center.now): \(comparison)")
            if !comparison.isEqual { break }
        }
    }

    @Test func aCallThatEndedAndAnAgentThatMovedOnWhileEventsWereLost() throws {
        var lab = try StoreLab()
        lab.login("1004")
        let placed = lab.inboundCall(ani: "6175550100")
        let callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        lab.expectAgreement("1004 talks")
        lab.feeding = false
        lab.center.releaseExternalParty(callID: callID)
        lab.sync()
        lab.setState("1004", .notReady, reason: 9)
        lab.feeding = true
        let produced2 = lab.store.reconcile(with: lab.ctiServerSnapshot())
        let batch = try #require(produced2)
        lab.expectAgreement("the reconciliation", .init(unknownReasonCodes: ["1004"]))
        #expect(lab.callObjects.isEmpty)
        #expect(batch.changes.contains(.deleted(objectID: "call.5000.\(callID).2004")))
        let names = batch.events.map(\.name)
        #expect(names.filter { $0 == "OnCallEnd" }.count == 1)
        #expect(names.filter { $0 == "OnAgentStateChange" }.count == 1)
        #expect(names.contains("OnButtonEnablementChange"))
        let agentChange = batch.changes.first { $0.objectID == "agent.5000.1004" }
        guard case .updated(_, let properties, _)? = agentChange else { Issue.record("\(String(describing: agentChange))"); return }
        #expect(properties.integer(.agentState) == Int64(AgentState.notReady.rawValue))
        #expect(properties.integer(.reasonCode) == nil, "QUERY_AGENT_STATE_CONF has no reason code: it stays 0")
        #expect(lab.agent("1004")?.integer(.reasonCode) == 0)
        #expect(lab.mask(agent: "1004") == .makeCall)
    }

    @Test func aCallThatBeganWhileEventsWereLostAppearsWithItsEvents() throws {
        var lab = try StoreLab()
        lab.login("1004")
        lab.feeding = false
        let placed = lab.inboundCall(ani: "6175550101", callVariables: ["acct-2"])
        let callID = try #require(placed)
        lab.feeding = true
        let produced3 = lab.store.reconcile(with: lab.ctiServerSnapshot())
        let batch = try #require(produced3)
        lab.expectAgreement("the reconciliation", .init(unknownSkillGroups: [callID]))
        #expect(lab.call(callID, at: "2004")?.string(.callVariable(1)) == "acct-2")
        #expect(lab.mask(call: callID, at: "2004") == .answer)
        let names = batch.events.map(\.name)
        #expect(names.starts(with: ["OnCallBegin"]))
        #expect(names.contains("OnCallDelivered"))
        #expect(names.contains("OnAgentStateChange"), "1004 is reserved now")
        lab.answer(callID, at: "2004", as: "1004")
        lab.expectAgreement("1004 answers: CALL_ESTABLISHED brings the skill group")
    }

    @Test func anEmptyStoreIsBuiltFromTheSnapshotAlone() throws {
        var lab = try StoreLab(traffic: TrafficProfile(callsPerSecond: 3), seed: 11)
        lab.advance(by: .seconds(20))
        var fresh = ObjectStore(configuration: .init(peripheralID: lab.peripheral), epoch: 3)
        let produced4 = fresh.reconcile(with: lab.ctiServerSnapshot())
        let batch = try #require(produced4)
        #expect(batch.epoch == 3 && batch.sequence == 1)
        var truth = lab.center.groundTruth()
        let options = Self.gaps(before: ObjectStore(), truth: truth)
        let comparison = StoreComparison(fresh, truth, routePoints: lab.routePoints, options: .init(
            unknownReasonCodes: options.unknownReasonCodes, unknownSkillGroups: options.unknownSkillGroups,
            compareStatistics: true))
        #expect(comparison.isEqual, "\(comparison)")
        #expect(batch.changes.allSatisfy { if case .created = $0 { true } else { false } })
        truth.version = 0
    }

    @Test func aSnapshotWithoutConfigurationKeepsTheConfiguration() throws {
        var lab = try StoreLab()
        lab.login("1004")
        lab.feeding = false
        lab.setState("1004", .notReady, reason: 2)
        lab.feeding = true
        var snapshot = lab.ctiServerSnapshot()
        snapshot.configuration = []
        let reconciled = lab.store.reconcile(with: snapshot)
        #expect(reconciled != nil)
        lab.expectAgreement("reconciled without configuration", .init(unknownReasonCodes: ["1004"]))
        #expect(lab.store[.team(peripheral: 5000, teamID: 9001)] != nil)
        #expect(lab.agent("1002")?.string(.firstName) == "Agent")
    }

    @Test func theLinkComesBackThroughTheReconciliation() throws {
        var lab = try StoreLab()
        lab.login("1004")
        let placed = lab.inboundCall(ani: "6175550102")
        let callID = try #require(placed)
        let wentDown = lab.store.setCTIServerOnline(false)
        let down = try #require(wentDown)
        #expect(lab.mask(agent: "1004") == .disableAll)
        #expect(lab.mask(call: callID, at: "2004") == .disableAll)
        #expect(lab.mask(agent: "1050") == .disableAll)
        let failure = try #require(down.events.first { $0.name == "OnCTIOSFailure" })
        #expect(failure.arguments.integer(.systemEventID) == 7)
        #expect(failure.arguments.integer(.failureCode) == CTIOSFailureCode.serverConnectionStatus)
        let again = lab.store.setCTIServerOnline(false)
        #expect(again == nil)
        let produced5 = lab.store.reconcile(with: lab.ctiServerSnapshot())
        let up = try #require(produced5)
        #expect(lab.store.ctiServerOnline)
        #expect(up.events.contains { $0.name == "OnCTIOSFailure" && $0.arguments.integer(.systemEventID) == 8 })
        lab.expectAgreement("the link is back")
        #expect(lab.mask(call: callID, at: "2004") == .answer)
    }
}
