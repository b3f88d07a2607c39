import NIOCore

/// The primitive writes of the wire (varints, zigzag integers, length-prefixed strings, keys) straight into a
/// buffer's memory, with the limits checked as it goes, so that nothing is written that the other side would refuse.
///
/// A message is written in one pass over raw memory: no per-field capacity checks or copies through `ByteBuffer`.
/// The writer is given the buffer's writable bytes; when the message does not fit it keeps counting without
/// writing, and ``write(into:limits:keywords:kind:_:)`` reserves exactly that much and writes again (so at most two
/// passes, and only for a message larger than the buffer's free capacity).
struct WireWriter: ~Copyable {
    let limits: WireLimits
    let keywords: KeywordTable
    let kind: WireKind?
    private let base: UnsafeMutableRawPointer
    private let capacity: Int
    /// Bytes written so far, counting those that did not fit.
    private(set) var position = 0

    private init(base: UnsafeMutableRawPointer, capacity: Int, limits: WireLimits, keywords: KeywordTable,
                 kind: WireKind?) {
        self.base = base
        self.capacity = capacity
        self.limits = limits
        self.keywords = keywords
        self.kind = kind
    }

    /// Appends what `body` writes to `buffer`; on error nothing is appended. Error offsets count from the first
    /// byte written.
    static func write(
        into buffer: inout ByteBuffer,
        limits: WireLimits,
        keywords: KeywordTable,
        kind: WireKind?,
        _ body: (inout WireWriter) throws(WireError) -> Void
    ) throws(WireError) {
        var reserve = 256
        while true {
            var outcome: Result<Int?, WireError> = .success(nil)
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: reserve) { raw in
                var writer = WireWriter(base: raw.baseAddress!, capacity: raw.count, limits: limits,
                                        keywords: keywords, kind: kind)
                do throws(WireError) {
                    try body(&writer)
                } catch {
                    outcome = .failure(error)
                    return 0
                }
                if writer.position <= raw.count { return writer.position }
                outcome = .success(writer.position)
                return 0
            }
            switch outcome {
            case .failure(let error): throw error
            case .success(nil): return
            case .success(let needed?): reserve = needed
            }
        }
    }

    func error(_ code: WireError.Code, _ field: String, _ detail: String) -> WireError {
        WireError(code, kind: kind?.description, field: field, offset: position, detail: detail)
    }

    // MARK: Bytes and numbers

    mutating func writeByte(_ byte: UInt8) {
        if position < capacity { base.storeBytes(of: byte, toByteOffset: position, as: UInt8.self) }
        position += 1
    }

    /// Overwrites a big-endian UInt32 at `offset` (the frame's length field), if it was written.
    mutating func setUInt32(_ value: UInt32, at offset: Int) {
        guard offset + 4 <= capacity else { return }
        base.storeBytes(of: value.bigEndian, toByteOffset: offset, as: UInt32.self)
    }

    /// An unsigned LEB128 varint: 7 bits per byte, low bits first, the high bit set on every byte but the last.
    mutating func writeVarint(_ value: UInt64) {
        if value < 0x80 {
            writeByte(UInt8(truncatingIfNeeded: value))
            return
        }
        var rest = value
        if position + 10 <= capacity {
            while rest >= 0x80 {
                base.storeBytes(of: UInt8(truncatingIfNeeded: rest) | 0x80, toByteOffset: position, as: UInt8.self)
                rest >>= 7
                position += 1
            }
            base.storeBytes(of: UInt8(truncatingIfNeeded: rest), toByteOffset: position, as: UInt8.self)
            position += 1
        } else {
            while rest >= 0x80 {
                writeByte(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            writeByte(UInt8(truncatingIfNeeded: rest))
        }
    }

    static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

    static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }

    mutating func writeFlag(_ value: Bool) { writeByte(value ? 1 : 0) }

    /// A count of elements, checked against the limit.
    mutating func writeCount(_ count: Int, _ field: String) throws(WireError) {
        guard count <= limits.maximumElements else {
            throw error(.tooManyElements, field, "\(count) elements exceed the maximum of \(limits.maximumElements)")
        }
        writeVarint(UInt64(count))
    }

    // MARK: Strings and keys

    private mutating func writeUTF8(of string: String, length: Int) {
        if position + length <= capacity {
            let copied: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
                UnsafeMutableRawPointer(base + position).copyMemory(from: utf8.baseAddress!, byteCount: length)
            }
            if copied == nil {
                var offset = position
                for byte in string.utf8 {
                    base.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
                    offset += 1
                }
            }
        }
        position += length
    }

    mutating func writeString(_ string: String, _ field: String) throws(WireError) {
        let length = string.utf8.count
        guard length <= limits.maximumStringLength else {
            throw error(.stringTooLong, field, "\(length) bytes exceed the maximum of \(limits.maximumStringLength)")
        }
        writeVarint(UInt64(length))
        writeUTF8(of: string, length: length)
    }

    /// A key: `number << 1 | 1` for a keyword, `length << 1` then the UTF-8 bytes for any other key.
    mutating func writeKey(_ key: String, normalized: String, _ field: String) throws(WireError) {
        if let number = keywords.number(forNormalized: normalized) {
            writeVarint(UInt64(number) << 1 | 1)
            return
        }
        let length = key.utf8.count
        guard length <= limits.maximumStringLength else {
            throw error(.stringTooLong, field,
                        "a key of \(length) bytes exceeds the maximum of \(limits.maximumStringLength)")
        }
        writeVarint(UInt64(length) << 1)
        writeUTF8(of: key, length: length)
    }
}
