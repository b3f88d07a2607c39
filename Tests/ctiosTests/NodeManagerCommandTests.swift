import Foundation
import Testing

/// `ctios nodemgr` as a process: configuration checked before anything starts.
struct NodeManagerCommandTests {
    func write(_ yaml: String) throws -> String {
        let path = NSTemporaryDirectory() + "nodemgr-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func checkAcceptsAValidFile() throws {
        let path = try write("node: B\nchildren: [{name: server, executable: /bin/true}]\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandRunner.run(["nodemgr", "--config", path, "--check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid; node B, children: server"))
    }

    @Test func aBadKeyIsRefusedByNameBeforeAnythingStarts() throws {
        let path = try write("children: [{name: server, executable: /bin/true, watchdogSecs: 3}]\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandRunner.run(["nodemgr", "--config", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("configuration key children[0].watchdogSecs: unknown key"), "\(result.stderr)")
    }

    @Test func aBadValueIsRefusedByName() throws {
        let path = try write("children: [{name: server, executable: /bin/true, restartBurst: -1}]\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandRunner.run(["nodemgr", "--config", path, "--check"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("children[0].restartBurst: must be between 0 and 1000"), "\(result.stderr)")
    }
}
