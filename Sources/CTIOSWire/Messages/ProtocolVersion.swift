/// A version of the CIL ⇄ server protocol, as `hello` offers it and `welcome` chooses it.
///
/// Versions are whole numbers from 1. The framing, `hello`, `welcome` and `reject` are the same in every version
/// (so that any client and any server can at least agree that they disagree); everything else, the keyword table
/// included, belongs to the version chosen.
public struct ProtocolVersion: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(integerLiteral value: UInt16) { rawValue = value }

    public static func < (lhs: ProtocolVersion, rhs: ProtocolVersion) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "\(rawValue)" }

    public static let v1: ProtocolVersion = 1

    /// The version this build speaks best, and the one a client lists first.
    public static let current: ProtocolVersion = .v1

    /// Every version this build can speak.
    public static let supported: ClosedRange<ProtocolVersion> = .v1 ... .v1

    /// The version to answer a `hello` with: the highest one the client offers that `supported` holds, or `nil`
    /// (answer with ``rejection(clientVersions:supported:)``). The order of the client's list does not matter.
    public static func negotiate(
        clientVersions: [ProtocolVersion],
        supported: ClosedRange<ProtocolVersion> = supported
    ) -> ProtocolVersion? {
        clientVersions.filter { supported.contains($0) }.max()
    }

    /// The `reject` frame for a client none of whose versions is supported; the reason lists both sides' versions.
    public static func rejection(
        clientVersions: [ProtocolVersion],
        supported: ClosedRange<ProtocolVersion> = supported
    ) -> WireMessage {
        let offered = clientVersions.isEmpty ? "none" : clientVersions.map(\.description).joined(separator: ", ")
        let range = supported.lowerBound == supported.upperBound
            ? "\(supported.lowerBound)" : "\(supported.lowerBound) to \(supported.upperBound)"
        return .reject(
            code: .unsupportedVersion,
            reason: "no common protocol version: the client offers \(offered), this server speaks \(range)"
        )
    }
}
