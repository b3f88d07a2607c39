import ArgumentParser
import CIL
import Dispatch
import Foundation

/// `ctios monitor`: a monitor-mode application on the CIL.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "A monitor-mode session: live events for a filter, and its view of the objects as JSON.",
        discussion: """
            Connects to a CTI OS server (127.0.0.1:42028 unless --server says otherwise), sets monitor mode with
            --filter (`key=v1,v2;key2=v*`; the default sees everything), and prints every event as a readable line
            or, with --json, a JSON line. Its view (every object it holds, as `{"type":"view","objects":{…}}`) is
            printed on the `view` command, on SIGUSR1, and on exit. It runs until `quit` on standard input, SIGINT or
            SIGTERM, or --seconds.
            """
    )

    @Option(help: "The CTI OS server, host:port (Cisco's CtiosA, PortA).") var server = "127.0.0.1:42028"
    @Option(name: .customLong("server-b"), help: "The other server of a pair, host:port (CtiosB, PortB).") var serverB: String?
    @Option(help: "The monitor filter (Cisco's MessageFilter).") var filter = "UniqueObjectID=*"
    @Option(help: "Stop after this many seconds (0: run until quit or a signal).") var seconds = 0.0
    @Option(name: .customLong("heartbeat-ms"), help: "The heartbeat interval to ask for, in milliseconds.") var heartbeatMilliseconds = 250
    @Option(name: .customLong("connect-timeout"), help: "Seconds to keep trying the servers at start.") var connectTimeout = 10.0
    @Flag(help: "Print events and the view as JSON lines.") var json = false
    @Flag(name: .customLong("quiet"), help: "Do not print events (the view only).") var quiet = false

    func run() async throws {
        let output = AppOutput(json: json)
        let session = Session()
        let printer = EventPrinter(output: output)
        if !quiet { session.addEventListener(printer) }
        let profile = try cilProfile(server: server, serverB: serverB, heartbeatMilliseconds: heartbeatMilliseconds,
                                     connectTimeout: connectTimeout, clientName: "ctios monitor")
        // Signals first: a SIGUSR1 that comes as soon as the connection is reported must find its handler.
        let (stop, stopper) = AsyncStream<Void>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for (number, stops) in [(SIGUSR1, false), (SIGINT, true), (SIGTERM, true)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stops { stopper.yield() } else { output.jsonLine(ViewLine(session)) }
            }
            source.resume()
            sources.append(source)
        }
        do {
            try await session.connect(profile)
            try await session.setMessageFilter(filter)
        } catch {
            output.result("connect", .failure(error))
            throw ExitCode.failure
        }
        output.result("connect", .success([:]))

        let commands = Task {
            for await line in standardInputLines() {
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "view": output.jsonLine(ViewLine(session))
                case "quit", "exit": stopper.yield()
                case "": continue
                default: output.result(line, .failure(CILError(.unknownMethod, "commands: view, quit")))
                }
            }
        }
        let timer = seconds > 0 ? Task {
            try await Task.sleep(for: .milliseconds(Int64(seconds * 1_000)))
            stopper.yield()
        } : nil
        for await _ in stop { break }
        timer?.cancel()
        commands.cancel()
        session.removeEventListener(printer)
        output.jsonLine(ViewLine(session))
        for source in sources { source.cancel() }
        await session.disconnect()
    }
}

/// Prints every event.
final class EventPrinter: GenericEvents, Sendable {
    let output: AppOutput
    init(output: AppOutput) { self.output = output }
    func onEvent(_ event: CILEvent) { output.event(event) }
}
