import GED188
import NIOCore
import Testing

// Supervisor and team messages (SUPERVISOR_ASSIST_REQ/CONF, EMERGENCY_CALL_REQ/CONF/EVENT, SUPERVISE_CALL_REQ/CONF,
// AGENT_TEAM_CONFIG_EVENT, LIST_AGENT_TEAM_REQ/CONF, MONITOR_AGENT_TEAM_START/STOP_REQ/CONF), written by hand from
// /work/notes/ged188-catalog-layouts.md, sections "Supervisor service" and "Client Control service" (v25 Application
// Level Interfaces tables; unchanged since v24 except AGENT_TEAM_CONFIG_EVENT's DepartmentID, v19, and AgentTeamName,
// v16). Floating fields: tag USHORT, length USHORT, data (Messaging Conventions, Floating Part); tag numbers from
// the Tag Values table (Constants and Status Codes), as the notes list them.
//
// The people throughout: agent 5001 at extension 1001 and supervisor 5009 at extension 1009 on peripheral 5000
// (0x1388), team 7; the agent's call 123456 (0x0001E240).

extension MessageVector {
    static let supervisorAssistReq = MessageVector(
        name: "SUPERVISOR_ASSIST_REQ, about the agent's call, agent named three ways",
        hex: HexVector("""
            00000032  # MHDR MessageLength = 50: 14 fixed + 36 floating (Messaging Conventions, MHDR)
            00000076  # MHDR MessageType = 118 SUPERVISOR_ASSIST_REQ (Messaging Conventions, Message Types)
            00000028  # InvokeID = 40 (Client Control Service, SUPERVISOR_ASSIST_REQ)
            00001388  # PeripheralID = 5000 (Client Control Service, SUPERVISOR_ASSIST_REQ)
            0001e240  # ConnectionCallID = 123456, the related call (Client Control Service, SUPERVISOR_ASSIST_REQ)
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC (Constants, ConnectionDeviceIDType)
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (Client Control Service, SUPERVISOR_ASSIST_REQ)
            0004 0005 3130303100  # AgentExtension tag 4, "1001" NUL
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .supervisorAssistReq(SupervisorAssistReq(
            invokeID: 40, peripheralID: 5000, connectionCallID: 123_456, connectionDeviceIDType: .static,
            connectionDeviceID: "1001", agentExtension: "1001", agentID: "5001", agentInstrument: "1001"
        ))
    )

    static let supervisorAssistConf = MessageVector(
        name: "SUPERVISOR_ASSIST_CONF, the assist call on line 1",
        hex: HexVector("""
            00000017  # MHDR MessageLength = 23: 14 fixed + 9 floating (Messaging Conventions, MHDR)
            00000077  # MHDR MessageType = 119 SUPERVISOR_ASSIST_CONF (Messaging Conventions, Message Types)
            00000028  # InvokeID = 40, the request's (Client Control Service, SUPERVISOR_ASSIST_CONF)
            0001e244  # ConnectionCallID = 123460, the new SupervisorAssist call (SUPERVISOR_ASSIST_CONF)
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC (Constants, ConnectionDeviceIDType)
            0001      # LineHandle = 1 (SUPERVISOR_ASSIST_CONF)
            0002      # LineType = 2 LINETYPE_INSIDE (Constants, LineType)
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (SUPERVISOR_ASSIST_CONF)
            """),
        expected: .supervisorAssistConf(SupervisorAssistConf(
            invokeID: 40, connectionCallID: 123_460, connectionDeviceIDType: .static, lineHandle: 1, lineType: .inside,
            connectionDeviceID: "1001"
        ))
    )

    static let emergencyCallReq = MessageVector(
        name: "EMERGENCY_CALL_REQ, no related call, agent ID only, and an unknown tag",
        hex: HexVector("""
            0000001d  # MHDR MessageLength = 29: 14 fixed + 15 floating (Messaging Conventions, MHDR)
            00000079  # MHDR MessageType = 121 EMERGENCY_CALL_REQ (Messaging Conventions, Message Types)
            00000029  # InvokeID = 41 (Supervisor Service, EMERGENCY_CALL_REQ)
            00001388  # PeripheralID = 5000 (Supervisor Service, EMERGENCY_CALL_REQ)
            ffffffff  # ConnectionCallID = 0xFFFFFFFF, no related call (Supervisor Service, EMERGENCY_CALL_REQ)
            ffff      # ConnectionDeviceIDType = 0xFFFF CONNECTION_ID_NONE (Constants, ConnectionDeviceIDType)
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL (Supervisor Service, EMERGENCY_CALL_REQ)
            0190 0002 beef        # tag 400, defined nowhere: kept, written back last (Messaging Conventions, unknown tags are skipped)
            """),
        expected: .emergencyCallReq(EmergencyCallReq(
            invokeID: 41, peripheralID: 5000, connectionCallID: 0xFFFF_FFFF, connectionDeviceIDType: .notApplicable,
            agentID: "5001",
            unknownFields: [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])]
        ))
    )

    static let emergencyCallConf = MessageVector(
        name: "EMERGENCY_CALL_CONF, line unknown",
        hex: HexVector("""
            00000017  # MHDR MessageLength = 23: 14 fixed + 9 floating (Messaging Conventions, MHDR)
            0000007a  # MHDR MessageType = 122 EMERGENCY_CALL_CONF (Messaging Conventions, Message Types)
            00000029  # InvokeID = 41, the request's (Supervisor Service, EMERGENCY_CALL_CONF)
            0001e245  # ConnectionCallID = 123461, the EmergencyAssist call (Supervisor Service, EMERGENCY_CALL_CONF)
            0001      # ConnectionDeviceIDType = 1 CONNECTION_ID_DYNAMIC (Constants, ConnectionDeviceIDType)
            ffff      # LineHandle = 0xFFFF, unknown (Supervisor Service, EMERGENCY_CALL_CONF)
            ffff      # LineType = 0xFFFF, unknown
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (Supervisor Service, EMERGENCY_CALL_CONF)
            """),
        expected: .emergencyCallConf(EmergencyCallConf(
            invokeID: 41, connectionCallID: 123_461, connectionDeviceIDType: .dynamic, lineHandle: 0xFFFF,
            lineType: .notApplicable, connectionDeviceID: "1001"
        ))
    )

    static let emergencyCallEvent = MessageVector(
        name: "EMERGENCY_CALL_EVENT, with the client's ID and address and the agent named three ways",
        hex: HexVector("""
            0000004a  # MHDR MessageLength = 74: 14 fixed + 60 floating (Messaging Conventions, MHDR)
            0000007b  # MHDR MessageType = 123 EMERGENCY_CALL_EVENT (Messaging Conventions, Message Types)
            00001388  # PeripheralID = 5000 (Supervisor Service, EMERGENCY_CALL_EVENT)
            0001e245  # ConnectionCallID = 123461 (Supervisor Service, EMERGENCY_CALL_EVENT)
            0001      # ConnectionDeviceIDType = 1 CONNECTION_ID_DYNAMIC (Constants, ConnectionDeviceIDType)
            00000042  # SessionID = 66, the agent's session (Supervisor Service, EMERGENCY_CALL_EVENT)
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (Supervisor Service, EMERGENCY_CALL_EVENT)
            0001 0007 6167656e743100      # ClientID tag 1, "agent1" NUL
            0051 0009 31302e302e302e3700  # ClientAddress tag 81, "10.0.0.7" NUL (64 bytes since v19)
            0004 0005 3130303100          # AgentExtension tag 4, "1001" NUL
            0005 0005 3530303100          # AgentID tag 5, "5001" NUL
            0006 0005 3130303100          # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .emergencyCallEvent(EmergencyCallEvent(
            peripheralID: 5000, connectionCallID: 123_461, connectionDeviceIDType: .dynamic, sessionID: 66,
            connectionDeviceID: "1001", clientID: "agent1", clientAddress: "10.0.0.7", agentExtension: "1001",
            agentID: "5001", agentInstrument: "1001"
        ))
    )

    static let superviseCallBargeIn = MessageVector(
        name: "SUPERVISE_CALL_REQ, barge-in with both connections and every optional field",
        hex: HexVector("""
            0000004c  # MHDR MessageLength = 76: 22 fixed + 54 floating (Messaging Conventions, MHDR)
            0000007c  # MHDR MessageType = 124 SUPERVISE_CALL_REQ (Messaging Conventions, Message Types)
            0000002a  # InvokeID = 42 (Supervisor Service, SUPERVISE_CALL_REQ)
            00001388  # PeripheralID = 5000 (Supervisor Service, SUPERVISE_CALL_REQ)
            0001e240  # AgentConnectionCallID = 123456 (Supervisor Service, SUPERVISE_CALL_REQ)
            0001e24e  # SupervisorConnectionCallID = 123470, the supervisor's monitoring call
            0000      # AgentConnectionDeviceIDType = 0 CONNECTION_ID_STATIC (Constants, ConnectionDeviceIDType)
            0000      # SupervisorConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0003      # SupervisoryAction = 3 SUPERVISOR_BARGE_IN (Supervisor Service, SupervisoryAction values)
            005a 0005 3130303100  # AgentConnectionDeviceID tag 90, "1001" NUL (Supervisor Service, SUPERVISE_CALL_REQ)
            005b 0005 3130303900  # SupervisorConnectionDeviceID tag 91, "1009" NUL
            0004 0005 3130303100  # AgentExtension tag 4, "1001" NUL
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            0055 0005 3130303900  # SupervisorInstrument tag 85, "1009" NUL
            """),
        expected: .superviseCallReq(SuperviseCallReq(
            invokeID: 42, peripheralID: 5000, agentConnectionCallID: 123_456, supervisorConnectionCallID: 123_470,
            agentConnectionDeviceIDType: .static, supervisorConnectionDeviceIDType: .static,
            supervisoryAction: .supervisorBargeIn, agentConnectionDeviceID: "1001",
            supervisorConnectionDeviceID: "1009", agentExtension: "1001", agentID: "5001", agentInstrument: "1001",
            supervisorInstrument: "1009"
        ))
    )

    static let superviseCallMonitor = MessageVector(
        name: "SUPERVISE_CALL_REQ, silent monitor of the agent's current call, named by agent ID",
        hex: HexVector("""
            00000028  # MHDR MessageLength = 40: 22 fixed + 18 floating (Messaging Conventions, MHDR)
            0000007c  # MHDR MessageType = 124 SUPERVISE_CALL_REQ (Messaging Conventions, Message Types)
            0000002b  # InvokeID = 43 (Supervisor Service, SUPERVISE_CALL_REQ)
            00001388  # PeripheralID = 5000 (Supervisor Service, SUPERVISE_CALL_REQ)
            ffffffff  # AgentConnectionCallID = 0xFFFFFFFF, the agent's current active call (SUPERVISE_CALL_REQ)
            ffffffff  # SupervisorConnectionCallID = 0xFFFFFFFF, no supervisor call (SUPERVISE_CALL_REQ)
            ffff      # AgentConnectionDeviceIDType = 0xFFFF CONNECTION_ID_NONE (Constants, ConnectionDeviceIDType)
            ffff      # SupervisorConnectionDeviceIDType = 0xFFFF CONNECTION_ID_NONE
            0001      # SupervisoryAction = 1 SUPERVISOR_MONITOR (Supervisor Service, SupervisoryAction values)
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL (Supervisor Service, SUPERVISE_CALL_REQ)
            0055 0005 3130303900  # SupervisorInstrument tag 85, "1009" NUL (required for ALL_EVENTS clients)
            """),
        expected: .superviseCallReq(SuperviseCallReq(
            invokeID: 43, peripheralID: 5000, agentConnectionDeviceIDType: .notApplicable,
            supervisorConnectionDeviceIDType: .notApplicable, supervisoryAction: .supervisorMonitor,
            agentID: "5001", supervisorInstrument: "1009"
        ))
    )

    static let superviseCallConf = MessageVector(
        name: "SUPERVISE_CALL_CONF",
        hex: HexVector("""
            00000013  # MHDR MessageLength = 19: 10 fixed + 9 floating (Messaging Conventions, MHDR)
            0000007d  # MHDR MessageType = 125 SUPERVISE_CALL_CONF (Messaging Conventions, Message Types)
            0000002a  # InvokeID = 42, the request's (Supervisor Service, SUPERVISE_CALL_CONF)
            0001e240  # ConnectionCallID = 123456, the supervised agent's connection (SUPERVISE_CALL_CONF)
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC (Constants, ConnectionDeviceIDType)
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (Supervisor Service, SUPERVISE_CALL_CONF)
            """),
        expected: .superviseCallConf(SuperviseCallConf(
            invokeID: 42, connectionCallID: 123_456, connectionDeviceIDType: .static, connectionDeviceID: "1001"
        ))
    )

    static let agentTeamConfigTeam = MessageVector(
        name: "AGENT_TEAM_CONFIG_EVENT, team name and two members (TeamMember group)",
        hex: HexVector("""
            00000055  # MHDR MessageLength = 85: 16 fixed + 69 floating (Messaging Conventions, MHDR)
            00000080  # MHDR MessageType = 128 AGENT_TEAM_CONFIG_EVENT (Messaging Conventions, Message Types)
            00001388  # PeripheralID = 5000 (Supervisor Service, AGENT_TEAM_CONFIG_EVENT)
            00000007  # TeamID = 7 (Supervisor Service, AGENT_TEAM_CONFIG_EVENT)
            0002      # NumberOfAgents = 2 (Supervisor Service, AGENT_TEAM_CONFIG_EVENT)
            0000      # ConfigOperation = 0 restore permanent configuration (Supervisor Service, AGENT_TEAM_CONFIG_EVENT)
            0000000c  # DepartmentID INT = 12 (Supervisor Service, AGENT_TEAM_CONFIG_EVENT; added v19)
            00f3 0007 5465616d204100  # AgentTeamName tag 243, "Team A" NUL (AGENT_TEAM_CONFIG_EVENT; v16)
            0056 0005 3530303100      # AtcAgentID tag 86, "5001" NUL: first member (AGENT_TEAM_CONFIG_EVENT)
            0057 0002 0000            # AgentFlags tag 87, USHORT = 0 regular agent
            0058 0002 0003            # AtcAgentState tag 88, USHORT = 3 AVAILABLE (Constants, AgentState)
            0059 0004 00000078        # AtcStateDuration tag 89, UINT = 120 s
            0056 0005 3530303900      # AtcAgentID tag 86, "5009" NUL: second member
            0057 0002 0005            # AgentFlags tag 87, USHORT = 0x1 primary supervisor | 0x4 supervisor
            0058 0002 0002            # AtcAgentState tag 88, USHORT = 2 NOT_READY
            0059 0004 00000e10        # AtcStateDuration tag 89, UINT = 3600 s
            """),
        expected: .agentTeamConfigEvent(AgentTeamConfigEvent(
            peripheralID: 5000, teamID: 7, configOperation: .restorePermanentConfig, departmentID: 12,
            agentTeamName: "Team A",
            agents: [
                TeamMember(agentID: "5001", flags: 0, state: .available, stateDuration: 120),
                TeamMember(agentID: "5009", flags: 0x5, state: .notReady, stateDuration: 3600),
            ]
        ))
    )

    static let agentTeamConfigAddAgent = MessageVector(
        name: "AGENT_TEAM_CONFIG_EVENT, a temporary agent added, no department, and an unknown tag",
        hex: HexVector("""
            00000033  # MHDR MessageLength = 51: 16 fixed + 35 floating (Messaging Conventions, MHDR)
            00000080  # MHDR MessageType = 128 AGENT_TEAM_CONFIG_EVENT (Messaging Conventions, Message Types)
            00001388  # PeripheralID = 5000 (Supervisor Service, AGENT_TEAM_CONFIG_EVENT)
            00000007  # TeamID = 7
            0001      # NumberOfAgents = 1
            0001      # ConfigOperation = 1 add agent (Supervisor Service, AGENT_TEAM_CONFIG_EVENT)
            ffffffff  # DepartmentID INT = -1
            0056 0005 3530303200  # AtcAgentID tag 86, "5002" NUL (AGENT_TEAM_CONFIG_EVENT)
            0057 0002 0002        # AgentFlags tag 87, USHORT = 0x2 temporary agent
            0058 0002 0001        # AtcAgentState tag 88, USHORT = 1 LOGOUT (Constants, AgentState)
            0059 0004 00000000    # AtcStateDuration tag 89, UINT = 0 s
            0190 0002 beef        # tag 400, defined nowhere: kept, written back last (Messaging Conventions, unknown tags are skipped)
            """),
        expected: .agentTeamConfigEvent(AgentTeamConfigEvent(
            peripheralID: 5000, teamID: 7, configOperation: .addAgent, departmentID: -1,
            agents: [TeamMember(agentID: "5002", flags: 0x2, state: .logout, stateDuration: 0)],
            unknownFields: [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])]
        ))
    )

    static let listAgentTeamReq = MessageVector(
        name: "LIST_AGENT_TEAM_REQ",
        hex: HexVector("""
            00000008  # MHDR MessageLength = 8 (Messaging Conventions, MHDR)
            00000085  # MHDR MessageType = 133 LIST_AGENT_TEAM_REQ (Messaging Conventions, Message Types)
            0000002c  # InvokeID = 44 (Supervisor Service, LIST_AGENT_TEAM_REQ)
            00001391  # SupervisorID = 5009, the supervisor's skill target ID (Supervisor Service, LIST_AGENT_TEAM_REQ)
            """),
        expected: .listAgentTeamReq(ListAgentTeamReq(invokeID: 44, supervisorID: 5009))
    )

    static let listAgentTeamConf = MessageVector(
        name: "LIST_AGENT_TEAM_CONF, three teams in the last segment",
        hex: HexVector("""
            00000022  # MHDR MessageLength = 34: 10 fixed + 24 floating (Messaging Conventions, MHDR)
            00000086  # MHDR MessageType = 134 LIST_AGENT_TEAM_CONF (Messaging Conventions, Message Types)
            0000002c  # InvokeID = 44, the request's (Supervisor Service, LIST_AGENT_TEAM_CONF)
            0003      # NumberOfAgentTeams = 3 (Supervisor Service, LIST_AGENT_TEAM_CONF)
            0001      # SegmentNumber = 1
            0000      # More = 0, the last message
            005c 0004 00000007  # TeamID tag 92 LIST_TEAM_ID_TAG, UINT = 7 (Supervisor Service, LIST_AGENT_TEAM_CONF)
            005c 0004 00000008  # TeamID tag 92, UINT = 8
            005c 0004 00000009  # TeamID tag 92, UINT = 9
            """),
        expected: .listAgentTeamConf(ListAgentTeamConf(invokeID: 44, segmentNumber: 1, more: 0, teamIDs: [7, 8, 9]))
    )

    static let monitorAgentTeamStartReq = MessageVector(
        name: "MONITOR_AGENT_TEAM_START_REQ",
        hex: HexVector("""
            00000008  # MHDR MessageLength = 8 (Messaging Conventions, MHDR)
            00000087  # MHDR MessageType = 135 MONITOR_AGENT_TEAM_START_REQ (Messaging Conventions, Message Types)
            0000002d  # InvokeID = 45 (Supervisor Service, MONITOR_AGENT_TEAM_START_REQ)
            00000007  # TeamID = 7 (Supervisor Service, MONITOR_AGENT_TEAM_START_REQ)
            """),
        expected: .monitorAgentTeamStartReq(MonitorAgentTeamStartReq(invokeID: 45, teamID: 7))
    )

    static let monitorAgentTeamStartConf = MessageVector(
        name: "MONITOR_AGENT_TEAM_START_CONF",
        hex: HexVector("""
            00000008  # MHDR MessageLength = 8 (Messaging Conventions, MHDR)
            00000088  # MHDR MessageType = 136 MONITOR_AGENT_TEAM_START_CONF (Messaging Conventions, Message Types)
            0000002d  # InvokeID = 45, the request's (Supervisor Service, MONITOR_AGENT_TEAM_START_CONF)
            00000012  # MonitorID = 18 (Supervisor Service, MONITOR_AGENT_TEAM_START_CONF)
            """),
        expected: .monitorAgentTeamStartConf(MonitorAgentTeamStartConf(invokeID: 45, monitorID: 18))
    )

    static let monitorAgentTeamStopReq = MessageVector(
        name: "MONITOR_AGENT_TEAM_STOP_REQ",
        hex: HexVector("""
            00000008  # MHDR MessageLength = 8 (Messaging Conventions, MHDR)
            00000089  # MHDR MessageType = 137 MONITOR_AGENT_TEAM_STOP_REQ (Messaging Conventions, Message Types)
            0000002e  # InvokeID = 46 (Supervisor Service, MONITOR_AGENT_TEAM_STOP_REQ)
            00000012  # MonitorID = 18, the START_CONF's (Supervisor Service, MONITOR_AGENT_TEAM_STOP_REQ)
            """),
        expected: .monitorAgentTeamStopReq(MonitorAgentTeamStopReq(invokeID: 46, monitorID: 18))
    )

    static let monitorAgentTeamStopConf = MessageVector(
        name: "MONITOR_AGENT_TEAM_STOP_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            0000008a  # MHDR MessageType = 138 MONITOR_AGENT_TEAM_STOP_CONF (Messaging Conventions, Message Types)
            0000002e  # InvokeID = 46, the request's (Supervisor Service, MONITOR_AGENT_TEAM_STOP_CONF)
            """),
        expected: .monitorAgentTeamStopConf(MonitorAgentTeamStopConf(invokeID: 46))
    )

    static let supervisor: [MessageVector] = [
        supervisorAssistReq, supervisorAssistConf, emergencyCallReq, emergencyCallConf, emergencyCallEvent,
        superviseCallBargeIn, superviseCallMonitor, superviseCallConf, agentTeamConfigTeam, agentTeamConfigAddAgent,
        listAgentTeamReq, listAgentTeamConf, monitorAgentTeamStartReq, monitorAgentTeamStartConf,
        monitorAgentTeamStopReq, monitorAgentTeamStopConf,
    ]
}

@Suite struct SupervisorVectorTests {
    @Test func supervisorAssist() throws {
        let request = try MessageVector.supervisorAssistReq.check(as: SupervisorAssistReq.self)
        #expect(request.connectionCallID == 123_456)
        #expect(request.agentExtension == "1001")
        #expect(request.agentInstrument == "1001")
        let confirmation = try MessageVector.supervisorAssistConf.check(as: SupervisorAssistConf.self)
        #expect(confirmation.connectionCallID == 123_460)
        #expect(confirmation.lineHandle == 1)
        #expect(confirmation.lineType == .inside)
    }

    @Test func emergencyCallReqWithUnknownTag() throws {
        let message = try MessageVector.emergencyCallReq.check(as: EmergencyCallReq.self)
        #expect(message.connectionCallID == 0xFFFF_FFFF)
        #expect(message.connectionDeviceIDType == .notApplicable)
        #expect(message.connectionDeviceID == nil)
        #expect(message.agentID == "5001")
        #expect(message.unknownFields == [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])])
    }

    @Test func emergencyCallConfAndEvent() throws {
        let confirmation = try MessageVector.emergencyCallConf.check(as: EmergencyCallConf.self)
        #expect(confirmation.lineHandle == 0xFFFF)
        #expect(confirmation.lineType == .notApplicable)
        let event = try MessageVector.emergencyCallEvent.check(as: EmergencyCallEvent.self)
        #expect(event.sessionID == 66)
        #expect(event.clientID == "agent1")
        #expect(event.clientAddress == "10.0.0.7")
        #expect(event.agentInstrument == "1001")
    }

    @Test func superviseCall() throws {
        let bargeIn = try MessageVector.superviseCallBargeIn.check(as: SuperviseCallReq.self)
        #expect(bargeIn.supervisoryAction == .supervisorBargeIn)
        #expect(bargeIn.supervisorConnectionCallID == 123_470)
        #expect(bargeIn.agentConnectionDeviceID == "1001")
        #expect(bargeIn.supervisorConnectionDeviceID == "1009")
        #expect(bargeIn.supervisorInstrument == "1009")
        let monitor = try MessageVector.superviseCallMonitor.check(as: SuperviseCallReq.self)
        #expect(monitor.supervisoryAction == .supervisorMonitor)
        #expect(monitor.agentConnectionCallID == 0xFFFF_FFFF)
        #expect(monitor.agentConnectionDeviceID == nil)
        let confirmation = try MessageVector.superviseCallConf.check(as: SuperviseCallConf.self)
        #expect(confirmation.connectionDeviceID == "1001")
    }

    @Test func agentTeamConfigTeam() throws {
        let message = try MessageVector.agentTeamConfigTeam.check(as: AgentTeamConfigEvent.self)
        #expect(message.teamID == 7)
        #expect(message.numberOfAgents == 2)
        #expect(message.departmentID == 12)
        #expect(message.agentTeamName == "Team A")
        #expect(message.agents.map(\.agentID) == ["5001", "5009"])
        #expect(message.agents.map(\.flags) == [0, 0x5])
        #expect(message.agents.map(\.state) == [.available, .notReady])
        #expect(message.agents.map(\.stateDuration) == [120, 3600])
    }

    @Test func agentTeamConfigAddAgentWithUnknownTag() throws {
        let message = try MessageVector.agentTeamConfigAddAgent.check(as: AgentTeamConfigEvent.self)
        #expect(message.configOperation == .addAgent)
        #expect(message.departmentID == -1)
        #expect(message.agentTeamName == nil)
        #expect(message.agents == [TeamMember(agentID: "5002", flags: 0x2, state: .logout, stateDuration: 0)])
        #expect(message.unknownFields.map(\.tag) == [FloatingTag(rawValue: 400)])
    }

    @Test func listAgentTeam() throws {
        #expect(try MessageVector.listAgentTeamReq.check(as: ListAgentTeamReq.self).supervisorID == 5009)
        let confirmation = try MessageVector.listAgentTeamConf.check(as: ListAgentTeamConf.self)
        #expect(confirmation.numberOfAgentTeams == 3)
        #expect(confirmation.segmentNumber == 1)
        #expect(confirmation.more == 0)
        #expect(confirmation.teamIDs == [7, 8, 9])
    }

    @Test func monitorAgentTeam() throws {
        #expect(try MessageVector.monitorAgentTeamStartReq.check(as: MonitorAgentTeamStartReq.self).teamID == 7)
        #expect(try MessageVector.monitorAgentTeamStartConf.check(as: MonitorAgentTeamStartConf.self).monitorID == 18)
        #expect(try MessageVector.monitorAgentTeamStopReq.check(as: MonitorAgentTeamStopReq.self).monitorID == 18)
        #expect(try MessageVector.monitorAgentTeamStopConf.check(as: MonitorAgentTeamStopConf.self).invokeID == 46)
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as /work/notes/ged188-catalog-layouts.md gives them.
    @Test func fixedPartLengths() {
        // notes, SUPERVISOR_ASSIST_REQ (118): "fixed 14"; V9 max 186 = 8 + 14 + 66 + 18 + 14 + 66.
        #expect(SupervisorAssistReq.fixedPartLength == 14)
        // notes, SUPERVISOR_ASSIST_CONF (119): "fixed 14"; max 88 = 8 + 14 + 66.
        #expect(SupervisorAssistConf.fixedPartLength == 14)
        // notes, EMERGENCY_CALL_REQ (121), EMERGENCY_CALL_CONF (122), EMERGENCY_CALL_EVENT (123): "fixed 14" each.
        #expect(EmergencyCallReq.fixedPartLength == 14)
        #expect(EmergencyCallConf.fixedPartLength == 14)
        #expect(EmergencyCallEvent.fixedPartLength == 14)
        // notes, SUPERVISE_CALL_REQ (124): "fixed 22"; V15 max 326 = 8 + 22 + 4 × 66 + 18 + 14.
        #expect(SuperviseCallReq.fixedPartLength == 22)
        // notes, SUPERVISE_CALL_CONF (125): "fixed 10"; V9 max 84 = 8 + 10 + 66.
        #expect(SuperviseCallConf.fixedPartLength == 10)
        // notes, AGENT_TEAM_CONFIG_EVENT (128): "fixed 16 (v19+; 12 before v19)".
        #expect(AgentTeamConfigEvent.fixedPartLength == 16)
        // notes, LIST_AGENT_TEAM_REQ (133): "fixed 8"; LIST_AGENT_TEAM_CONF (134): "fixed 10".
        #expect(ListAgentTeamReq.fixedPartLength == 8)
        #expect(ListAgentTeamConf.fixedPartLength == 10)
        // notes, MONITOR_AGENT_TEAM_START_REQ/CONF, STOP_REQ (135-137): "fixed 8"; STOP_CONF (138): "fixed 4".
        #expect(MonitorAgentTeamStartReq.fixedPartLength == 8)
        #expect(MonitorAgentTeamStartConf.fixedPartLength == 8)
        #expect(MonitorAgentTeamStopReq.fixedPartLength == 8)
        #expect(MonitorAgentTeamStopConf.fixedPartLength == 4)
    }

    // MARK: Twins

    @Test func changedSupervisoryActionIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.superviseCallMonitor
        // SupervisoryAction is the last fixed field: low byte at 8 + 22 - 1 = 29 (SUPERVISOR_MONITOR = 1); make it
        // 2 SUPERVISOR_WHISPER.
        #expect(vector.hex.bytes[29] == 0x01)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 29, with: 0x02)))
        #expect(decoded != vector.expected)
        guard case .superviseCallReq(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.supervisoryAction == .supervisorWhisper)
    }

    @Test func changedMemberFlagsNoLongerEncodeToTheVector() throws {
        guard case .agentTeamConfigEvent(var message) = MessageVector.agentTeamConfigTeam.expected else {
            Issue.record("not AGENT_TEAM_CONFIG_EVENT")
            return
        }
        message.agents[1].flags = 0x4
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.agentTeamConfigTeam.hex.bytes)
    }

    @Test func reorderedTeamIDsNoLongerEncodeToTheVector() throws {
        guard case .listAgentTeamConf(var message) = MessageVector.listAgentTeamConf.expected else {
            Issue.record("not LIST_AGENT_TEAM_CONF")
            return
        }
        message.teamIDs.reverse()
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.listAgentTeamConf.hex.bytes)
    }
}
