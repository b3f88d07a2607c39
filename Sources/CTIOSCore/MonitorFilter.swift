import CTIOSWire

/// A monitor-mode filter in CTI OS syntax: `key=v1,v2;key2=v*`.
///
/// Clauses are separated by `;` and all must match (AND); a clause's values are separated by `,` and any may match
/// (OR). Keys are case-insensitive and trimmed, as Arguments' keys are; values are compared as text (an integer by
/// its decimal digits, a boolean as `true`/`1` or `false`/`0`), case-sensitively. A value ending in `*` matches
/// every value that starts with what precedes it (`*` alone: any value, as long as the key is there). An array
/// property matches when one of its elements does; a nested set never matches. One trailing `;` is allowed.
///
/// Examples: `MessageID=30`, `UniqueObjectID=agent.5000.1004`, `AgentID=1004,1005;AgentState=3`,
/// `ConnectionDeviceID=20*`.
public struct MonitorFilter: Hashable, Sendable, CustomStringConvertible {
    /// One value of a clause.
    public enum Pattern: Hashable, Sendable, CustomStringConvertible {
        /// The value, exactly.
        case exact(String)
        /// Any value that starts with this (written with a trailing `*`).
        case prefix(String)

        public var description: String {
            switch self {
            case .exact(let value): value
            case .prefix(let start): start + "*"
            }
        }

        func matches(_ text: String) -> Bool {
            switch self {
            case .exact(let value): text == value
            case .prefix(let start): text.hasPrefix(start)
            }
        }
    }

    /// `key=v1,v2`: the key must have one of the values.
    public struct Clause: Hashable, Sendable, CustomStringConvertible {
        /// The key, as written (trimmed).
        public var key: String
        /// The values, any of which may match.
        public var values: [Pattern]

        public var description: String { key + "=" + values.map(\.description).joined(separator: ",") }
    }

    /// The clauses, in the order written.
    public let clauses: [Clause]

    /// Parses a filter.
    /// - Throws: ``MonitorFilterError``, naming the part at fault and where it starts.
    public init(_ text: String) throws(MonitorFilterError) {
        var clauses: [Clause] = []
        let parts = Self.split(text, on: ";")
        guard parts.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else {
            throw MonitorFilterError(.empty, part: text, offset: 0, "the filter has no clause")
        }
        for (index, part) in parts.enumerated() {
            let clauseText = part.text
            if clauseText.allSatisfy(\.isWhitespace) {
                if index == parts.count - 1 { continue }
                throw MonitorFilterError(.emptyClause, part: clauseText, offset: part.offset,
                                         "clause \(index + 1) is empty (two ';' in a row?)")
            }
            guard let equals = clauseText.firstIndex(of: "=") else {
                throw MonitorFilterError(.missingEquals, part: clauseText, offset: part.offset,
                                         "clause '\(Self.trim(clauseText))' has no '=' (write key=value)")
            }
            let key = Self.trim(clauseText[..<equals])
            guard !key.isEmpty else {
                throw MonitorFilterError(.emptyKey, part: clauseText, offset: part.offset,
                                         "clause '\(Self.trim(clauseText))' has no key before '='")
            }
            guard !clauses.contains(where: { $0.key.lowercased() == key.lowercased() }) else {
                throw MonitorFilterError(.duplicateKey, part: clauseText, offset: part.offset,
                                         "key '\(key)' appears twice (put its values in one clause: \(key)=a,b)")
            }
            let valuesText = String(clauseText[clauseText.index(after: equals)...])
            let valuesOffset = part.offset + clauseText.distance(from: clauseText.startIndex, to: equals) + 1
            var values: [Pattern] = []
            for value in Self.split(valuesText, on: ",") {
                let trimmed = Self.trim(value.text)
                guard !trimmed.isEmpty else {
                    throw MonitorFilterError(.emptyValue, part: clauseText, offset: valuesOffset + value.offset,
                                             "clause '\(Self.trim(clauseText))' has an empty value")
                }
                if let star = trimmed.firstIndex(of: "*"), star != trimmed.index(before: trimmed.endIndex) {
                    throw MonitorFilterError(.misplacedWildcard, part: clauseText, offset: valuesOffset + value.offset,
                                             "value '\(trimmed)' of key '\(key)' has '*' before its end ('*' may only end a value)")
                }
                values.append(trimmed.hasSuffix("*") ? .prefix(String(trimmed.dropLast())) : .exact(trimmed))
            }
            clauses.append(Clause(key: key, values: values))
        }
        self.clauses = clauses
    }

    /// The filter in canonical form (`key=v1,v2;key2=v*`).
    public var description: String { clauses.map(\.description).joined(separator: ";") }

    /// Whether an object's properties (or an event's arguments) satisfy every clause.
    public func matches(_ arguments: Arguments) -> Bool {
        clauses.allSatisfy { clause in
            guard let value = arguments[clause.key] else { return false }
            return Self.matches(value, clause.values)
        }
    }

    /// Whether an event satisfies every clause: its arguments, and `EventName` (its name) when the arguments have
    /// no such key.
    public func matches(_ event: WireEvent) -> Bool {
        clauses.allSatisfy { clause in
            if let value = event.arguments[clause.key] { return Self.matches(value, clause.values) }
            if clause.key.lowercased() == "eventname" { return clause.values.contains { $0.matches(event.name) } }
            return false
        }
    }

    static func matches(_ value: ArgumentValue, _ patterns: [Pattern]) -> Bool {
        switch value {
        case .string(let text): return patterns.contains { $0.matches(text) }
        case .integer(let number):
            let text = String(number)
            return patterns.contains { $0.matches(text) }
        case .boolean(let flag):
            return patterns.contains { $0.matches(flag ? "true" : "false") || $0.matches(flag ? "1" : "0") }
        case .array(let elements): return elements.contains { matches($0, patterns) }
        case .arguments: return false
        }
    }

    static func trim<Text: StringProtocol>(_ text: Text) -> String {
        var slice = Substring(text)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }

    /// Splits on a separator, keeping each part's character offset.
    static func split(_ text: String, on separator: Character) -> [(text: String, offset: Int)] {
        var parts: [(text: String, offset: Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in text.enumerated() {
            if character == separator {
                parts.append((current, start))
                current = ""
                start = offset + 1
            } else {
                current.append(character)
            }
        }
        parts.append((current, start))
        return parts
    }
}

/// Why a monitor filter does not parse: the code, the part at fault (a clause as written) and where it starts.
public struct MonitorFilterError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No clause at all.
        public static let empty = Code(rawValue: "empty")
        /// `a=1;;b=2`.
        public static let emptyClause = Code(rawValue: "emptyClause")
        /// A clause without `=`.
        public static let missingEquals = Code(rawValue: "missingEquals")
        /// `=value`.
        public static let emptyKey = Code(rawValue: "emptyKey")
        /// `key=` or `key=a,,b`.
        public static let emptyValue = Code(rawValue: "emptyValue")
        /// `*` anywhere but at a value's end.
        public static let misplacedWildcard = Code(rawValue: "misplacedWildcard")
        /// The same key in two clauses.
        public static let duplicateKey = Code(rawValue: "duplicateKey")
    }

    public var code: Code
    /// The clause at fault, as written.
    public var part: String
    /// The character offset in the filter where the fault starts.
    public var offset: Int
    public var message: String

    public init(_ code: Code, part: String, offset: Int, _ message: String) {
        self.code = code
        self.part = part
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(code) at character \(offset): \(message)" }
}
