import CTIOSCore
import CTIOSWire
import Testing

/// Monitor-mode filters: CTI OS syntax, errors naming the part at fault, and matching properties and events.
struct MonitorFilterTests {
    func parse(_ text: String) throws -> MonitorFilter { try MonitorFilter(text) }

    @Test func clausesAndValues() throws {
        let filter = try parse(" AgentID = 1004 , 1005 ;agentstate=3;ConnectionDeviceID=20*;")
        #expect(filter.clauses.map(\.key) == ["AgentID", "agentstate", "ConnectionDeviceID"])
        #expect(filter.clauses[0].values == [.exact("1004"), .exact("1005")])
        #expect(filter.clauses[2].values == [.prefix("20")])
        #expect(filter.description == "AgentID=1004,1005;agentstate=3;ConnectionDeviceID=20*")
        #expect(try parse(filter.description) == filter)
    }

    @Test func keysAreANDedValuesORed() throws {
        let filter = try parse("AgentID=1004,1005;AgentState=3")
        #expect(filter.matches(["AgentID": "1004", "AgentState": 3]))
        #expect(filter.matches(["agentid": "1005", "AGENTSTATE": 3]), "keys ignore case")
        #expect(!filter.matches(["AgentID": "1004", "AgentState": 4]))
        #expect(!filter.matches(["AgentID": "1006", "AgentState": 3]))
        #expect(!filter.matches(["AgentID": "1004"]), "a missing key does not match")
    }

    @Test func wildcards() throws {
        let prefix = try parse("UniqueObjectID=call.5000.*")
        #expect(prefix.matches(["UniqueObjectID": "call.5000.16777301.2004"]))
        #expect(!prefix.matches(["UniqueObjectID": "agent.5000.1004"]))
        let any = try parse("ECC=*;ANI=*")
        #expect(!any.matches(["ANI": "617"]), "a nested set never matches")
        let present = try parse("ANI=*")
        #expect(present.matches(["ANI": ""]))
        #expect(!present.matches(["DNIS": "1"]))
    }

    @Test func valuesAsText() throws {
        #expect(try parse("AgentState=3").matches(["AgentState": 3]))
        #expect(try parse("AgentState=3*").matches(["AgentState": 31]))
        #expect(try parse("IsSupervisor=true").matches(["IsSupervisor": true]))
        #expect(try parse("IsSupervisor=1").matches(["IsSupervisor": true]))
        #expect(try parse("IsSupervisor=0").matches(["IsSupervisor": false]))
        #expect(!(try parse("AgentID=ab").matches(["AgentID": "AB"])), "values are case-sensitive")
        #expect(try parse("Parties=2005").matches(["Parties": .array(["6175550100", "2005"])]), "an array element")
    }

    @Test func events() throws {
        let event = WireEvent(name: "OnAgentStateChange", arguments: ["MessageID": 30, "AgentID": "1004"])
        #expect(try parse("MessageID=30").matches(event))
        #expect(try parse("EventName=OnAgent*;AgentID=1004").matches(event))
        #expect(!(try parse("EventName=OnCallDelivered").matches(event)))
    }

    /// Each error names the part at fault and where it starts.
    @Test(arguments: [
        ("", MonitorFilterError.Code.empty, 0, ""),
        ("  ; ", .empty, 0, "  ; "),
        ("AgentID=1;;ANI=2", .emptyClause, 10, ""),
        ("AgentID=1;ANI", .missingEquals, 10, "ANI"),
        ("=1004", .emptyKey, 0, "=1004"),
        ("AgentID=", .emptyValue, 8, "AgentID="),
        ("AgentID=1,,2", .emptyValue, 10, "AgentID=1,,2"),
        ("AgentID=1*4", .misplacedWildcard, 8, "AgentID=1*4"),
        ("AgentID=*4", .misplacedWildcard, 8, "AgentID=*4"),
        ("AgentID=1;agentid=2", .duplicateKey, 10, "agentid=2"),
    ] as [(String, MonitorFilterError.Code, Int, String)])
    func errors(text: String, code: MonitorFilterError.Code, offset: Int, part: String) {
        #expect(throws: MonitorFilterError.self) { try MonitorFilter(text) }
        do {
            _ = try MonitorFilter(text)
        } catch {
            #expect(error.code == code, "\(error)")
            #expect(error.offset == offset, "\(error)")
            #expect(error.part == part, "\(error)")
        }
    }

    @Test func errorMessagesNameTheClause() {
        do {
            _ = try MonitorFilter("AgentID=1004;DeviceID 2004")
            Issue.record("parsed")
        } catch {
            #expect(error.description == "missingEquals at character 13: clause 'DeviceID 2004' has no '=' (write key=value)")
        }
    }
}
