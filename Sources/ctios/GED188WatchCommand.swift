import ArgumentParser
import Foundation
import GED188
import NIOCore
import NIOPosix

extension GED188Command {
    /// Opens a session to a CTI Server and prints what it sends.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a bridge (ALL_EVENTS) session to a CTI Server and print its messages, one line each.",
            discussion: """
                Lines are `MESSAGE_NAME field=value …` (or JSON with --json). Stops after --seconds, or with Ctrl-C.
                Heartbeats are sent every 5 seconds so the session stays open.
                """
        )

        @Option(help: "The CTI Server, host:port.") var server = "127.0.0.1:42027"
        @Option(help: "Stop after this many seconds (0: run until interrupted).") var seconds = 0.0
        @Option(name: .customLong("client-id"), help: "The ClientID to open the session with.") var clientID = "ctios-watch"
        @Flag(help: "Print each message as JSON.") var json = false

        func run() throws {
            let address = try parseAddress(server, option: "server")
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            defer { try? group.syncShutdownGracefully() }
            let printer = MessagePrinter(json: json)
            let channel = try ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(GED188FrameDecoder()))
                        try channel.pipeline.syncOperations.addHandler(printer)
                    }
                }
                .connect(to: address).wait()
            let open = OpenReq(
                invokeID: 1, idleTimeout: 20, peripheralID: GED188Protocol.nullID, servicesRequested: [.allEvents],
                callMsgMask: CallMessageMask(rawValue: 0x1F_FFFF), agentStateMask: AgentStateMask(rawValue: 0x3FFF),
                clientID: clientID, clientPassword: "")
            try channel.writeAndFlush(try open.encoded()).wait()
            let heartbeat = channel.eventLoop.scheduleRepeatedTask(initialDelay: .seconds(5), delay: .seconds(5)) { task in
                channel.writeAndFlush(try! HeartbeatReq(invokeID: 2).encoded(), promise: nil)
            }
            if seconds > 0 {
                channel.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1_000))) {
                    heartbeat.cancel()
                    channel.close(promise: nil)
                }
            }
            try channel.closeFuture.wait()
        }
    }
}

/// Prints each decoded message on one line.
final class MessagePrinter: ChannelInboundHandler, Sendable {
    typealias InboundIn = GED188Frame
    let json: Bool

    init(json: Bool) { self.json = json }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        do {
            let message = try frame.decode()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                encoder.userInfo[Secret.redactKey] = true
                print(String(decoding: try encoder.encode(message), as: UTF8.self))
            } else {
                print(Self.line(message))
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        FileHandle.standardError.write(Data("connection error: \(error)\n".utf8))
        context.close(promise: nil)
    }

    /// `AGENT_STATE_EVENT agentID=1011 agentState=TALKING …`: the name and the fields that are set.
    static func line(_ message: GED188Message) -> String {
        guard let body = message.body else { return "type \(message.type.rawValue) (unknown)" }
        let fields = Mirror(reflecting: body).children.compactMap { child -> String? in
            guard let label = child.label, label != "unknownFields" else { return nil }
            let value = child.value
            if case Optional<Any>.none = value as Any? { return nil }
            let text = String(describing: value)
            if text == "nil" || text == "[]" { return nil }
            return "\(label)=\(text.replacingOccurrences(of: "Optional(", with: "").replacingOccurrences(of: ")", with: ""))"
        }
        return ([message.type.name ?? "type \(message.type.rawValue)"] + fields).joined(separator: " ")
    }
}
