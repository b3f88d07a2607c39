// A small real child program for the node manager's process tests: it speaks the systemd notification protocol
// through SystemdKit, exactly as `ctios sim` and `ctios server` do, and misbehaves on request.
//
//   NodeManagerTestChild [--ready-after MS] [--never-ready] [--extend MS] [--exit-after MS [--exit-code N]]
//                        [--crash-after MS] [--hang-after MS] [--ignore-abort] [--ignore-term] [--serve]
//                        [--report PATH] [--status TEXT]
//
// Times count from the start of the process; --exit-after, --crash-after and --hang-after from READY=1.
// --serve answers every connection on each inherited socket (LISTEN_FDS) with "<pid>\n".
// --report writes one line of `KEY=value` facts about its start (pid and environment) to PATH.
import SystemdKit
#if canImport(Glibc)
import Glibc
#endif

let (options, flags) = {
    var options: [String: String] = [:]
    var flags: Set<String> = []
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--never-ready", "--ignore-abort", "--ignore-term", "--serve": flags.insert(argument)
        default: options[argument] = arguments.popFirst() ?? ""
        }
    }
    return (options, flags)
}()

func milliseconds(_ key: String, in options: [String: String]) -> Int64? { options[key].flatMap { Int64($0) } }
func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Int64(time.tv_sec) * 1_000 + Int64(time.tv_nsec) / 1_000_000
}

let start = now()
let notifier = SystemdNotifier()
let sockets = (try? InheritedSockets.take()) ?? []

if let path = options["--report"] {
    func env(_ name: String) -> String { getenv(name).map { String(cString: $0) } ?? "" }
    let facts = [
        "t=\(start)", "pid=\(getpid())", "pgid=\(getpgrp())", "sockets=\(sockets.map(\.name).joined(separator: ","))",
        "listening=\(sockets.allSatisfy(\.isListeningStreamSocket))",
        "watchdogPingMs=\(notifier.watchdogPingInterval.map { $0.components.seconds * 1_000 + $0.components.attoseconds / 1_000_000_000_000_000 } ?? -1)",
        "SWIFT_BACKTRACE=\(env("SWIFT_BACKTRACE"))", "CTIOS_NODE=\(env("CTIOS_NODE"))", "CTIOS_CHILD=\(env("CTIOS_CHILD"))",
        "NOTIFY_SOCKET=\(env("NOTIFY_SOCKET"))", "LISTEN_FDS=\(env("LISTEN_FDS"))",
    ].joined(separator: " ") + "\n"
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    _ = facts.withCString { write(fd, $0, strlen($0)) }
    close(fd)
}

if flags.contains("--ignore-abort") { signal(SIGABRT, SIG_IGN) }
if flags.contains("--ignore-term") { signal(SIGTERM, SIG_IGN) }
if let text = options["--status"] { try? notifier.status(text) }
if let extra = milliseconds("--extend", in: options) { try? notifier.extendTimeout(by: .milliseconds(extra)) }

let readyAt: Int64? = flags.contains("--never-ready") ? nil : start + (milliseconds("--ready-after", in: options) ?? 0)
var readySent = false
var lastPing: Int64 = 0
let pingEvery: Int64 = notifier.watchdogPingInterval.map { max(1, $0.components.seconds * 1_000 + $0.components.attoseconds / 1_000_000_000_000_000) } ?? 100

while true {
    let current = now()
    if let readyAt, !readySent, current >= readyAt {
        try? notifier.ready(status: "test child ready")
        readySent = true
    }
    if readySent, let readyAt {
        let sinceReady = current - readyAt
        if let after = milliseconds("--exit-after", in: options), sinceReady >= after {
            exit(Int32(options["--exit-code"] ?? "0") ?? 0)
        }
        if let after = milliseconds("--crash-after", in: options), sinceReady >= after {
            signal(SIGSEGV, SIG_DFL)
            raise(SIGSEGV)
        }
        if let after = milliseconds("--hang-after", in: options), sinceReady >= after {
            // Hung: no more pings, no more answers, for ever.
            while true { pause() }
        }
    }
    if notifier.watchdogPingInterval != nil, readySent || readyAt == nil, current - lastPing >= pingEvery {
        try? notifier.watchdog()
        lastPing = current
    }
    // Wait a little, answering connections meanwhile.
    var pollSet = flags.contains("--serve") ? sockets.map { pollfd(fd: $0.fileDescriptor, events: Int16(POLLIN), revents: 0) } : []
    _ = poll(&pollSet, nfds_t(pollSet.count), 2)
    for entry in pollSet where entry.revents != 0 {
        let connection = accept(entry.fd, nil, nil)
        if connection >= 0 {
            let answer = "\(getpid())\n"
            _ = answer.withCString { write(connection, $0, strlen($0)) }
            close(connection)
        }
    }
}
