/// CTI OS's key-value set: the properties of every object and the parameters of every event and request.
///
/// Keys are case-insensitive and trimmed of surrounding spaces (`" agentid "` finds `AgentID`); a key keeps the
/// spelling it was first set with. Entries keep their insertion order, and element access is 1-based as in CTI OS
/// (`element(at: 1)` is the first). Values may nest (``ArgumentValue/arguments(_:)``).
///
/// A value type: copying is cheap (copy-on-write), and a request never sees later changes to the set it was made
/// from (Cisco's CIL warns that reusing one Arguments object changes queued requests; here that cannot happen).
/// Two sets are equal when they hold the same keys (ignoring case) with equal values, whatever their order.
public struct Arguments: Sendable {
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var key: String
        @usableFromInline var normalized: String
        @usableFromInline var value: ArgumentValue

        @usableFromInline
        init(key: String, normalized: String, value: ArgumentValue) {
            self.key = key
            self.normalized = normalized
            self.value = value
        }
    }

    @usableFromInline var entries: [Entry] = []

    /// An empty set.
    public init() {}

    /// The lookup form of a key: trimmed and lower-cased.
    @inlinable
    static func normalize(_ key: String) -> String {
        var trimmed = Substring(key)
        while trimmed.first == " " { trimmed.removeFirst() }
        while trimmed.last == " " { trimmed.removeLast() }
        return trimmed.lowercased()
    }

    @inlinable
    func index(of key: String) -> Int? {
        let normalized = Self.normalize(key)
        return entries.firstIndex { $0.normalized == normalized }
    }

    // MARK: Values

    /// The value for a key, or `nil`. Setting `nil` removes the key.
    @inlinable
    public subscript(_ key: String) -> ArgumentValue? {
        get { index(of: key).map { entries[$0].value } }
        set { setValue(newValue, for: key) }
    }

    /// The value for a keyword, or `nil`. Setting `nil` removes the key.
    @inlinable
    public subscript(_ keyword: Keyword) -> ArgumentValue? {
        get { self[keyword.name] }
        set { self[keyword.name] = newValue }
    }

    /// Sets (or, with `nil`, removes) a value; a new key goes last.
    @inlinable
    public mutating func setValue(_ value: ArgumentValue?, for key: String) {
        if let position = index(of: key) {
            if let value { entries[position].value = value } else { entries.remove(at: position) }
        } else if let value {
            var trimmed = Substring(key)
            while trimmed.first == " " { trimmed.removeFirst() }
            while trimmed.last == " " { trimmed.removeLast() }
            entries.append(Entry(key: String(trimmed), normalized: trimmed.lowercased(), value: value))
        }
    }

    /// Removes a key; returns its value.
    @discardableResult
    public mutating func removeValue(for key: String) -> ArgumentValue? {
        guard let position = index(of: key) else { return nil }
        return entries.remove(at: position).value
    }

    public func integer(_ key: Keyword) -> Int64? { self[key]?.integer }
    public func string(_ key: Keyword) -> String? { self[key]?.string }
    public func boolean(_ key: Keyword) -> Bool? { self[key]?.boolean }
    public func arguments(_ key: Keyword) -> Arguments? { self[key]?.arguments }
    public func array(_ key: Keyword) -> [ArgumentValue]? { self[key]?.array }

    /// Whether the set has the key.
    public func contains(_ key: String) -> Bool { index(of: key) != nil }

    // MARK: Elements

    /// How many keys the set holds (CTI OS `NumElements`).
    public var count: Int { entries.count }

    public var isEmpty: Bool { entries.isEmpty }

    /// The keys, in order, as first spelled.
    public var keys: [String] { entries.map(\.key) }

    /// The element at a 1-based position (CTI OS `GetElement`), or `nil` outside 1…count.
    public func element(at position: Int) -> (key: String, value: ArgumentValue)? {
        guard position >= 1, position <= entries.count else { return nil }
        let entry = entries[position - 1]
        return (entry.key, entry.value)
    }

    // MARK: Combining

    /// This set with `other`'s keys set on top (their values win).
    public func merging(_ other: Arguments) -> Arguments {
        var merged = self
        for entry in other.entries { merged.setValue(entry.value, for: entry.key) }
        return merged
    }

    /// The keys whose value differs between `old` and this set (added, changed or removed), in this set's order
    /// then `old`'s for the removed ones.
    public func changedKeys(from old: Arguments) -> [String] {
        var changed = entries.filter { old[$0.key] != $0.value }.map(\.key)
        changed += old.entries.filter { index(of: $0.key) == nil }.map(\.key)
        return changed
    }

    /// CTI OS `DumpArgs`: one `key = value` per line, nested sets indented.
    public func dump(indent: String = "") -> String {
        entries.map { entry in
            if case .arguments(let nested) = entry.value {
                return "\(indent)\(entry.key) =\n" + nested.dump(indent: indent + "    ")
            }
            return "\(indent)\(entry.key) = \(entry.value)"
        }.joined(separator: "\n")
    }
}

extension Arguments: Equatable {
    public static func == (lhs: Arguments, rhs: Arguments) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        return lhs.entries.allSatisfy { entry in rhs[entry.key] == entry.value }
    }
}

extension Arguments: Hashable {
    public func hash(into hasher: inout Hasher) {
        // Order-independent, like equality.
        hasher.combine(entries.count)
        var combined = 0
        for entry in entries {
            var entryHasher = Hasher()
            entryHasher.combine(entry.normalized)
            entryHasher.combine(entry.value)
            combined ^= entryHasher.finalize()
        }
        hasher.combine(combined)
    }
}

extension Arguments: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, ArgumentValue)...) {
        for (key, value) in elements { setValue(value, for: key) }
    }
}

extension Arguments: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: ArgumentValue)> {
        entries.lazy.map { ($0.key, $0.value) }.makeIterator()
    }
}

extension Arguments: CustomStringConvertible {
    public var description: String {
        "[" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
