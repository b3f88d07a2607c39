import ArgumentParser

/// The object server's benchmark (Docs/Performance.md, "Object server"); Scripts/bench-server.sh runs every part.
@main
struct ServerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ServerBench",
        abstract: "ctios server under load: deliveries/s, latency, memory; and the NATS peer.",
        subcommands: [LoadCommand.self, MemoryCommand.self, NATSCommand.self]
    )
}
