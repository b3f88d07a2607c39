import GED188
import NIOCore
import Testing

// Statistics queries of the Client Control Service (QUERY_AGENT_STATISTICS_REQ/CONF, QUERY_SKILL_GROUP_STATISTICS_REQ/
// CONF), written by hand from /work/notes/ged188-catalog-layouts.md, "Miscellaneous service (subset)" (v25
// Application Level Interfaces tables, unchanged since v24). Every statistic is a UINT; the CONFs' fixed parts are
// typed out one field per line, each with its own value so that two swapped fields cannot give the same bytes:
//   agent statistics:       InvokeID, PeripheralID, then field n (1..42) of the Session block = 0x100 + n and field
//                           n of the Today block = 0x2400 + n;
//   skill group statistics: InvokeID, PeripheralID, SkillGroupNumber, SkillGroupID, then real-time field n (1..22)
//                           = 0x100 + n, and field n (1..41) of the To5 block = 0x500 + n, of the ToHalf block =
//                           0x3000 + n, of the Today block = 0x2400 + n.
// Floating fields: tag USHORT, length USHORT, data (Messaging Conventions, Floating Part).

extension MessageVector {
    static let queryAgentStatisticsReq = MessageVector(
        name: "QUERY_AGENT_STATISTICS_REQ, agent named three ways",
        hex: HexVector("""
            00000023  # MHDR MessageLength = 35: 8 fixed + 27 floating (Messaging Conventions, MHDR)
            00000070  # MHDR MessageType = 112 QUERY_AGENT_STATISTICS_REQ (Messaging Conventions, Message Types)
            00000024  # InvokeID = 36 (Client Control Service, QUERY_AGENT_STATISTICS_REQ)
            00001388  # PeripheralID = 5000 (Client Control Service, QUERY_AGENT_STATISTICS_REQ)
            0004 0005 3130303100  # AgentExtension tag 4, "1001" NUL (Client Control Service, QUERY_AGENT_STATISTICS_REQ)
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .queryAgentStatisticsReq(QueryAgentStatisticsReq(
            invokeID: 36, peripheralID: 5000, agentExtension: "1001", agentID: "5001", agentInstrument: "1001"
        ))
    )

    static let queryAgentStatisticsConf = MessageVector(
        name: "QUERY_AGENT_STATISTICS_CONF, 86 distinct UINTs and the agent's identity",
        hex: HexVector("""
            00000173  # MHDR MessageLength = 371: 344 fixed (86 UINTs) + 27 floating (Messaging Conventions, MHDR)
            00000071  # MHDR MessageType = 113 QUERY_AGENT_STATISTICS_CONF (Messaging Conventions, Message Types)
            00000024  # InvokeID = 36, the request's (Client Control Service, QUERY_AGENT_STATISTICS_CONF)
            00001388  # PeripheralID = 5000 (Client Control Service, QUERY_AGENT_STATISTICS_CONF)
            00000101  # 1 AvailTimeSession (QUERY_AGENT_STATISTICS_CONF, Session block)
            00000102  # 2 LoggedOnTimeSession
            00000103  # 3 NotReadyTimeSession
            00000104  # 4 ICMAvailableTimeSession
            00000105  # 5 RoutableTimeSession
            00000106  # 6 AgentOutCallsSession
            00000107  # 7 AgentOutCallsTalkTimeSession
            00000108  # 8 AgentOutCallsTimeSession
            00000109  # 9 AgentOutCallsHeldSession
            0000010a  # 10 AgentOutCallsHeldTimeSession
            0000010b  # 11 HandledCallsSession
            0000010c  # 12 HandledCallsTalkTimeSession
            0000010d  # 13 HandledCallsAfterCallTimeSession
            0000010e  # 14 HandledCallsTimeSession
            0000010f  # 15 IncomingCallsHeldSession
            00000110  # 16 IncomingCallsHeldTimeSession
            00000111  # 17 InternalCallsSession
            00000112  # 18 InternalCallsTimeSession
            00000113  # 19 InternalCallsRcvdSession
            00000114  # 20 InternalCallsRcvdTimeSession
            00000115  # 21 InternalCallsHeldSession
            00000116  # 22 InternalCallsHeldTimeSession
            00000117  # 23 AutoOutCallsSession
            00000118  # 24 AutoOutCallsTalkTimeSession
            00000119  # 25 AutoOutCallsTimeSession
            0000011a  # 26 AutoOutCallsHeldSession
            0000011b  # 27 AutoOutCallsHeldTimeSession
            0000011c  # 28 PreviewCallsSession
            0000011d  # 29 PreviewCallsTalkTimeSession
            0000011e  # 30 PreviewCallsTimeSession
            0000011f  # 31 PreviewCallsHeldSession
            00000120  # 32 PreviewCallsHeldTimeSession
            00000121  # 33 ReservationCallsSession
            00000122  # 34 ReservationCallsTalkTimeSession
            00000123  # 35 ReservationCallsTimeSession
            00000124  # 36 ReservationCallsHeldSession
            00000125  # 37 ReservationCallsHeldTimeSession
            00000126  # 38 BargeInCallsSession
            00000127  # 39 InterceptCallsSession
            00000128  # 40 MonitorCallsSession
            00000129  # 41 WhisperCallsSession
            0000012a  # 42 EmergencyCallsSession
            00002401  # 1 AvailTimeToday (QUERY_AGENT_STATISTICS_CONF, Today block)
            00002402  # 2 LoggedOnTimeToday
            00002403  # 3 NotReadyTimeToday
            00002404  # 4 ICMAvailableTimeToday
            00002405  # 5 RoutableTimeToday
            00002406  # 6 AgentOutCallsToday
            00002407  # 7 AgentOutCallsTalkTimeToday
            00002408  # 8 AgentOutCallsTimeToday
            00002409  # 9 AgentOutCallsHeldToday
            0000240a  # 10 AgentOutCallsHeldTimeToday
            0000240b  # 11 HandledCallsToday
            0000240c  # 12 HandledCallsTalkTimeToday
            0000240d  # 13 HandledCallsAfterCallTimeToday
            0000240e  # 14 HandledCallsTimeToday
            0000240f  # 15 IncomingCallsHeldToday
            00002410  # 16 IncomingCallsHeldTimeToday
            00002411  # 17 InternalCallsToday
            00002412  # 18 InternalCallsTimeToday
            00002413  # 19 InternalCallsRcvdToday
            00002414  # 20 InternalCallsRcvdTimeToday
            00002415  # 21 InternalCallsHeldToday
            00002416  # 22 InternalCallsHeldTimeToday
            00002417  # 23 AutoOutCallsToday
            00002418  # 24 AutoOutCallsTalkTimeToday
            00002419  # 25 AutoOutCallsTimeToday
            0000241a  # 26 AutoOutCallsHeldToday
            0000241b  # 27 AutoOutCallsHeldTimeToday
            0000241c  # 28 PreviewCallsToday
            0000241d  # 29 PreviewCallsTalkTimeToday
            0000241e  # 30 PreviewCallsTimeToday
            0000241f  # 31 PreviewCallsHeldToday
            00002420  # 32 PreviewCallsHeldTimeToday
            00002421  # 33 ReservationCallsToday
            00002422  # 34 ReservationCallsTalkTimeToday
            00002423  # 35 ReservationCallsTimeToday
            00002424  # 36 ReservationCallsHeldToday
            00002425  # 37 ReservationCallsHeldTimeToday
            00002426  # 38 BargeInCallsToday
            00002427  # 39 InterceptCallsToday
            00002428  # 40 MonitorCallsToday
            00002429  # 41 WhisperCallsToday
            0000242a  # 42 EmergencyCallsToday
            0004 0005 3130303100  # AgentExtension tag 4, "1001" NUL (Client Control Service, QUERY_AGENT_STATISTICS_CONF)
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .queryAgentStatisticsConf(QueryAgentStatisticsConf(
            invokeID: 36, peripheralID: 5000,
            availTimeSession: 0x101, loggedOnTimeSession: 0x102, notReadyTimeSession: 0x103,
            icmAvailableTimeSession: 0x104, routableTimeSession: 0x105,
            agentOutCallsSession: 0x106, agentOutCallsTalkTimeSession: 0x107, agentOutCallsTimeSession: 0x108,
            agentOutCallsHeldSession: 0x109, agentOutCallsHeldTimeSession: 0x10A,
            handledCallsSession: 0x10B, handledCallsTalkTimeSession: 0x10C, handledCallsAfterCallTimeSession: 0x10D,
            handledCallsTimeSession: 0x10E,
            incomingCallsHeldSession: 0x10F, incomingCallsHeldTimeSession: 0x110,
            internalCallsSession: 0x111, internalCallsTimeSession: 0x112, internalCallsRcvdSession: 0x113,
            internalCallsRcvdTimeSession: 0x114, internalCallsHeldSession: 0x115, internalCallsHeldTimeSession: 0x116,
            autoOutCallsSession: 0x117, autoOutCallsTalkTimeSession: 0x118, autoOutCallsTimeSession: 0x119,
            autoOutCallsHeldSession: 0x11A, autoOutCallsHeldTimeSession: 0x11B,
            previewCallsSession: 0x11C, previewCallsTalkTimeSession: 0x11D, previewCallsTimeSession: 0x11E,
            previewCallsHeldSession: 0x11F, previewCallsHeldTimeSession: 0x120,
            reservationCallsSession: 0x121, reservationCallsTalkTimeSession: 0x122,
            reservationCallsTimeSession: 0x123, reservationCallsHeldSession: 0x124,
            reservationCallsHeldTimeSession: 0x125,
            bargeInCallsSession: 0x126, interceptCallsSession: 0x127, monitorCallsSession: 0x128,
            whisperCallsSession: 0x129, emergencyCallsSession: 0x12A,
            availTimeToday: 0x2401, loggedOnTimeToday: 0x2402, notReadyTimeToday: 0x2403,
            icmAvailableTimeToday: 0x2404, routableTimeToday: 0x2405,
            agentOutCallsToday: 0x2406, agentOutCallsTalkTimeToday: 0x2407, agentOutCallsTimeToday: 0x2408,
            agentOutCallsHeldToday: 0x2409, agentOutCallsHeldTimeToday: 0x240A,
            handledCallsToday: 0x240B, handledCallsTalkTimeToday: 0x240C, handledCallsAfterCallTimeToday: 0x240D,
            handledCallsTimeToday: 0x240E,
            incomingCallsHeldToday: 0x240F, incomingCallsHeldTimeToday: 0x2410,
            internalCallsToday: 0x2411, internalCallsTimeToday: 0x2412, internalCallsRcvdToday: 0x2413,
            internalCallsRcvdTimeToday: 0x2414, internalCallsHeldToday: 0x2415, internalCallsHeldTimeToday: 0x2416,
            autoOutCallsToday: 0x2417, autoOutCallsTalkTimeToday: 0x2418, autoOutCallsTimeToday: 0x2419,
            autoOutCallsHeldToday: 0x241A, autoOutCallsHeldTimeToday: 0x241B,
            previewCallsToday: 0x241C, previewCallsTalkTimeToday: 0x241D, previewCallsTimeToday: 0x241E,
            previewCallsHeldToday: 0x241F, previewCallsHeldTimeToday: 0x2420,
            reservationCallsToday: 0x2421, reservationCallsTalkTimeToday: 0x2422, reservationCallsTimeToday: 0x2423,
            reservationCallsHeldToday: 0x2424, reservationCallsHeldTimeToday: 0x2425,
            bargeInCallsToday: 0x2426, interceptCallsToday: 0x2427, monitorCallsToday: 0x2428,
            whisperCallsToday: 0x2429, emergencyCallsToday: 0x242A,
            agentExtension: "1001", agentID: "5001", agentInstrument: "1001"
        ))
    )

    static let querySkillGroupStatisticsReqByNumber = MessageVector(
        name: "QUERY_SKILL_GROUP_STATISTICS_REQ, by skill group number",
        hex: HexVector("""
            00000010  # MHDR MessageLength = 16, no floating part (Messaging Conventions, MHDR)
            00000072  # MHDR MessageType = 114 QUERY_SKILL_GROUP_STATISTICS_REQ (Messaging Conventions, Message Types)
            00000025  # InvokeID = 37 (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_REQ)
            00001388  # PeripheralID = 5000 (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_REQ)
            00000065  # SkillGroupNumber = 101 (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_REQ)
            ffffffff  # SkillGroupID = NULL_SKILL_GROUP, the number is given (Constants, Special Values)
            """),
        expected: .querySkillGroupStatisticsReq(QuerySkillGroupStatisticsReq(
            invokeID: 37, peripheralID: 5000, skillGroupNumber: 101, skillGroupID: 0xFFFF_FFFF
        ))
    )

    static let querySkillGroupStatisticsReqByID = MessageVector(
        name: "QUERY_SKILL_GROUP_STATISTICS_REQ, by skill group ID",
        hex: HexVector("""
            00000010  # MHDR MessageLength = 16, no floating part (Messaging Conventions, MHDR)
            00000072  # MHDR MessageType = 114 QUERY_SKILL_GROUP_STATISTICS_REQ (Messaging Conventions, Message Types)
            00000026  # InvokeID = 38 (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_REQ)
            00001388  # PeripheralID = 5000 (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_REQ)
            ffffffff  # SkillGroupNumber = NULL_SKILL_GROUP, the ID is given (Constants, Special Values)
            0000138a  # SkillGroupID = 5002 (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_REQ)
            """),
        expected: .querySkillGroupStatisticsReq(QuerySkillGroupStatisticsReq(
            invokeID: 38, peripheralID: 5000, skillGroupID: 5002
        ))
    )

    static let querySkillGroupStatisticsConf = MessageVector(
        name: "QUERY_SKILL_GROUP_STATISTICS_CONF, 149 distinct UINTs",
        hex: HexVector("""
            00000254  # MHDR MessageLength = 596: 149 UINTs, no floating part (Messaging Conventions, MHDR)
            00000073  # MHDR MessageType = 115 QUERY_SKILL_GROUP_STATISTICS_CONF (Messaging Conventions, Message Types)
            00000025  # InvokeID = 37, the request's (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_CONF)
            00001388  # PeripheralID = 5000 (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_CONF)
            00000065  # SkillGroupNumber = 101 (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_CONF)
            0000138a  # SkillGroupID = 5002 (Client Control Service, QUERY_SKILL_GROUP_STATISTICS_CONF)
            00000101  # 1 AgentsLoggedOn (QUERY_SKILL_GROUP_STATISTICS_CONF, real-time values)
            00000102  # 2 AgentsAvail
            00000103  # 3 AgentsNotReady
            00000104  # 4 AgentsReady
            00000105  # 5 AgentsTalkingIn
            00000106  # 6 AgentsTalkingOut
            00000107  # 7 AgentsTalkingOther
            00000108  # 8 AgentsWorkNotReady
            00000109  # 9 AgentsWorkReady
            0000010a  # 10 AgentsBusyOther
            0000010b  # 11 AgentsReserved
            0000010c  # 12 AgentsHold
            0000010d  # 13 AgentsICMAvailable
            0000010e  # 14 AgentsApplicationAvailable
            0000010f  # 15 AgentsTalkingAutoOut
            00000110  # 16 AgentsTalkingPreview
            00000111  # 17 AgentsTalkingReservation
            00000112  # 18 RouterCallsQNow
            00000113  # 19 LongestRouterCallQNow
            00000114  # 20 CallsQNow
            00000115  # 21 CallsQTimeNow
            00000116  # 22 LongestCallQNow
            00000501  # 1 AvailTimeTo5 (QUERY_SKILL_GROUP_STATISTICS_CONF, To5 block: current five minutes)
            00000502  # 2 LoggedOnTimeTo5
            00000503  # 3 NotReadyTimeTo5
            00000504  # 4 AgentOutCallsTo5
            00000505  # 5 AgentOutCallsTalkTimeTo5
            00000506  # 6 AgentOutCallsTimeTo5
            00000507  # 7 AgentOutCallsHeldTo5
            00000508  # 8 AgentOutCallsHeldTimeTo5
            00000509  # 9 HandledCallsTo5
            0000050a  # 10 HandledCallsTalkTimeTo5
            0000050b  # 11 HandledCallsAfterCallTimeTo5
            0000050c  # 12 HandledCallsTimeTo5
            0000050d  # 13 IncomingCallsHeldTo5
            0000050e  # 14 IncomingCallsHeldTimeTo5
            0000050f  # 15 InternalCallsRcvdTo5
            00000510  # 16 InternalCallsRcvdTimeTo5
            00000511  # 17 InternalCallsHeldTo5
            00000512  # 18 InternalCallsHeldTimeTo5
            00000513  # 19 AutoOutCallsTo5
            00000514  # 20 AutoOutCallsTalkTimeTo5
            00000515  # 21 AutoOutCallsTimeTo5
            00000516  # 22 AutoOutCallsHeldTo5
            00000517  # 23 AutoOutCallsHeldTimeTo5
            00000518  # 24 PreviewCallsTo5
            00000519  # 25 PreviewCallsTalkTimeTo5
            0000051a  # 26 PreviewCallsTimeTo5
            0000051b  # 27 PreviewCallsHeldTo5
            0000051c  # 28 PreviewCallsHeldTimeTo5
            0000051d  # 29 ReservationCallsTo5
            0000051e  # 30 ReservationCallsTalkTimeTo5
            0000051f  # 31 ReservationCallsTimeTo5
            00000520  # 32 ReservationCallsHeldTo5
            00000521  # 33 ReservationCallsHeldTimeTo5
            00000522  # 34 BargeInCallsTo5
            00000523  # 35 InterceptCallsTo5
            00000524  # 36 MonitorCallsTo5
            00000525  # 37 WhisperCallsTo5
            00000526  # 38 EmergencyCallsTo5
            00000527  # 39 CallsQ5
            00000528  # 40 CallsQTime5
            00000529  # 41 LongestCallQ5
            00003001  # 1 AvailTimeToHalf (QUERY_SKILL_GROUP_STATISTICS_CONF, ToHalf block: current half hour)
            00003002  # 2 LoggedOnTimeToHalf
            00003003  # 3 NotReadyTimeToHalf
            00003004  # 4 AgentOutCallsToHalf
            00003005  # 5 AgentOutCallsTalkTimeToHalf
            00003006  # 6 AgentOutCallsTimeToHalf
            00003007  # 7 AgentOutCallsHeldToHalf
            00003008  # 8 AgentOutCallsHeldTimeToHalf
            00003009  # 9 HandledCallsToHalf
            0000300a  # 10 HandledCallsTalkTimeToHalf
            0000300b  # 11 HandledCallsAfterCallTimeToHalf
            0000300c  # 12 HandledCallsTimeToHalf
            0000300d  # 13 IncomingCallsHeldToHalf
            0000300e  # 14 IncomingCallsHeldTimeToHalf
            0000300f  # 15 InternalCallsRcvdToHalf
            00003010  # 16 InternalCallsRcvdTimeToHalf
            00003011  # 17 InternalCallsHeldToHalf
            00003012  # 18 InternalCallsHeldTimeToHalf
            00003013  # 19 AutoOutCallsToHalf
            00003014  # 20 AutoOutCallsTalkTimeToHalf
            00003015  # 21 AutoOutCallsTimeToHalf
            00003016  # 22 AutoOutCallsHeldToHalf
            00003017  # 23 AutoOutCallsHeldTimeToHalf
            00003018  # 24 PreviewCallsToHalf
            00003019  # 25 PreviewCallsTalkTimeToHalf
            0000301a  # 26 PreviewCallsTimeToHalf
            0000301b  # 27 PreviewCallsHeldToHalf
            0000301c  # 28 PreviewCallsHeldTimeToHalf
            0000301d  # 29 ReservationCallsToHalf
            0000301e  # 30 ReservationCallsTalkTimeToHalf
            0000301f  # 31 ReservationCallsTimeToHalf
            00003020  # 32 ReservationCallsHeldToHalf
            00003021  # 33 ReservationCallsHeldTimeToHalf
            00003022  # 34 BargeInCallsToHalf
            00003023  # 35 InterceptCallsToHalf
            00003024  # 36 MonitorCallsToHalf
            00003025  # 37 WhisperCallsToHalf
            00003026  # 38 EmergencyCallsToHalf
            00003027  # 39 CallsQHalf
            00003028  # 40 CallsQTimeHalf
            00003029  # 41 LongestCallQHalf
            00002401  # 1 AvailTimeToday (QUERY_SKILL_GROUP_STATISTICS_CONF, Today block: since midnight)
            00002402  # 2 LoggedOnTimeToday
            00002403  # 3 NotReadyTimeToday
            00002404  # 4 AgentOutCallsToday
            00002405  # 5 AgentOutCallsTalkTimeToday
            00002406  # 6 AgentOutCallsTimeToday
            00002407  # 7 AgentOutCallsHeldToday
            00002408  # 8 AgentOutCallsHeldTimeToday
            00002409  # 9 HandledCallsToday
            0000240a  # 10 HandledCallsTalkTimeToday
            0000240b  # 11 HandledCallsAfterCallTimeToday
            0000240c  # 12 HandledCallsTimeToday
            0000240d  # 13 IncomingCallsHeldToday
            0000240e  # 14 IncomingCallsHeldTimeToday
            0000240f  # 15 InternalCallsRcvdToday
            00002410  # 16 InternalCallsRcvdTimeToday
            00002411  # 17 InternalCallsHeldToday
            00002412  # 18 InternalCallsHeldTimeToday
            00002413  # 19 AutoOutCallsToday
            00002414  # 20 AutoOutCallsTalkTimeToday
            00002415  # 21 AutoOutCallsTimeToday
            00002416  # 22 AutoOutCallsHeldToday
            00002417  # 23 AutoOutCallsHeldTimeToday
            00002418  # 24 PreviewCallsToday
            00002419  # 25 PreviewCallsTalkTimeToday
            0000241a  # 26 PreviewCallsTimeToday
            0000241b  # 27 PreviewCallsHeldToday
            0000241c  # 28 PreviewCallsHeldTimeToday
            0000241d  # 29 ReservationCallsToday
            0000241e  # 30 ReservationCallsTalkTimeToday
            0000241f  # 31 ReservationCallsTimeToday
            00002420  # 32 ReservationCallsHeldToday
            00002421  # 33 ReservationCallsHeldTimeToday
            00002422  # 34 BargeInCallsToday
            00002423  # 35 InterceptCallsToday
            00002424  # 36 MonitorCallsToday
            00002425  # 37 WhisperCallsToday
            00002426  # 38 EmergencyCallsToday
            00002427  # 39 CallsQToday
            00002428  # 40 CallsQTimeToday
            00002429  # 41 LongestCallQToday
            """),
        expected: .querySkillGroupStatisticsConf(QuerySkillGroupStatisticsConf(
            invokeID: 37, peripheralID: 5000, skillGroupNumber: 101, skillGroupID: 5002,
            agentsLoggedOn: 0x101, agentsAvail: 0x102, agentsNotReady: 0x103, agentsReady: 0x104,
            agentsTalkingIn: 0x105, agentsTalkingOut: 0x106, agentsTalkingOther: 0x107, agentsWorkNotReady: 0x108,
            agentsWorkReady: 0x109, agentsBusyOther: 0x10A, agentsReserved: 0x10B, agentsHold: 0x10C,
            agentsICMAvailable: 0x10D, agentsApplicationAvailable: 0x10E, agentsTalkingAutoOut: 0x10F,
            agentsTalkingPreview: 0x110, agentsTalkingReservation: 0x111, routerCallsQNow: 0x112,
            longestRouterCallQNow: 0x113, callsQNow: 0x114, callsQTimeNow: 0x115, longestCallQNow: 0x116,
            availTimeTo5: 0x501, loggedOnTimeTo5: 0x502, notReadyTimeTo5: 0x503,
            agentOutCallsTo5: 0x504, agentOutCallsTalkTimeTo5: 0x505, agentOutCallsTimeTo5: 0x506,
            agentOutCallsHeldTo5: 0x507, agentOutCallsHeldTimeTo5: 0x508,
            handledCallsTo5: 0x509, handledCallsTalkTimeTo5: 0x50A, handledCallsAfterCallTimeTo5: 0x50B,
            handledCallsTimeTo5: 0x50C, incomingCallsHeldTo5: 0x50D, incomingCallsHeldTimeTo5: 0x50E,
            internalCallsRcvdTo5: 0x50F, internalCallsRcvdTimeTo5: 0x510, internalCallsHeldTo5: 0x511,
            internalCallsHeldTimeTo5: 0x512,
            autoOutCallsTo5: 0x513, autoOutCallsTalkTimeTo5: 0x514, autoOutCallsTimeTo5: 0x515,
            autoOutCallsHeldTo5: 0x516, autoOutCallsHeldTimeTo5: 0x517,
            previewCallsTo5: 0x518, previewCallsTalkTimeTo5: 0x519, previewCallsTimeTo5: 0x51A,
            previewCallsHeldTo5: 0x51B, previewCallsHeldTimeTo5: 0x51C,
            reservationCallsTo5: 0x51D, reservationCallsTalkTimeTo5: 0x51E, reservationCallsTimeTo5: 0x51F,
            reservationCallsHeldTo5: 0x520, reservationCallsHeldTimeTo5: 0x521,
            bargeInCallsTo5: 0x522, interceptCallsTo5: 0x523, monitorCallsTo5: 0x524, whisperCallsTo5: 0x525,
            emergencyCallsTo5: 0x526, callsQ5: 0x527, callsQTime5: 0x528, longestCallQ5: 0x529,
            availTimeToHalf: 0x3001, loggedOnTimeToHalf: 0x3002, notReadyTimeToHalf: 0x3003,
            agentOutCallsToHalf: 0x3004, agentOutCallsTalkTimeToHalf: 0x3005, agentOutCallsTimeToHalf: 0x3006,
            agentOutCallsHeldToHalf: 0x3007, agentOutCallsHeldTimeToHalf: 0x3008,
            handledCallsToHalf: 0x3009, handledCallsTalkTimeToHalf: 0x300A, handledCallsAfterCallTimeToHalf: 0x300B,
            handledCallsTimeToHalf: 0x300C, incomingCallsHeldToHalf: 0x300D, incomingCallsHeldTimeToHalf: 0x300E,
            internalCallsRcvdToHalf: 0x300F, internalCallsRcvdTimeToHalf: 0x3010, internalCallsHeldToHalf: 0x3011,
            internalCallsHeldTimeToHalf: 0x3012,
            autoOutCallsToHalf: 0x3013, autoOutCallsTalkTimeToHalf: 0x3014, autoOutCallsTimeToHalf: 0x3015,
            autoOutCallsHeldToHalf: 0x3016, autoOutCallsHeldTimeToHalf: 0x3017,
            previewCallsToHalf: 0x3018, previewCallsTalkTimeToHalf: 0x3019, previewCallsTimeToHalf: 0x301A,
            previewCallsHeldToHalf: 0x301B, previewCallsHeldTimeToHalf: 0x301C,
            reservationCallsToHalf: 0x301D, reservationCallsTalkTimeToHalf: 0x301E,
            reservationCallsTimeToHalf: 0x301F, reservationCallsHeldToHalf: 0x3020,
            reservationCallsHeldTimeToHalf: 0x3021,
            bargeInCallsToHalf: 0x3022, interceptCallsToHalf: 0x3023, monitorCallsToHalf: 0x3024,
            whisperCallsToHalf: 0x3025, emergencyCallsToHalf: 0x3026,
            callsQHalf: 0x3027, callsQTimeHalf: 0x3028, longestCallQHalf: 0x3029,
            availTimeToday: 0x2401, loggedOnTimeToday: 0x2402, notReadyTimeToday: 0x2403,
            agentOutCallsToday: 0x2404, agentOutCallsTalkTimeToday: 0x2405, agentOutCallsTimeToday: 0x2406,
            agentOutCallsHeldToday: 0x2407, agentOutCallsHeldTimeToday: 0x2408,
            handledCallsToday: 0x2409, handledCallsTalkTimeToday: 0x240A, handledCallsAfterCallTimeToday: 0x240B,
            handledCallsTimeToday: 0x240C, incomingCallsHeldToday: 0x240D, incomingCallsHeldTimeToday: 0x240E,
            internalCallsRcvdToday: 0x240F, internalCallsRcvdTimeToday: 0x2410, internalCallsHeldToday: 0x2411,
            internalCallsHeldTimeToday: 0x2412,
            autoOutCallsToday: 0x2413, autoOutCallsTalkTimeToday: 0x2414, autoOutCallsTimeToday: 0x2415,
            autoOutCallsHeldToday: 0x2416, autoOutCallsHeldTimeToday: 0x2417,
            previewCallsToday: 0x2418, previewCallsTalkTimeToday: 0x2419, previewCallsTimeToday: 0x241A,
            previewCallsHeldToday: 0x241B, previewCallsHeldTimeToday: 0x241C,
            reservationCallsToday: 0x241D, reservationCallsTalkTimeToday: 0x241E, reservationCallsTimeToday: 0x241F,
            reservationCallsHeldToday: 0x2420, reservationCallsHeldTimeToday: 0x2421,
            bargeInCallsToday: 0x2422, interceptCallsToday: 0x2423, monitorCallsToday: 0x2424,
            whisperCallsToday: 0x2425, emergencyCallsToday: 0x2426,
            callsQToday: 0x2427, callsQTimeToday: 0x2428, longestCallQToday: 0x2429
        ))
    )

    static let statistics: [MessageVector] = [
        queryAgentStatisticsReq, queryAgentStatisticsConf, querySkillGroupStatisticsReqByNumber,
        querySkillGroupStatisticsReqByID, querySkillGroupStatisticsConf,
    ]
}

/// The UINT at `offset` (header included) of `bytes`, big-endian.
private func uint(in bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
}

@Suite struct StatisticsVectorTests {
    @Test func queryAgentStatisticsReq() throws {
        let message = try MessageVector.queryAgentStatisticsReq.check(as: QueryAgentStatisticsReq.self)
        #expect(message.agentExtension == "1001")
        #expect(message.agentID == "5001")
        #expect(message.agentInstrument == "1001")
    }

    @Test func queryAgentStatisticsConf() throws {
        let message = try MessageVector.queryAgentStatisticsConf.check(as: QueryAgentStatisticsConf.self)
        #expect(message.peripheralID == 5000)
        #expect(message.availTimeSession == 0x101)
        #expect(message.icmAvailableTimeSession == 0x104)
        #expect(message.internalCallsSession == 0x111)
        #expect(message.emergencyCallsSession == 0x12A)
        #expect(message.availTimeToday == 0x2401)
        #expect(message.routableTimeToday == 0x2405)
        #expect(message.emergencyCallsToday == 0x242A)
        #expect(message.agentID == "5001")
    }

    /// The hand-typed blocks sit where the layout puts them: 2 + 42 UINTs before the Today block, 86 before the
    /// floating part.
    @Test func queryAgentStatisticsConfBlockOffsets() {
        let bytes = MessageVector.queryAgentStatisticsConf.hex.bytes
        #expect(uint(in: bytes, at: 8 + 4 * 2) == 0x101)
        #expect(uint(in: bytes, at: 8 + 4 * 43) == 0x12A)
        #expect(uint(in: bytes, at: 8 + 4 * 44) == 0x2401)
        #expect(uint(in: bytes, at: 8 + 4 * 85) == 0x242A)
        #expect(bytes[8 + 344] == 0x00 && bytes[8 + 345] == 0x04)  // AgentExtension's tag right after the 86 UINTs
    }

    @Test func querySkillGroupStatisticsReq() throws {
        let byNumber = try MessageVector.querySkillGroupStatisticsReqByNumber.check(as: QuerySkillGroupStatisticsReq.self)
        #expect(byNumber.skillGroupNumber == 101)
        #expect(byNumber.skillGroupID == 0xFFFF_FFFF)
        let byID = try MessageVector.querySkillGroupStatisticsReqByID.check(as: QuerySkillGroupStatisticsReq.self)
        #expect(byID.skillGroupNumber == 0xFFFF_FFFF)
        #expect(byID.skillGroupID == 5002)
    }

    @Test func querySkillGroupStatisticsConf() throws {
        let message = try MessageVector.querySkillGroupStatisticsConf.check(as: QuerySkillGroupStatisticsConf.self)
        #expect(message.skillGroupID == 5002)
        #expect(message.agentsLoggedOn == 0x101)
        #expect(message.longestCallQNow == 0x116)
        #expect(message.availTimeTo5 == 0x501)
        #expect(message.internalCallsRcvdTo5 == 0x50F)
        #expect(message.longestCallQ5 == 0x529)
        #expect(message.emergencyCallsToHalf == 0x3026)
        #expect(message.callsQHalf == 0x3027)
        #expect(message.availTimeToday == 0x2401)
        #expect(message.longestCallQToday == 0x2429)
        #expect(message.unknownFields.isEmpty)
    }

    /// 4 + 22 UINTs before the To5 block, 4 + 22 + 41 before ToHalf, 4 + 22 + 82 before Today, 149 in all.
    @Test func querySkillGroupStatisticsConfBlockOffsets() {
        let bytes = MessageVector.querySkillGroupStatisticsConf.hex.bytes
        #expect(bytes.count == 8 + 149 * 4)
        #expect(uint(in: bytes, at: 8 + 4 * 4) == 0x101)
        #expect(uint(in: bytes, at: 8 + 4 * 26) == 0x501)
        #expect(uint(in: bytes, at: 8 + 4 * 67) == 0x3001)
        #expect(uint(in: bytes, at: 8 + 4 * 108) == 0x2401)
        #expect(uint(in: bytes, at: 8 + 4 * 148) == 0x2429)
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as /work/notes/ged188-catalog-layouts.md gives them.
    @Test func fixedPartLengths() {
        // notes, QUERY_AGENT_STATISTICS_REQ (112): "fixed 8"; V15 max 114 = 8 + 8 + (18 + 14 + 66).
        #expect(QueryAgentStatisticsReq.fixedPartLength == 8)
        // notes, QUERY_AGENT_STATISTICS_CONF (113): "fixed 344 (86 × UINT)".
        #expect(QueryAgentStatisticsConf.fixedPartLength == 344)
        // notes, QUERY_SKILL_GROUP_STATISTICS_REQ (114): "fixed 16".
        #expect(QuerySkillGroupStatisticsReq.fixedPartLength == 16)
        // notes, QUERY_SKILL_GROUP_STATISTICS_CONF (115): "fixed 596 (149 × UINT), no floating part".
        #expect(QuerySkillGroupStatisticsConf.fixedPartLength == 596)
    }

    // MARK: Twins

    @Test func changedTodayCounterIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.queryAgentStatisticsConf
        // HandledCallsToday is the 11th Today UINT: 8 + 4 × (44 + 10) = 224, low byte at 227 (0x0B); make it 0x0C.
        #expect(vector.hex.bytes[227] == 0x0B)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 227, with: 0x0C)))
        #expect(decoded != vector.expected)
        guard case .queryAgentStatisticsConf(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.handledCallsToday == 0x240C)
        #expect(message.handledCallsTalkTimeToday == 0x240C)
    }

    @Test func swappedQueueFieldsNoLongerEncodeToTheVector() throws {
        guard case .querySkillGroupStatisticsConf(var message) = MessageVector.querySkillGroupStatisticsConf.expected
        else {
            Issue.record("not QUERY_SKILL_GROUP_STATISTICS_CONF")
            return
        }
        swap(&message.callsQToday, &message.callsQTimeToday)
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.querySkillGroupStatisticsConf.hex.bytes)
    }
}
