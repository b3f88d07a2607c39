@testable import CTIOSServer
import CTISimulator
import GED188
import NIOCore

/// The link state machine wired to the simulator's pure core, in memory, with bytes encoded and decoded between
/// them: the whole CTI link protocol without sockets, on model time.
struct CTILinkHarness {
    var link: CTILinkStateMachine
    var core: SimulatorCore
    var now: Duration = .zero
    var session: SessionID?
    var nextSession: UInt64 = 1
    var side: CTISide?
    /// What the link asked the store to do, in order.
    var applied: [GED188Message] = []
    var reconciled: [CollectedSnapshot] = []
    var answers: [(UInt64, CTILinkStateMachine.RequestOutcome)] = []
    var ups: [CTISide] = []
    var downs: [String] = []
    var connectAttempts: [CTISide] = []
    /// Sides that refuse connections.
    var refusing: Set<CTISide> = []

    init(link: CTILinkStateMachine.Configuration = .init(), traffic: TrafficProfile = .none, seed: UInt64 = 1) throws {
        self.link = CTILinkStateMachine(configuration: link)
        core = SimulatorCore(center: try ContactCenter(configuration: .standard(), traffic: traffic, seed: seed))
    }

    mutating func perform(_ actions: [CTILinkStateMachine.Action]) {
        var queue = actions
        while !queue.isEmpty {
            let action = queue.removeFirst()
            switch action {
            case .connect(let side):
                connectAttempts.append(side)
                if refusing.contains(side) {
                    queue += link.connectFailed(now: now)
                } else {
                    let id = SessionID(nextSession)
                    nextSession += 1
                    _ = core.connect(id, side: side == .a ? .a : .b, now: now)
                    session = id
                    self.side = side
                    queue += link.connected(now: now)
                }
            case .send(let message):
                guard let session else { continue }
                var bytes = ByteBuffer()
                try! message.encode(into: &bytes)
                let decoded = try! GED188Message.decode(from: &bytes)!
                core.receive(decoded, from: session, now: now)
                queue += deliverOutput()
            case .close:
                if let session { core.disconnect(session) }
                session = nil
                queue += link.disconnected(now: now)
            case .apply(let message): applied.append(message)
            case .reconcile(let snapshot): reconciled.append(snapshot)
            case .linkUp(let side): ups.append(side)
            case .linkDown(let reason): downs.append(reason)
            case .answer(let tag, let outcome): answers.append((tag, outcome))
            }
        }
    }

    /// Moves the simulator's output to the link.
    mutating func deliverOutput() -> [CTILinkStateMachine.Action] {
        let output = core.takeOutput()
        var actions: [CTILinkStateMachine.Action] = []
        for (id, bytes) in output.sends where id == session {
            var buffer = bytes
            while let message = try! GED188Message.decode(from: &buffer) {
                actions += link.received(message, now: now)
            }
        }
        if output.closes.contains(where: { $0.session == session }) {
            session = nil
            actions += link.disconnected(now: now)
        }
        return actions
    }

    mutating func start() { perform(link.start(now: now)) }

    /// Advances model time in steps, ticking both sides.
    mutating func run(for duration: Duration, step: Duration = .milliseconds(10)) {
        let end = now + duration
        while now < end {
            now += step
            core.advance(to: now)
            perform(deliverOutput())
            perform(link.tick(now: now))
        }
    }

    /// The simulator's view of the link session's side going away (the side is taken offline).
    mutating func takeSideOffline(_ side: Side) {
        core.setSide(side, .offline)
        perform(deliverOutput())
    }
}
