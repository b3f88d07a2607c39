import CTIOSTestKit
import Testing

/// Real bugs the simulation found: each shown by a run, disabled while the bug is open (``KnownBug``), enabled as a
/// regression test once it is fixed.
struct KnownBugTests {
    /// Server A (the backup: B starts with the higher epoch and becomes primary) pauses while the pair is under
    /// traffic: its desks fail over to B and resume there. B's replay ends at its store's position, which includes
    /// batches still waiting for A's acknowledgement, so those desks hold positions A does not have. Seeds 78, 84 and
    /// 87 of the default options found it; this is seed 7 with one fault. Fixed in f307dc1 (a stream started on a
    /// primary while batches wait for the backup starts once the backup has its position).
    @Test
    func aClientResumingOnThePrimaryIsNeverAheadOfItsBackup() throws {
        var options = SimulationOptions(rounds: 1)
        options.knownBugs = []
        let schedule = FaultSchedule(rounds: [[Fault(at: .seconds(6), kind: .pause(server: 0), duration: .seconds(3))]])
        var world = try SimulatedWorld(seed: 7, options: options, schedule: schedule)
        world.run()
        let ahead = world.violations.filter { $0.property == .replicationBeforePublication }
        #expect(ahead.isEmpty, "\(ahead.prefix(3))")
    }

    /// Server A (the backup) pauses for 1.7 s; B gives up on it; A resumes, takes over in a higher epoch (B steps
    /// down, as after a partition) and rebuilds its store from the CTI Server's snapshot. Agent 1004 went from Not
    /// Ready (reason 17) to Not Ready (reason 45) while A did not see it: QUERY_AGENT_STATE_CONF has no reason code,
    /// the state is the same, so A keeps 17 and every client shows 17 where the truth has 45.
    @Test(.disabled("bug: a reason code changed while Not Ready is lost across a CTI Server snapshot (KnownBug.staleReasonCodeAfterSnapshot)"))
    func aReasonCodeChangedWhileNotReadySurvivesATakeover() throws {
        var options = SimulationOptions()
        options.knownBugs = []
        var world = try SimulatedWorld(seed: 87, options: options)
        world.run()
        let stale = world.violations.filter { $0.field == "ReasonCode" }
        #expect(stale.isEmpty, "\(stale.prefix(3))")
    }
}
