import Foundation
import Yams

/// The project's one configuration format: YAML files decoded into `Codable` settings, for every subcommand.
///
/// Loading is strict: a key the settings do not define, a value of the wrong type or a missing required key is a
/// ``ConfigurationFileError`` that names the file and the key (`agents[3].extension`), never a silently ignored
/// line. Keys that are left out take the settings' defaults.
public enum ConfigurationFile {
    /// Reads and decodes the YAML file at `path`.
    public static func load<T: Codable>(_ type: T.Type, from path: String) throws(ConfigurationFileError) -> T {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationFileError(source: path, key: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try decode(type, yaml: text, source: path)
    }

    /// Decodes YAML text; `source` names it in errors.
    public static func decode<T: Codable>(_ type: T.Type, yaml: String, source: String) throws(ConfigurationFileError) -> T {
        let value: T
        let input: Node?
        do {
            input = try Yams.compose(yaml: yaml)
            value = try YAMLDecoder().decode(T.self, from: yaml.isEmpty ? "{}" : yaml)
        } catch let error as DecodingError {
            throw ConfigurationFileError(source: source, decodingError: error)
        } catch {
            throw ConfigurationFileError(source: source, key: nil, message: "not valid YAML: \(error)")
        }
        // Every key given must be one the settings know: encode what was decoded and look for what got lost.
        if let input {
            do {
                let known = try Yams.compose(yaml: try YAMLEncoder().encode(value))
                if let unknown = firstUnknownKey(in: input, known: known, path: "") {
                    throw ConfigurationFileError(source: source, key: unknown, message: "unknown key")
                }
            } catch let error as ConfigurationFileError {
                throw error
            } catch {
                throw ConfigurationFileError(source: source, key: nil, message: "cannot check the keys: \(error)")
            }
        }
        return value
    }

    private static func firstUnknownKey(in input: Node, known: Node?, path: String) -> String? {
        switch input {
        case .mapping(let mapping):
            let knownMapping = known?.mapping
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                guard let knownValue = knownMapping?[key] else {
                    if case .scalar(let scalar) = value, scalar.string == "null" || scalar.string == "~" || scalar.string.isEmpty {
                        continue
                    }
                    return childPath
                }
                if let unknown = firstUnknownKey(in: value, known: knownValue, path: childPath) { return unknown }
            }
            return nil
        case .sequence(let sequence):
            let knownSequence = known?.sequence
            for (index, element) in sequence.enumerated() {
                let knownElement = knownSequence.flatMap { index < $0.count ? $0[index] : nil }
                if let unknown = firstUnknownKey(in: element, known: knownElement, path: "\(path)[\(index)]") { return unknown }
            }
            return nil
        default:
            return nil
        }
    }
}

/// A configuration file could not be used; the description names the file and the key.
public struct ConfigurationFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (or other source) at fault.
    public var source: String
    /// The key at fault, as a path (`traffic.callsPerSecond`, `agents[3].extension`), when one is.
    public var key: String?
    public var message: String

    public init(source: String, key: String?, message: String) {
        self.source = source
        self.key = key
        self.message = message
    }

    init(source: String, decodingError: DecodingError) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { path, key in
                if let index = key.intValue { return path + "[\(index)]" }
                return path.isEmpty ? key.stringValue : path + "." + key.stringValue
            }
        }
        self.source = source
        switch decodingError {
        case .keyNotFound(let key, let context):
            self.key = path(context.codingPath + [key])
            self.message = "required key missing"
        case .typeMismatch(let type, let context):
            self.key = path(context.codingPath)
            self.message = "expected \(Self.describe(type))"
        case .valueNotFound(let type, let context):
            self.key = path(context.codingPath)
            self.message = "expected \(Self.describe(type)), found nothing"
        case .dataCorrupted(let context):
            self.key = context.codingPath.isEmpty ? nil : path(context.codingPath)
            self.message = context.debugDescription
        @unknown default:
            self.key = nil
            self.message = "\(decodingError)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Double.Type, is Float.Type: "a number"
        case is Int.Type, is UInt32.Type, is UInt16.Type, is UInt64.Type, is Int64.Type, is Int32.Type: "a whole number"
        default: "\(type)"
        }
    }

    public var description: String {
        if let key { return "\(source): configuration key \(key): \(message)" }
        return "\(source): \(message)"
    }
}
