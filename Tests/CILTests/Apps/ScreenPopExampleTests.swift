import CTIOSTestKit
import Foundation
import Testing

/// The five-minute screen pop of Docs/CIL.md, run as it is shipped: the `ScreenPop` executable against `ctios sim`
/// and `ctios server`, each a real process on loopback.
@Suite(.serialized)
struct ScreenPopExampleTests {
    @Test func theExamplePrintsTheCallersNumberOfADeliveredCall() async throws {
        let ports = try ChildProcess.freePorts(5)
        let (sideA, sideB, simAdmin, cil, serverAdmin) = (ports[0], ports[1], ports[2], ports[3], ports[4])
        let simulator = try ChildProcess("ctios", ["sim", "--side-a", "127.0.0.1:\(sideA)", "--side-b", "127.0.0.1:\(sideB)",
                                                   "--admin", "127.0.0.1:\(simAdmin)", "--calls-per-second", "0",
                                                   "--log-level", "warning"])
        let server = try ChildProcess("ctios", ["server", "--listen", "127.0.0.1:\(cil)", "--admin", "127.0.0.1:\(serverAdmin)",
                                                "--cti-side-a", "127.0.0.1:\(sideA)", "--cti-side-b", "127.0.0.1:\(sideB)",
                                                "--log-level", "warning"])
        var example: ChildProcess?
        do {
            try await poll("ctios server /ready", timeout: .seconds(60),
                           seen: { "sim: \(simulator.stderr.suffix(500)) server: \(server.stderr.suffix(500))" }) {
                (try? await AdminClient.get("http://127.0.0.1:\(serverAdmin)/ready").status) == 200
            }
            let screenPop = try ChildProcess("ScreenPop", ["--server", "127.0.0.1:\(cil)", "--agent", "1004",
                                                           "--password", "pw1004", "--instrument", "2004", "--calls", "1"])
            example = screenPop
            // The call waits in the lab skill group's queue until the example's agent is ready.
            let placed = try await AdminClient.post("http://127.0.0.1:\(simAdmin)/v1/calls",
                                                    json: #"{"dialedNumber": "8005550199", "ani": "5551234", "callVariables": ["order 42"]}"#)
            #expect(placed.status == 200, "\(String(decoding: placed.body, as: UTF8.self))")
            try await screenPop.waitForExit(timeout: .seconds(20))
            #expect(screenPop.status == 0, "\(screenPop.stderr)")
            #expect(screenPop.stdout.contains("agent 1004 is ready on 2004"), "\(screenPop.stdout)")
            #expect(screenPop.stdout.contains("screen pop: call from 5551234 (CallVariable1: order 42)"), "\(screenPop.stdout)")
        } catch {
            await example?.stop()
            await server.stop()
            await simulator.stop()
            throw error
        }
        await server.stop()
        await simulator.stop()
    }
}
