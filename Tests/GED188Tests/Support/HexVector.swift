import GED188
import NIOCore

/// A byte vector written by hand: hex digits, one field per line, `#` starts a comment that names the field
/// and the guide section it comes from. Whitespace is ignored.
struct HexVector {
    let bytes: [UInt8]

    init(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let digits = text.split(separator: "\n").map { line in
            line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        }.joined()
        guard let parsed = HexBytes(hex: digits) else {
            Issue.record("not hex: \(digits)", sourceLocation: sourceLocation)
            bytes = []
            return
        }
        bytes = parsed.bytes
    }

    var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }
}

import Testing
