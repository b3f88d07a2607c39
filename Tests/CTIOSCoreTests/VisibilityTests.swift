import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// Which objects and events each client may see: agent mode (own objects, calls, skill groups; a supervisor's
/// teams), monitor mode (a filter), per snapshot and per batch.
struct VisibilityTests {
    var lab: StoreLab

    init() throws {
        lab = try StoreLab()
    }

    func ids(_ objects: [UniqueObjectID: Arguments]) -> [String] { objects.keys.map(\.description).sorted() }

    @Test mutating func anAgentSeesItselfItsCallsAndItsSkillGroups() throws {
        lab.login("1004")
        lab.login("1005")
        let placed = lab.inboundCall(ani: "6175550100")
        let callID = try #require(placed)
        #expect(ids(lab.store.visibleObjects(for: .agent("1004")))
                == ["agent.5000.1004", "call.5000.\(callID).2004", "skillgroup.5000.199"])
        #expect(ids(lab.store.visibleObjects(for: .agent("1005"))) == ["agent.5000.1005", "skillgroup.5000.199"])
        #expect(ids(lab.store.visibleObjects(for: .agent("1006"))) == ["agent.5000.1006"], "logged out: no skill group")
    }

    @Test mutating func aSupervisorAlsoSeesItsTeam() throws {
        lab.login("1001")
        lab.setState("1001", .notReady, reason: 1)
        lab.login("1004")  // team 9001
        let placed = lab.inboundCall(ani: "6175550100")
        let callID = try #require(placed)
        let visible = ids(lab.store.visibleObjects(for: .agent("1001")))
        #expect(visible.contains("team.5000.9001"))
        #expect(visible.contains("agent.5000.1004"))
        #expect(visible.contains("call.5000.\(callID).2004"))
        #expect(!visible.contains("agent.5000.1005"), "team 9002")
        #expect(!visible.contains("team.5000.9002"))
        #expect(!ids(lab.store.visibleObjects(for: .agent("1004"))).contains("team.5000.9001"), "agents do not see the team")
    }

    @Test func aMonitorSeesWhatItsFilterMatches() throws {
        let filter = try MonitorFilter("UniqueObjectID=skillgroup.*")
        #expect(ids(lab.store.visibleObjects(for: .monitor(filter))).count == 5)
        let none = try MonitorFilter("AgentID=9999")
        #expect(lab.store.visibleObjects(for: .monitor(none)).isEmpty)
    }

    /// A client filtering every batch ends with exactly what it may see, whatever came and went.
    @Test(arguments: ["agent:1011", "agent:1001", "monitor:AgentID=1011,1012", "monitor:UniqueObjectID=call.*",
                      "monitor:LocalConnectionState=2"])
    func filteringEveryBatchKeepsTheClientExact(mode text: String) throws {
        let mode: ClientMode = text.hasPrefix("agent:") ? .agent(String(text.dropFirst(6)))
            : .monitor(try MonitorFilter(String(text.dropFirst(8))))
        var lab = try StoreLab(traffic: TrafficProfile(callsPerSecond: 4), seed: 8)
        var view = ClientView(mode: mode)
        var cache = lab.store.snapshot(for: &view)
        var received = 0
        while lab.center.now < .seconds(40) {
            lab.advance(by: .milliseconds(250))
            for batch in lab.lastBatches {
                guard let filtered = lab.store.filter(batch, for: &view) else { continue }
                #expect(filtered.sequence == batch.sequence)
                received += filtered.changes.count
                Self.apply(filtered, to: &cache)
                for event in filtered.events {
                    guard let id = event.arguments.string(.uniqueObjectID).flatMap(UniqueObjectID.init) else { continue }
                    if case .agent = mode { #expect(view.scope?.contains(id) == true, "\(event.name) for \(id)") }
                }
            }
            #expect(cache == lab.store.visibleObjects(for: mode), "at \(lab.center.now)")
            #expect(view.known == Set(cache.keys))
            if cache != lab.store.visibleObjects(for: mode) { break }
        }
        #expect(received > 10, "only \(received) changes for \(text)")
    }

    @Test mutating func anAgentsEventsAreItsOwn() throws {
        lab.login("1004")
        lab.login("1005")
        var mine = ClientView(mode: .agent("1004"))
        var theirs = ClientView(mode: .agent("1005"))
        _ = lab.store.snapshot(for: &mine)
        _ = lab.store.snapshot(for: &theirs)
        let placed = lab.inboundCall(ani: "6175550100")
        _ = try #require(placed)
        let forMe = lab.lastBatches.compactMap { lab.store.filter($0, for: &mine) }.flatMap(\.events).map(\.name)
        let forThem = lab.lastBatches.compactMap { lab.store.filter($0, for: &theirs) }.flatMap(\.events).map(\.name)
        #expect(forMe.contains("OnCallDelivered"))
        #expect(forMe.contains("OnAgentPrecallEvent"))
        #expect(forMe.contains("OnAgentStateChange"))
        #expect(!forMe.contains("OnCallQueuedEvent"), "the route point's events are not the agent's")
        #expect(forThem.isEmpty, "\(forThem)")
    }

    @Test mutating func aLoginBringsTheSkillGroupsIntoView() throws {
        var view = ClientView(mode: .agent("1004"))
        let initial = lab.store.snapshot(for: &view)
        #expect(ids(initial) == ["agent.5000.1004"])
        lab.login("1004", ready: false)
        let changes = lab.lastBatches.compactMap { lab.store.filter($0, for: &view) }.flatMap(\.changes)
        #expect(changes.contains(.created(objectID: "skillgroup.5000.199",
                                          properties: lab.store[.skillGroup(peripheral: 5000, number: 199)]!)))
        #expect(view.known.contains(.skillGroup(peripheral: 5000, number: 199)))
        lab.setState("1004", .logout)
        let gone = lab.lastBatches.compactMap { lab.store.filter($0, for: &view) }.flatMap(\.changes)
        #expect(gone.contains(.deleted(objectID: "skillgroup.5000.199")))
    }

    @Test func sessionEventsReachEveryone() throws {
        var lab = try StoreLab()
        var view = ClientView(mode: .monitor(try MonitorFilter("AgentID=none")))
        _ = lab.store.snapshot(for: &view)
        lab.center.setPeripheralOnline(false)
        lab.sync()
        let events = lab.lastBatches.compactMap { lab.store.filter($0, for: &view) }.flatMap(\.events)
        #expect(events.map(\.name) == ["OnCTIOSFailure"])
    }

    static func apply(_ batch: ChangeBatch, to cache: inout [UniqueObjectID: Arguments]) {
        for change in batch.changes {
            let id = UniqueObjectID(change.objectID)!
            switch change {
            case .created(_, let properties): cache[id] = properties
            case .updated(_, let properties, let removed):
                cache[id] = cache[id]?.merging(properties)
                for key in removed { cache[id]?.removeValue(for: key) }
            case .deleted: cache[id] = nil
            }
        }
    }
}
