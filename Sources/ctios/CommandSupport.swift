import ArgumentParser
import Logging
import NIOCore
import SystemdKit
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `host:port`, checked, for an option named `option`.
func parseHostPort(_ text: String, option: String) throws -> (host: String, port: Int) {
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port),
          colon != text.startIndex
    else {
        throw ValidationError("--\(option) '\(text)' is not host:port (for example 127.0.0.1:42027)")
    }
    return (String(text[..<colon]), port)
}

/// A socket address for `host:port`.
func parseAddress(_ text: String, option: String) throws -> SocketAddress {
    let (host, port) = try parseHostPort(text, option: option)
    do {
        return try SocketAddress.makeAddressResolvingHost(host, port: port)
    } catch {
        throw ValidationError("--\(option) '\(text)': cannot resolve \(host) (\(error))")
    }
}

/// The process's logger: structured entries to the journal when standard error is the journal (under systemd,
/// or under `ctios nodemgr` run by systemd), else text on standard error. Under the node manager every entry
/// carries the node and the child's name (`CTIOS_NODE`, `CTIOS_CHILD`).
func makeLogger(label: String, level: String) throws -> Logger {
    guard let parsed = Logger.Level(rawValue: level) else {
        throw ValidationError("--log-level '\(level)' is not one of trace, debug, info, notice, warning, error, critical")
    }
    var metadata: Logger.Metadata = [:]
    if let node = getenv("CTIOS_NODE") { metadata["node"] = "\(String(cString: node))" }
    if let child = getenv("CTIOS_CHILD") { metadata["child"] = "\(String(cString: child))" }
    let identifier = label.replacingOccurrences(of: ".", with: "-")
    var logger = Logger(label: label, factory: { SystemdLogging.makeHandler(label: $0, identifier: identifier, metadata: metadata) })
    logger.logLevel = parsed
    return logger
}
