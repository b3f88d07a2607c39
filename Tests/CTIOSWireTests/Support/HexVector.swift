import NIOCore
import Testing

/// A byte vector written by hand: hex digits, one field per line; `#` starts a comment that names the field and
/// its value. Whitespace is ignored.
struct HexVector {
    let bytes: [UInt8]

    init(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let digits = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        }.joined().filter { !$0.isWhitespace }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2, limitedBy: digits.endIndex) ?? digits.endIndex
            guard let byte = UInt8(digits[index ..< next], radix: 16), digits.distance(from: index, to: next) == 2 else {
                Issue.record("not hex: \(digits[index ..< next])", sourceLocation: sourceLocation)
                break
            }
            bytes.append(byte)
            index = next
        }
        self.bytes = bytes
    }

    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }
}

extension ByteBuffer {
    /// The readable bytes, for comparing with a vector.
    var bytes: [UInt8] { Array(readableBytesView) }
}
