import ArgumentParser

/// `ctios`: one executable, one subcommand per process kind or tool.
@main
struct CTIOS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctios",
        abstract: "A fault-tolerant CTI object server, its client library's tools, and a CTI Server simulator.",
        version: CTIOSVersion.description,
        subcommands: [VersionCommand.self, GED188Command.self, SimCommand.self, ServerCommand.self, AgentCommand.self, MonitorCommand.self, NodeManagerCommand.self, BenchCommand.self]
    )
}
