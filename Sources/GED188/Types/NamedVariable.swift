/// An ECC variable (NAMEDVAR): a name defined in Unified CCE and its value.
public struct NamedVariable: Hashable, Sendable, Codable {
    /// Name size limit, the NUL included.
    public static let maximumNameLength = 33
    /// Value size limit, the NUL included.
    public static let maximumValueLength = 211

    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One element of an ECC array variable (NAMEDARRAY): name, 0-based index (1 byte on the wire), value.
public struct NamedArrayElement: Hashable, Sendable, Codable {
    public var name: String
    public var index: UInt8
    public var value: String

    public init(name: String, index: UInt8, value: String) {
        self.name = name
        self.index = index
        self.value = value
    }
}
