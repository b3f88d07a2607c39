import ArgumentParser
import CIL
import Foundation

/// `ctios agent`: a terminal agent desktop on the CIL.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "An agent desktop in the terminal: the agent's state, calls, call data and buttons; commands on standard input.",
        discussion: """
            Connects to a CTI OS server (127.0.0.1:42028 unless --server says otherwise), sets agent mode for --agent,
            and reads commands, one per line, from standard input:

            \(AgentDesktop.help)

            On a terminal it shows a live screen; otherwise it prints one line per event and per command
            (`ok <command>` or `error <command>: <code>: <reason>`), or JSON lines with --json. It exits at the end
            of its input or on `quit`.
            """
    )

    @Option(help: "The CTI OS server, host:port (Cisco's CtiosA, PortA).") var server = "127.0.0.1:42028"
    @Option(name: .customLong("server-b"), help: "The other server of a pair, host:port (CtiosB, PortB).") var serverB: String?
    @Option(help: "The agent's ID.") var agent: String
    @Option(help: "The agent's instrument (extension); the agent's own by default.") var instrument = ""
    @Option(help: "The agent's peripheral.") var peripheral: UInt32 = 5000
    @Option(help: "Log in at start with this password (or use the login command).") var password: String?
    @Option(name: .customLong("heartbeat-ms"), help: "The heartbeat interval to ask for, in milliseconds.") var heartbeatMilliseconds = 250
    @Option(name: .customLong("connect-timeout"), help: "Seconds to keep trying the servers at start.") var connectTimeout = 10.0
    @Flag(help: "Print events and results as JSON lines.") var json = false

    func run() async throws {
        let output = AppOutput(json: json)
        let session = Session()
        let screen = !json && isatty(STDOUT_FILENO) == 1
        let desktop = AgentDesktop(session: session, output: output, screen: screen)
        session.addEventListener(desktop)
        let profile = try cilProfile(server: server, serverB: serverB, heartbeatMilliseconds: heartbeatMilliseconds,
                                     connectTimeout: connectTimeout, clientName: "ctios agent \(agent)")
        do {
            try await session.connect(profile)
            try await session.setAgent(peripheralID: peripheral, agentID: agent, instrument: instrument)
        } catch {
            output.result("connect", .failure(error))
            throw ExitCode.failure
        }
        output.result("connect", .success([:]))
        if let password {
            _ = await desktop.execute("login \(password)", echo: "login")
        }
        desktop.render()
        for await line in standardInputLines() {
            if await !desktop.execute(line) { break }
        }
        await session.disconnect()
    }
}
