import CTISimulator

/// One fault of a schedule: what happens, when, and for how long (a crashed server restarts, a paused one resumes,
/// a cut link heals, a stall or delay ends, when the duration is over).
public struct Fault: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// kill -9 of server 0 (A) or 1 (B); it restarts with no state after the duration.
        case crash(server: Int)
        /// SIGSTOP: nothing processed, sockets open; SIGCONT after the duration.
        case pause(server: Int)
        /// The peer link is partitioned: frames wait (as TCP retransmits) and dials fail until it heals.
        case cutPeerLink
        /// The server's CTI Server session is reset (both ends see it close at once).
        case dropCTILink(server: Int)
        /// The server's CTI Server session hangs: nothing arrives either way until it heals.
        case hangCTILink(server: Int)
        /// A connection (chosen when the fault starts, by `pick`) gets slow: each message waits longer.
        case delayConnection(pick: UInt64, extra: Duration)
        /// A connection stalls: nothing is delivered until it heals, then everything in order.
        case stallConnection(pick: UInt64)
        /// A connection is reset: both ends see it close at once; what was in flight is lost.
        case resetConnection(pick: UInt64)
    }

    public var at: Duration
    public var kind: Kind
    public var duration: Duration

    public init(at: Duration, kind: Kind, duration: Duration) {
        self.at = at
        self.kind = kind
        self.duration = duration
    }

    public var description: String {
        let when = "at \(Self.text(at))"
        let server = { (index: Int) in index == 0 ? "A" : "B" }
        switch kind {
        case .crash(let index): return "\(when): crash server \(server(index)), restart after \(Self.text(duration))"
        case .pause(let index): return "\(when): pause server \(server(index)) for \(Self.text(duration))"
        case .cutPeerLink: return "\(when): cut the peer link for \(Self.text(duration))"
        case .dropCTILink(let index): return "\(when): drop server \(server(index))'s CTI link"
        case .hangCTILink(let index): return "\(when): hang server \(server(index))'s CTI link for \(Self.text(duration))"
        case .delayConnection(let pick, let extra):
            return "\(when): delay connection #\(pick) by \(Self.text(extra)) for \(Self.text(duration))"
        case .stallConnection(let pick): return "\(when): stall connection #\(pick) for \(Self.text(duration))"
        case .resetConnection(let pick): return "\(when): reset connection #\(pick)"
        }
    }

    static func text(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return "\(milliseconds) ms"
    }
}

/// The faults of one run, drawn from its seed: for each round, a few faults at random times in the round's chaos
/// window (they may overlap), each healed by the end of the window.
public struct FaultSchedule: Sendable, Hashable, CustomStringConvertible {
    public var rounds: [[Fault]]

    public init(rounds: [[Fault]]) { self.rounds = rounds }

    /// Draws the schedule of `seed`. Round `r`'s window starts at `start(r)` and lasts `options.chaosDuration`.
    public static func draw(seed: UInt64, options: SimulationOptions, start: (Int) -> Duration) -> FaultSchedule {
        var random = SeededRandom(seed: seed ^ 0xFA17_5EED_0000_0000)
        var rounds: [[Fault]] = []
        for round in 0..<options.rounds {
            let window = options.chaosDuration
            let count = Int.random(in: options.faultsPerRound, using: &random)
            var faults: [Fault] = []
            for _ in 0..<count {
                let kind = drawKind(&random)
                let latest = window - .milliseconds(500)
                let offset = random.uniform(.milliseconds(200)...max(.milliseconds(200), latest - .seconds(1)))
                let longest = max(.milliseconds(100), latest - offset)
                var duration = random.uniform(.milliseconds(50)...min(.seconds(4), longest))
                switch kind {
                case .dropCTILink, .resetConnection: duration = .zero
                default: break
                }
                faults.append(Fault(at: start(round) + offset, kind: kind, duration: duration))
            }
            rounds.append(faults.sorted { $0.at < $1.at })
        }
        return FaultSchedule(rounds: rounds)
    }

    private static func drawKind(_ random: inout SeededRandom) -> Fault.Kind {
        let server = Int.random(in: 0...1, using: &random)
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<14: return .crash(server: server)
        case 14..<26: return .pause(server: server)
        case 26..<40: return .cutPeerLink
        case 40..<50: return .dropCTILink(server: server)
        case 50..<58: return .hangCTILink(server: server)
        case 58..<72: return .delayConnection(pick: random.next(), extra: random.uniform(.milliseconds(20)...(.milliseconds(800))))
        case 72..<86: return .stallConnection(pick: random.next())
        default: return .resetConnection(pick: random.next())
        }
    }

    public var description: String {
        rounds.enumerated().map { "round \($0.offset + 1): " + ($0.element.isEmpty ? "no faults" : $0.element.map(\.description).joined(separator: "; ")) }
            .joined(separator: "\n")
    }
}
