import CTIOSWire

/// Writes an object's properties: all of them (a new object), or only those that differ from the object's previous
/// typed record (an update), so that an update never costs a full rendering and a comparison of two sets.
struct PropertyWriter {
    var properties = Arguments()
    var removed: [String] = []
    /// Whether every property is written (a new object), not only the changed ones.
    let isFull: Bool

    init(full: Bool) {
        isFull = full
    }

    var isEmpty: Bool { properties.isEmpty && removed.isEmpty }

    /// Writes `new` under `key` when it differs from `old` (or always, for a full rendering); a value that became
    /// `nil` is removed.
    mutating func string(_ key: Keyword, _ new: String?, _ old: String?) {
        guard isFull || new != old else { return }
        if let new { properties[key] = .string(new) } else if !isFull { removed.append(key.name) }
    }

    mutating func integer<Value: BinaryInteger>(_ key: Keyword, _ new: Value?, _ old: Value?) {
        guard isFull || new != old else { return }
        if let new { properties[key] = .integer(Int64(new)) } else if !isFull { removed.append(key.name) }
    }

    mutating func integer(_ key: String, _ new: UInt32?, _ old: UInt32?) {
        guard isFull || new != old else { return }
        if let new { properties.setValue(.integer(Int64(new)), for: key) } else if !isFull { removed.append(key) }
    }

    mutating func boolean(_ key: Keyword, _ new: Bool, _ old: Bool) {
        guard isFull || new != old else { return }
        properties[key] = .boolean(new)
    }

    mutating func string(_ key: String, _ new: String?, _ old: String?) {
        guard isFull || new != old else { return }
        if let new { properties.setValue(.string(new), for: key) } else if !isFull { removed.append(key) }
    }

    /// Writes a value built only when it changed (`changed` compares the typed values).
    mutating func value(_ key: Keyword, changed: Bool, _ make: () -> ArgumentValue?) {
        guard isFull || changed else { return }
        if let value = make() { properties[key] = value } else if !isFull { removed.append(key.name) }
    }
}
