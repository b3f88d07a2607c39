import ArgumentParser
import CIL
import CTIOSServer
import Foundation
import NIOConcurrencyHelpers

// What `ctios agent` and `ctios monitor` share: the connection profile from options, one writer for standard
// output (events come from the session's thread, results from the command loop), events as readable lines or JSON,
// and standard input as an async sequence of lines.

/// The profile for `--server` and `--server-b`.
func cilProfile(server: String, serverB: String?, heartbeatMilliseconds: Int, connectTimeout: Double,
                clientName: String) throws -> ConnectionProfile {
    let (host, port) = try parseHostPort(server, option: "server")
    let b = try serverB.map { try parseHostPort($0, option: "server-b") }
    return ConnectionProfile(serverA: ServerAddress(host: host, port: port),
                             serverB: b.map { ServerAddress(host: $0.host, port: $0.port) },
                             heartbeat: .milliseconds(max(50, heartbeatMilliseconds)),
                             connectTimeout: .milliseconds(Int64(max(0.1, connectTimeout) * 1_000)), clientName: clientName)
}

/// Lines to standard output, whole and flushed, from any thread.
final class AppOutput: Sendable {
    let json: Bool
    private let lock = NIOLock()

    init(json: Bool) { self.json = json }

    func line(_ text: String) {
        lock.withLock { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    }

    /// Raw text (a screen), written at once.
    func write(_ text: String) {
        lock.withLock { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    /// One JSON object per line, keys sorted.
    func jsonLine(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return }
        line(String(decoding: data, as: UTF8.self))
    }

    /// An event: `{"type":"event",...}` or `OnCallDelivered call.5000.1.2004 ANI=5551234 …`.
    func event(_ event: CILEvent) {
        if json {
            jsonLine(EventLine(event))
        } else {
            line(Self.readable(event))
        }
    }

    /// A command's outcome.
    func result(_ command: String, _ outcome: Result<Arguments, any Error>) {
        switch outcome {
        case .success(let arguments):
            if json { jsonLine(ResultLine(command: command, ok: true, arguments: ArgumentsJSON(arguments))) } else { line("ok \(command)") }
        case .failure(let error as CILError):
            if json {
                jsonLine(ResultLine(command: command, ok: false, code: error.code.rawValue, reason: error.reason,
                                    ctiFailureCode: error.ctiFailureCode))
            } else {
                line("error \(command): \(error)")
            }
        case .failure(let error):
            if json { jsonLine(ResultLine(command: command, ok: false, code: "Error", reason: "\(error)")) } else { line("error \(command): \(error)") }
        }
    }

    /// `12:00:01.250 OnCallDelivered call.5000.1.2004 State=ALERTING ANI=5551234 …`, stamped with when it came.
    static func readable(_ event: CILEvent, at date: Date = Date()) -> String {
        var text = "\(timestamp(date)) \(event.name)"
        if let id = event.arguments.string(.uniqueObjectID) { text += " " + id }
        if event.isMonitored { text += " (monitored)" }
        let shown: [Keyword] = [.agentState, .reasonCode, .localConnectionState, .ani, .dnis, .callVariable(1),
                                .buttonEnablementMask, .failureCode, .systemEventID, .errorMessage, .duration]
        for key in shown {
            guard let value = event.arguments[key] else { continue }
            switch key {
            case .agentState: text += " AgentState=\(AgentState(rawValue: UInt16(truncatingIfNeeded: value.integer ?? 9)))"
            case .localConnectionState:
                text += " State=\(LocalConnectionState(rawValue: UInt16(truncatingIfNeeded: value.integer ?? 0)))"
            case .buttonEnablementMask: text += " Buttons=\(ButtonMask(rawValue: UInt32(truncatingIfNeeded: value.integer ?? 0)))"
            default: text += " \(key.name)=\(value.string ?? "\(value)")"
            }
        }
        return text
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss.SSS"
        return formatter.string(from: date)
    }

    struct EventLine: Encodable {
        var type = "event"
        var name: String
        var monitored: Bool
        var arguments: ArgumentsJSON
        init(_ event: CILEvent) {
            name = event.name.rawValue
            monitored = event.isMonitored
            arguments = ArgumentsJSON(event.arguments)
        }
    }

    struct ResultLine: Encodable {
        var type = "result"
        var command: String
        var ok: Bool
        var arguments: ArgumentsJSON?
        var code: String?
        var reason: String?
        var ctiFailureCode: UInt32?
    }
}

/// The whole cache as JSON: `{"type":"view","objects":{"agent.5000.1001":{…},…}}` (each object as the server's
/// `/v1/state` shows it).
struct ViewLine: Encodable {
    var type = "view"
    var connection: String
    var objects: [String: ArgumentsJSON]

    init(_ session: Session) {
        connection = "\(session.connectionState)"
        objects = Dictionary(uniqueKeysWithValues: session.allObjects().map { ($0.key.description, ArgumentsJSON($0.value)) })
    }
}

/// Standard input's lines, read on a thread of their own so that no task blocks on a read.
func standardInputLines() -> AsyncStream<String> {
    AsyncStream { continuation in
        let thread = Thread {
            while let line = readLine(strippingNewline: true) { continuation.yield(line) }
            continuation.finish()
        }
        thread.start()
    }
}
