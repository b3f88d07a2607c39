import ArgumentParser
import Foundation
import GED188
import NIOCore

struct GED188Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ged188",
        abstract: "Read and write CTI Server (GED-188) messages, for captures and tests.",
        subcommands: [Decode.self, Encode.self, Watch.self]
    )

    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode GED-188 messages from standard input into JSON, one object per line.",
            discussion: """
                Input is hex text (whitespace ignored) or, with --binary, raw bytes as captured from the wire.
                Each message prints as {"message": NAME, "type": N, "fields": {...}}. A message whose body is
                malformed is reported on standard error with its offset and skipped; a broken frame stops decoding.
                Passwords print as "<redacted>" unless --reveal-secrets is given.
                """
        )

        @Flag(help: "Read raw bytes instead of hex text.") var binary = false
        @Flag(help: "Print passwords (ClientPassword, AgentPassword) as hex instead of <redacted>.")
        var revealSecrets = false

        func run() throws {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            var buffer = ByteBuffer()
            if binary {
                buffer.writeBytes(input)
            } else {
                guard let bytes = HexBytes(hex: String(decoding: input, as: UTF8.self)) else {
                    throw ValidationError("standard input is not hex text: only 0-9, a-f, A-F and whitespace, an even number of digits")
                }
                buffer.writeBytes(bytes.bytes)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            encoder.userInfo[Secret.redactKey] = !revealSecrets
            var index = 0
            var failed = false
            while buffer.readableBytes > 0 {
                let offset = buffer.readerIndex
                let frame: GED188Frame
                do {
                    guard let next = try GED188FrameDecoder.nextFrame(from: &buffer) else {
                        throw DecodeFailure("message \(index) at byte \(offset): incomplete, \(buffer.readableBytes) byte(s) left over")
                    }
                    frame = next
                } catch let error as GED188Error {
                    throw DecodeFailure("message \(index) at byte \(offset): \(error)")
                }
                do {
                    let message = try frame.decode()
                    print(String(decoding: try encoder.encode(message), as: UTF8.self))
                } catch {
                    failed = true
                    FileHandle.standardError.write(Data("message \(index) at byte \(offset): \(error)\n".utf8))
                }
                index += 1
            }
            if failed { throw ExitCode.failure }
        }
    }

    struct Encode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Encode JSON messages from standard input (one object per line) into GED-188 bytes.",
            discussion: """
                Each line is a JSON object as `ctios ged188 decode` prints it ("message" or "type", and "fields").
                Output is one message per line as hex, or raw bytes with --binary.
                """
        )

        @Flag(help: "Write raw bytes instead of hex text.") var binary = false

        func run() throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let decoder = JSONDecoder()
            var output = ByteBuffer()
            for (number, line) in input.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                let message: GED188Message
                do {
                    message = try decoder.decode(GED188Message.self, from: Data(text.utf8))
                } catch {
                    throw DecodeFailure("line \(number + 1): not a GED-188 message in JSON: \(Self.describe(error))")
                }
                var bytes = ByteBuffer()
                do {
                    try message.encode(into: &bytes)
                } catch {
                    throw DecodeFailure("line \(number + 1): \(error)")
                }
                if binary {
                    output.writeBuffer(&bytes)
                } else {
                    output.writeString(HexBytes(Array(bytes.readableBytesView)).hex + "\n")
                }
            }
            FileHandle.standardOutput.write(Data(output.readableBytesView))
        }

        static func describe(_ error: any Error) -> String {
            switch error {
            case DecodingError.keyNotFound(let key, let context):
                "missing \(path(context.codingPath + [key]))"
            case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
                 DecodingError.dataCorrupted(let context):
                "\(path(context.codingPath)): \(context.debugDescription)"
            default:
                "\(error)"
            }
        }

        static func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
    }
}

/// A failure reported to the operator as one line on standard error, exit status 1.
struct DecodeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
