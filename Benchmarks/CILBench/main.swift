// The CIL's figures (Scripts/bench-cil.sh, Docs/Performance.md "CIL"): how many events per second one Session
// absorbs from a socket and dispatches, to a listener and to an AsyncSequence; what decoding and the pure
// SessionEngine cost alone; memory per cached agent and call.
//
//   CILBench [tcp|stream|engine|memory|all] [--batches N] [--workload agent-state|call-flow] [--repeat R]
import CIL
#if canImport(Glibc)
import Glibc
#endif

/// 1234567.8 → `1,234,568`.
func number(_ value: Double) -> String {
    let rounded = Int(value.rounded())
    let digits = Array(String(abs(rounded)))
    var text = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
        text.append(digit)
    }
    return rounded < 0 ? "-" + text : text
}

/// Nanoseconds per item, whole.
func per(_ nanoseconds: UInt64, _ count: Int) -> String { number(Double(nanoseconds) / Double(count)) }

var what = "all"
var batches = 2_000_000
var workloads = Workload.allCases
var repeats = 3
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "tcp", "stream", "engine", "memory", "all": what = argument
    case "--batches": batches = Int(arguments.popFirst() ?? "") ?? batches
    case "--repeat": repeats = Int(arguments.popFirst() ?? "") ?? repeats
    case "--workload":
        guard let workload = Workload(rawValue: arguments.popFirst() ?? "") else {
            print("--workload: agent-state or call-flow"); exit(2)
        }
        workloads = [workload]
    default:
        print("usage: CILBench [tcp|stream|engine|memory|all] [--batches N] [--workload agent-state|call-flow] [--repeat R]")
        exit(2)
    }
}

/// Runs `body` `count` times: the median result by `rate`, and every result.
func best<T>(_ count: Int, _ body: () async throws -> T, by rate: (T) -> Double) async throws -> (T, [T]) {
    var results: [T] = []
    for _ in 0..<count { results.append(try await body()) }
    let sorted = results.sorted { rate($0) > rate($1) }
    return (sorted[sorted.count / 2], results)
}

/// `412,345 (91 %)`: a TCP run's rate and how much of a core the session's thread had.
func rateAndBusy(_ result: TCPResult) -> String {
    guard let cpu = result.loopCPUNanoseconds else { return number(result.eventsPerSecond) }
    return "\(number(result.eventsPerSecond)) (\(number(Double(cpu) / Double(result.wallNanoseconds) * 100)) %)"
}

do {
    if what == "engine" || what == "all" {
        for workload in workloads {
            let (result, _) = try await best(repeats, { try EngineBench.run(workload, batches: batches) },
                                             by: { Double($0.events) / Double($0.bothNanoseconds) })
            let events = Double(result.events), frames = Double(result.batches)
            let template = try workload.template()
            print("engine \(workload.rawValue): \(result.batches) batches of \(template.bytes.readableBytes / template.frames) bytes on average, "
                  + "\(result.events) events (median of \(repeats); CPU time of the thread)")
            print("  decode only:           \(number(frames / Double(result.decodeNanoseconds) * 1e9)) batches/s, \(per(result.decodeNanoseconds, result.batches)) ns/batch")
            print("  engine only (decoded): \(number(events / Double(result.applyNanoseconds) * 1e9)) events/s, \(per(result.applyNanoseconds, result.events)) ns/event")
            print("  decode + engine:       \(number(events / Double(result.bothNanoseconds) * 1e9)) events/s, \(per(result.bothNanoseconds, result.events)) ns/event")
        }
    }
    if what == "tcp" || what == "all" {
        for workload in workloads {
            let (result, all) = try await best(repeats, { try await SessionBench.run(workload, batches: batches, stream: false) },
                                               by: \.eventsPerSecond)
            let cpu = result.loopCPUNanoseconds.map { Double($0) / Double(result.wallNanoseconds) * 100 } ?? 0
            print("session over TCP, listener, \(workload.rawValue): **\(number(result.eventsPerSecond)) events/s** "
                  + "(\(number(result.batchesPerSecond)) batches/s; median of \(all.map(rateAndBusy).joined(separator: " / "))); "
                  + "session loop thread busy \(number(cpu)) %, \(per(result.loopCPUNanoseconds ?? 0, result.events)) ns CPU per event")
        }
    }
    if what == "stream" || what == "all" {
        for workload in workloads {
            do {
                let (result, all) = try await best(repeats, { try await SessionBench.run(workload, batches: batches, stream: true) },
                                                   by: \.eventsPerSecond)
                print("session over TCP, events() stream (default buffer 100,000), \(workload.rawValue): **\(number(result.eventsPerSecond)) events/s** (median of \(all.map { number($0.eventsPerSecond) }.joined(separator: " / ")))")
            } catch {
                print("session over TCP, events() stream (default buffer 100,000), \(workload.rawValue): \(error)")
                let (result, all) = try await best(repeats, {
                    try await SessionBench.run(workload, batches: batches, stream: true, bufferingLimit: batches * 3)
                }, by: \.eventsPerSecond)
                print("session over TCP, events() stream (buffer large enough for the run), \(workload.rawValue): **\(number(result.eventsPerSecond)) events/s** (median of \(all.map { number($0.eventsPerSecond) }.joined(separator: " / ")))")
            }
        }
    }
    if what == "memory" || what == "all" {
        let agents = try MemoryBench.run(agents: 10_000, calls: 0)
        let calls = try MemoryBench.run(agents: 0, calls: 10_000)
        let both = try MemoryBench.run(agents: 2_000, calls: 2_000)
        for result in [agents, calls, both] {
            let objects = Double(result.agents + result.calls)
            print("memory, \(result.agents) agents + \(result.calls) calls cached: malloc \(number(Double(result.mallocBytes) / objects)) B/object, "
                  + "resident \(number(Double(result.residentBytes) / objects)) B/object (total malloc \(number(Double(result.mallocBytes) / 1024)) KiB)")
        }
    }
} catch {
    print("CILBench: \(error)")
    exit(1)
}
