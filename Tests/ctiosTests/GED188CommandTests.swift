import Foundation
import Testing

/// `ctios version` and `ctios ged188 decode|encode`, run as real processes.
struct GED188CommandTests {
    // HEARTBEAT_REQ, InvokeID 42, then CLOSE_REQ, InvokeID 43, Status 0: laid out as an operator would paste them.
    static let twoMessages = """
        00000004 00000005 0000002a
        00000008 00000007 0000002b 00000000
        """

    @Test func versionNamesTheProtocolVersion() throws {
        let result = try CommandRunner.run(["version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("GED-188 protocol version 24"))
    }

    @Test func decodePrintsOneJSONObjectPerMessage() throws {
        let result = try CommandRunner.run(["ged188", "decode"], stdin: Self.twoMessages)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["message"] as? String == "HEARTBEAT_REQ")
        #expect((first?["fields"] as? [String: Any])?["invokeID"] as? Int == 42)
        #expect(lines[1].contains("\"message\":\"CLOSE_REQ\""))
        #expect(lines[1].contains("\"status\":\"E_CTI_NO_ERROR\""))
    }

    @Test func decodeReadsRawBytesWithBinary() throws {
        let bytes = Data([0, 0, 0, 4, 0, 0, 0, 6, 0, 0, 0, 7])
        let result = try CommandRunner.run(["ged188", "decode", "--binary"], stdin: bytes)
        #expect(result.stdout.contains("\"message\":\"HEARTBEAT_CONF\""))
    }

    @Test func encodeThenDecodeGivesTheSameMessages() throws {
        let decoded = try CommandRunner.run(["ged188", "decode"], stdin: Self.twoMessages)
        let encoded = try CommandRunner.run(["ged188", "encode"], stdin: decoded.stdout)
        #expect(encoded.status == 0, "\(encoded.stderr)")
        #expect(encoded.stdout == "00000004000000050000002a\n00000008000000070000002b00000000\n")
        let binary = try CommandRunner.run(["ged188", "encode", "--binary"], stdin: decoded.stdout)
        #expect(binary.stdoutBytes.count == 12 + 16)
    }

    @Test func passwordsAreRedactedUnlessAskedFor() throws {
        let openReq = """
            {"message":"OPEN_REQ","fields":{"clientID":"bridge","clientPassword":"736563726574"}}
            """
        let hex = try CommandRunner.run(["ged188", "encode"], stdin: openReq).stdout
        let redacted = try CommandRunner.run(["ged188", "decode"], stdin: hex)
        #expect(redacted.stdout.contains("\"clientPassword\":\"<redacted>\""))
        let revealed = try CommandRunner.run(["ged188", "decode", "--reveal-secrets"], stdin: hex)
        #expect(revealed.stdout.contains("\"clientPassword\":\"736563726574\""))
    }

    @Test func aMalformedBodyIsReportedWithItsOffsetAndTheRestStillDecodes() throws {
        // HEARTBEAT_REQ whose body is 2 bytes (InvokeID needs 4), then a good HEARTBEAT_CONF.
        let input = "00000002 00000005 0000   00000004 00000006 00000001"
        let result = try CommandRunner.run(["ged188", "decode"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stderr.contains("message 0 at byte 0"))
        #expect(result.stderr.contains("truncated in HEARTBEAT_REQ, field InvokeID at offset 8"))
        #expect(result.stdout.contains("HEARTBEAT_CONF"))
    }

    @Test func badInputGetsAClearErrorAndAFailureStatus() throws {
        let notHex = try CommandRunner.run(["ged188", "decode"], stdin: "00 zz")
        #expect(notHex.status != 0)
        #expect(notHex.stderr.contains("not hex text"))

        let cut = try CommandRunner.run(["ged188", "decode"], stdin: "00000004 00000005 00")
        #expect(cut.status != 0)
        #expect(cut.stderr.contains("incomplete"))

        let huge = try CommandRunner.run(["ged188", "decode"], stdin: "0000ffff 00000009")
        #expect(huge.stderr.contains("message too large in CALL_DELIVERED_EVENT"))

        let unknownName = try CommandRunner.run(["ged188", "encode"], stdin: #"{"message":"NO_SUCH_MSG","fields":{}}"#)
        #expect(unknownName.status != 0)
        #expect(unknownName.stderr.contains("line 1"))
        #expect(unknownName.stderr.contains("no GED-188 message is named NO_SUCH_MSG"))

        let missing = try CommandRunner.run(["ged188", "encode"], stdin: #"{"message":"OPEN_REQ","fields":{}}"#)
        #expect(missing.stderr.contains("missing fields.clientID"))
    }
}
