// The five-minute screen pop (Docs/CIL.md): an agent logs in, goes ready, and every call that rings at the agent's
// phone pops up the caller's number. Run it against `ctios server`:
//
//     swift run ScreenPop --server 127.0.0.1:42028 --agent 1004 --password pw1004 --instrument 2004
//
// `--calls N` stops after N calls (the CI test uses it); by default it runs until interrupted.

import CIL
#if canImport(Glibc)
import Glibc
#endif

/// Writes one line to standard error.
func complain(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// A wrong command line: say what was wrong and how to call it, and exit 2.
func usage(_ problem: String) -> Never {
    complain("ScreenPop: \(problem)\nusage: ScreenPop [--server HOST:PORT] [--agent ID] [--password PW] [--instrument EXT] [--calls N]")
    exit(2)
}

var settings = (server: "127.0.0.1:42028", agent: "1004", password: "pw1004", instrument: "2004", calls: Int.max)
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    guard let value = arguments.popFirst() else { usage("\(option) needs a value") }
    switch option {
    case "--server": settings.server = value
    case "--agent": settings.agent = value
    case "--password": settings.password = value
    case "--instrument": settings.instrument = value
    case "--calls":
        guard let calls = Int(value), calls > 0 else { usage("--calls wants a positive number, not \(value)") }
        settings.calls = calls
    default: usage("unknown option \(option)")
    }
}
let parts = settings.server.split(separator: ":")
guard parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port) else {
    usage("--server wants HOST:PORT, not \(settings.server)")
}
let host = String(parts[0])

// The session: one connection to CTI OS, the objects it serves, their events.
let session = Session()
do {
    // 1. Its events (asked for before anything happens, so that none is missed).
    let events = session.events()

    // 2. Connect, set agent mode, log in, go ready.
    try await session.connect(ConnectionProfile(ctiosA: host, portA: port))
    let agent = try await session.setAgent(agentID: settings.agent, instrument: settings.instrument)
    if agent.agentState == .logout {
        try await agent.login(password: settings.password)
    }
    try await agent.setAgentState(.available)
    print("agent \(settings.agent) is ready on \(settings.instrument); waiting for calls")

    // 3. Pop every call that rings.
    var pops = 0
    for try await event in events where event.name == .onCallDelivered && !event.isMonitored {
        let caller = event.arguments.string(.ani) ?? "unknown"
        let order = event.arguments.string(.callVariable(1)).map { " (CallVariable1: \($0))" } ?? ""
        print("screen pop: call from \(caller)\(order)")
        pops += 1
        if pops >= settings.calls { break }
    }
} catch {
    // A refused login, a server that is not there: the error says which, with Cisco's code where there is one.
    complain("ScreenPop: \(error)")
    await session.disconnect()
    exit(1)
}
await session.disconnect()
