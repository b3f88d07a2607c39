#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one JSON dialect of the admin surface: keys sorted (so equal values give equal bytes), slashes unescaped.
enum AdminJSON {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Decodes a request body; an empty body is `nil`. Throws a 400 `invalid_json` naming the route and the
    /// place in the document at fault (never the body's contents).
    static func decodeBody<Body: Decodable>(_ type: Body.Type, from bytes: [UInt8], request: AdminRequest) throws(AdminHTTPError) -> Body? {
        if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) {
            return nil
        }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw AdminHTTPError(.invalidJSON, "\(request.method) \(request.path): \(Self.describe(error))")
        } catch {
            throw AdminHTTPError(.invalidJSON, "\(request.method) \(request.path): the body could not be decoded")
        }
    }

    /// A one-line summary of a decoding error: where in the document, and what was expected.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey], appending key: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (key.map { [$0] } ?? [])
            guard !keys.isEmpty else { return "the top level" }
            return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "the body is not valid JSON"
        case .dataCorrupted(let context):
            return "invalid value at '\(path(context.codingPath))': \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "missing key '\(path(context.codingPath, appending: key))'"
        case .typeMismatch(let type, let context):
            return "wrong type at '\(path(context.codingPath))': expected \(type)"
        case .valueNotFound(let type, let context):
            return "missing value at '\(path(context.codingPath))': expected \(type)"
        @unknown default:
            return "the body does not have the expected shape"
        }
    }
}
