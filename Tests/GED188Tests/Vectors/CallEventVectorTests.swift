import GED188
import NIOCore
import Testing

// Call events of the Client Events Service, one device at a time, written by hand from the layouts in
// /work/notes/ged188-core-layouts.md (v25 Application Level Interfaces tables, unchanged since v24 per the v25
// Changes appendix). Floating fields: tag USHORT, length USHORT, data (Messaging Conventions, Floating Part);
// tag numbers from the Tag Values table (Constants and Status Codes).
//
// The call throughout: agent 5001 at extension 1001 on peripheral 5000 (PT_ENTERPRISE_AGENT = 17), call ID
// 123456 (0x0001E240), caller 5551234, route point 8000.

extension MessageVector {
    static let callDeliveredAlerting = MessageVector(
        name: "CALL_DELIVERED_EVENT, alerting at the agent, with call variables, a named variable and a named array",
        hex: HexVector("""
            000000b9  # MHDR MessageLength = 185: 54 fixed + 131 floating (Messaging Conventions, MHDR)
            00000009  # MHDR MessageType = 9 CALL_DELIVERED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_DELIVERED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT (Constants, PeripheralType)
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC (Constants, ConnectionDeviceIDType)
            0001e240  # ConnectionCallID = 123456
            0000      # LineHandle = 0, the alerting line (Client Events Service, CALL_DELIVERED_EVENT)
            0000      # LineType = 0 LINETYPE_INBOUND_ACD (Constants, LineType)
            ffffffff  # ServiceNumber = NULL_SERVICE (Constants, Special Values)
            ffffffff  # ServiceID = NULL_SERVICE
            00000065  # SkillGroupNumber = 101
            0000138a  # SkillGroupID = 5002
            0000      # SkillGroupPriority = 0
            0000      # AlertingDeviceType = 0 DEVID_DEVICE_IDENTIFIER (Constants, DeviceIDType)
            004b      # CallingDeviceType = 75 DEVID_EXTERNAL
            0000      # CalledDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            004a      # LastRedirectDeviceType = 74 DEVID_ROUTE_POINT
            0002      # LocalConnectionState = 2 LCS_ALERTING (Constants, LocalConnectionState)
            0016      # EventCause = 22 CEC_NEW_CALL (Constants, EventCause)
            0001      # NumNamedVariables = 1 (Client Events Service, CALL_DELIVERED_EVENT)
            0001      # NumNamedArrays = 1
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (required)
            001a 0005 3130303100          # AlertingDeviceID tag 26, "1001" NUL
            001b 0008 3535353132333400    # CallingDeviceID tag 27, "5551234" NUL
            001c 0005 3830303000          # CalledDeviceID tag 28, "8000" NUL
            001d 0005 3830303000          # LastRedirectDeviceID tag 29, "8000" NUL
            0008 0008 3535353132333400    # ANI tag 8, "5551234" NUL
            000a 0005 3830303000          # DNIS tag 10, "8000" NUL
            000b 0005 3830303000          # DialedNumber tag 11, "8000" NUL
            000c 0002 3100                # CallerEnteredDigits tag 12, "1" NUL
            000d 0004 61626300            # CallVariable1 tag 13, "abc" NUL
            0016 0004 78797a00            # CallVariable10 tag 22, "xyz" NUL
            0052 000b 757365722e696400 343200          # NamedVariable tag 82: "user.id" NUL, "42" NUL (Messaging Conventions, NAMEDVAR)
            0053 000c 01 757365722e61727200 7800       # NamedArray tag 83: index 1, "user.arr" NUL, "x" NUL (Messaging Conventions, NAMEDARRAY)
            """),
        expected: .callDeliveredEvent(CallDeliveredEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, lineHandle: 0, lineType: .inboundAcd, serviceNumber: 0xFFFF_FFFF,
            serviceID: 0xFFFF_FFFF, skillGroupNumber: 101, skillGroupID: 5002, skillGroupPriority: 0,
            alertingDeviceType: .deviceIdentifier, callingDeviceType: .external, calledDeviceType: .deviceIdentifier,
            lastRedirectDeviceType: .routePoint, localConnectionState: .alerting, eventCause: .newCall,
            connectionDeviceID: "1001", alertingDeviceID: "1001", callingDeviceID: "5551234", calledDeviceID: "8000",
            lastRedirectDeviceID: "8000", ani: "5551234", dnis: "8000", dialedNumber: "8000", callerEnteredDigits: "1",
            callVariable1: "abc", callVariable10: "xyz",
            namedVariables: [NamedVariable(name: "user.id", value: "42")],
            namedArrays: [NamedArrayElement(name: "user.arr", index: 1, value: "x")]
        ))
    )

    static let callDeliveredTrunk = MessageVector(
        name: "CALL_DELIVERED_EVENT, inbound trunk seized (LCS_INITIATE), trunk fields, ANI_II and UUI",
        hex: HexVector("""
            0000008c  # MHDR MessageLength = 140: 54 fixed + 86 floating (Messaging Conventions, MHDR)
            00000009  # MHDR MessageType = 9 CALL_DELIVERED_EVENT (Messaging Conventions, Message Types)
            00000000  # MonitorID = 0, All Events Service (Client Events Service, CALL_DELIVERED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0001      # ConnectionDeviceIDType = 1 CONNECTION_ID_DYNAMIC (Constants, ConnectionDeviceIDType)
            0001e240  # ConnectionCallID = 123456
            ffff      # LineHandle = 0xFFFF, not alerting (Client Events Service, CALL_DELIVERED_EVENT)
            ffff      # LineType = 0xFFFF, no line
            ffffffff  # ServiceNumber = NULL_SERVICE
            ffffffff  # ServiceID = NULL_SERVICE
            ffffffff  # SkillGroupNumber = NULL_SKILL_GROUP
            ffffffff  # SkillGroupID = NULL_SKILL_GROUP
            0000      # SkillGroupPriority = 0
            ffff      # AlertingDeviceType = 0xFFFF DEVID_NONE
            004b      # CallingDeviceType = 75 DEVID_EXTERNAL
            0000      # CalledDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            ffff      # LastRedirectDeviceType = DEVID_NONE
            0001      # LocalConnectionState = 1 LCS_INITIATE (Client Events Service, CALL_DELIVERED_EVENT)
            0016      # EventCause = 22 CEC_NEW_CALL
            0000      # NumNamedVariables = 0
            0000      # NumNamedArrays = 0
            0019 0004 54313200            # ConnectionDeviceID tag 25, "T12" NUL
            001b 0008 3535353132333400    # CallingDeviceID tag 27, "5551234" NUL
            001c 0005 3830303000          # CalledDeviceID tag 28, "8000" NUL
            0079 0004 0000000c            # TrunkNumber tag 121, UINT = 12
            007a 0004 00000003            # TrunkGroupNumber tag 122, UINT = 3
            00ca 0004 0001e241            # SecondaryConnectionCallID tag 202, UINT = 123457
            0008 0008 3535353132333400    # ANI tag 8, "5551234" NUL
            00d7 0002 3700                # ANI_II tag 215, STRING 2: "7" NUL
            0009 0004 deadbeef            # UserToUserInfo tag 9, UNSPEC, 4 raw bytes
            002e 0003 6f6b00              # CallWrapupData tag 46, "ok" NUL
            """),
        expected: .callDeliveredEvent(CallDeliveredEvent(
            monitorID: 0, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .dynamic,
            connectionCallID: 123_456, lineHandle: 0xFFFF, lineType: .notApplicable, serviceNumber: 0xFFFF_FFFF,
            serviceID: 0xFFFF_FFFF, skillGroupNumber: 0xFFFF_FFFF, skillGroupID: 0xFFFF_FFFF, skillGroupPriority: 0,
            alertingDeviceType: .notApplicable, callingDeviceType: .external, calledDeviceType: .deviceIdentifier,
            lastRedirectDeviceType: .notApplicable, localConnectionState: .initiate, eventCause: .newCall,
            connectionDeviceID: "T12", callingDeviceID: "5551234", calledDeviceID: "8000", trunkNumber: 12,
            trunkGroupNumber: 3, secondaryConnectionCallID: 123_457, ani: "5551234", aniII: "7",
            userToUserInfo: [0xDE, 0xAD, 0xBE, 0xEF], callWrapupData: "ok"
        ))
    )

    static let callEstablished = MessageVector(
        name: "CALL_ESTABLISHED_EVENT, answered at the agent's extension",
        hex: HexVector("""
            00000072  # MHDR MessageLength = 114: 50 fixed + 64 floating (Messaging Conventions, MHDR)
            0000000a  # MHDR MessageType = 10 CALL_ESTABLISHED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_ESTABLISHED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            0000      # LineHandle = 0
            0000      # LineType = 0 LINETYPE_INBOUND_ACD
            ffffffff  # ServiceNumber = NULL_SERVICE
            ffffffff  # ServiceID = NULL_SERVICE
            00000065  # SkillGroupNumber = 101
            0000138a  # SkillGroupID = 5002
            0000      # SkillGroupPriority = 0
            0000      # AnsweringDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            004b      # CallingDeviceType = 75 DEVID_EXTERNAL
            0000      # CalledDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            004a      # LastRedirectDeviceType = 74 DEVID_ROUTE_POINT
            0003      # LocalConnectionState = 3 LCS_CONNECT
            ffff      # EventCause = 0xFFFF CEC_NONE
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (required)
            001e 0005 3130303100          # AnsweringDeviceID tag 30, "1001" NUL
            001b 0008 3535353132333400    # CallingDeviceID tag 27, "5551234" NUL
            001c 0005 3830303000          # CalledDeviceID tag 28, "8000" NUL
            001d 0005 3830303000          # LastRedirectDeviceID tag 29, "8000" NUL
            0079 0004 0000000c            # TrunkNumber tag 121, UINT = 12
            007a 0004 00000003            # TrunkGroupNumber tag 122, UINT = 3
            """),
        expected: .callEstablishedEvent(CallEstablishedEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, lineHandle: 0, lineType: .inboundAcd, skillGroupNumber: 101, skillGroupID: 5002,
            answeringDeviceType: .deviceIdentifier, callingDeviceType: .external, calledDeviceType: .deviceIdentifier,
            lastRedirectDeviceType: .routePoint, localConnectionState: .connect, eventCause: .notApplicable,
            connectionDeviceID: "1001", answeringDeviceID: "1001", callingDeviceID: "5551234", calledDeviceID: "8000",
            lastRedirectDeviceID: "8000", trunkNumber: 12, trunkGroupNumber: 3
        ))
    )

    static let callHeld = MessageVector(
        name: "CALL_HELD_EVENT",
        hex: HexVector("""
            00000028  # MHDR MessageLength = 40: 22 fixed + 18 floating (Messaging Conventions, MHDR)
            0000000b  # MHDR MessageType = 11 CALL_HELD_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_HELD_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            0000      # HoldingDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            0004      # LocalConnectionState = 4 LCS_HOLD
            ffff      # EventCause = CEC_NONE
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (required)
            001f 0005 3130303100  # HoldingDeviceID tag 31, "1001" NUL
            """),
        expected: .callHeldEvent(CallHeldEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, holdingDeviceType: .deviceIdentifier, localConnectionState: .hold,
            eventCause: .notApplicable, connectionDeviceID: "1001", holdingDeviceID: "1001"
        ))
    )

    static let callRetrieved = MessageVector(
        name: "CALL_RETRIEVED_EVENT",
        hex: HexVector("""
            00000028  # MHDR MessageLength = 40: 22 fixed + 18 floating (Messaging Conventions, MHDR)
            0000000c  # MHDR MessageType = 12 CALL_RETRIEVED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_RETRIEVED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            0000      # RetrievingDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            0003      # LocalConnectionState = 3 LCS_CONNECT
            ffff      # EventCause = CEC_NONE
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (required)
            0020 0005 3130303100  # RetrievingDeviceID tag 32, "1001" NUL
            """),
        expected: .callRetrievedEvent(CallRetrievedEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, retrievingDeviceType: .deviceIdentifier, localConnectionState: .connect,
            eventCause: .notApplicable, connectionDeviceID: "1001", retrievingDeviceID: "1001"
        ))
    )

    static let callCleared = MessageVector(
        name: "CALL_CLEARED_EVENT with CallReferenceID (tag 223), not a field of this message: kept as unknown",
        hex: HexVector("""
            00000025  # MHDR MessageLength = 37: 20 fixed + 17 floating (Messaging Conventions, MHDR)
            0000000d  # MHDR MessageType = 13 CALL_CLEARED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_CLEARED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            0000      # LocalConnectionState = 0 LCS_NULL
            03f2      # EventCause = 1010 CECX_DROP_NO_ANSWER (Constants, EventCause, extended causes)
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (required)
            00df 0004 0a0b0c0d    # tag 223 CALL_REFERENCE_ID_TAG: not in this message's table, skipped and kept
            """),
        expected: .callClearedEvent(CallClearedEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, localConnectionState: .null, eventCause: .cecxDropNoAnswer,
            connectionDeviceID: "1001",
            unknownFields: [UnknownFloatingField(tag: .callReferenceID, data: [0x0A, 0x0B, 0x0C, 0x0D])]
        ))
    )

    static let callConnectionCleared = MessageVector(
        name: "CALL_CONNECTION_CLEARED_EVENT, the caller hung up",
        hex: HexVector("""
            0000002b  # MHDR MessageLength = 43: 22 fixed + 21 floating (Messaging Conventions, MHDR)
            0000000e  # MHDR MessageType = 14 CALL_CONNECTION_CLEARED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_CONNECTION_CLEARED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            004b      # ReleasingDeviceType = 75 DEVID_EXTERNAL
            0000      # LocalConnectionState = 0 LCS_NULL
            001c      # EventCause = 28 CEC_REDIRECTED
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (required)
            0021 0008 3535353132333400    # ReleasingDeviceID tag 33, "5551234" NUL
            """),
        expected: .callConnectionClearedEvent(CallConnectionClearedEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, releasingDeviceType: .external, localConnectionState: .null,
            eventCause: .redirected, connectionDeviceID: "1001", releasingDeviceID: "5551234"
        ))
    )

    static let callOriginated = MessageVector(
        name: "CALL_ORIGINATED_EVENT, agent dials out",
        hex: HexVector("""
            0000004c  # MHDR MessageLength = 76: 46 fixed + 30 floating (Messaging Conventions, MHDR)
            0000000f  # MHDR MessageType = 15 CALL_ORIGINATED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_ORIGINATED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e242  # ConnectionCallID = 123458
            0001      # LineHandle = 1
            0001      # LineType = 1 LINETYPE_OUTBOUND_ACD (Constants, LineType)
            ffffffff  # ServiceNumber = NULL_SERVICE
            ffffffff  # ServiceID = NULL_SERVICE
            ffffffff  # SkillGroupNumber = NULL_SKILL_GROUP
            ffffffff  # SkillGroupID = NULL_SKILL_GROUP
            0000      # SkillGroupPriority = 0
            0000      # CallingDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            004b      # CalledDeviceType = 75 DEVID_EXTERNAL
            0001      # LocalConnectionState = 1 LCS_INITIATE
            ffff      # EventCause = CEC_NONE
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (required)
            001b 0005 3130303100          # CallingDeviceID tag 27, "1001" NUL
            001c 0008 3535353938373600    # CalledDeviceID tag 28, "5559876" NUL
            """),
        expected: .callOriginatedEvent(CallOriginatedEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_458, lineHandle: 1, lineType: .outboundAcd,
            callingDeviceType: .deviceIdentifier, calledDeviceType: .external, localConnectionState: .initiate,
            eventCause: .notApplicable, connectionDeviceID: "1001", callingDeviceID: "1001", calledDeviceID: "5559876"
        ))
    )

    static let callFailed = MessageVector(
        name: "CALL_FAILED_EVENT, called party busy (24-byte fixed part, MonitorID first)",
        hex: HexVector("""
            00000039  # MHDR MessageLength = 57: 24 fixed + 33 floating (Messaging Conventions, MHDR)
            00000010  # MHDR MessageType = 16 CALL_FAILED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_FAILED_EVENT; notes point 2: present)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e242  # ConnectionCallID = 123458
            004b      # FailingDeviceType = 75 DEVID_EXTERNAL
            004b      # CalledDeviceType = 75 DEVID_EXTERNAL
            0006      # LocalConnectionState = 6 LCS_FAIL
            0003      # EventCause = 3 CEC_BUSY
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (required)
            0022 0008 3535353938373600    # FailingDeviceID tag 34, "5559876" NUL
            001c 0008 3535353938373600    # CalledDeviceID tag 28, "5559876" NUL
            """),
        expected: .callFailedEvent(CallFailedEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_458, failingDeviceType: .external, calledDeviceType: .external,
            localConnectionState: .fail, eventCause: .busy, connectionDeviceID: "1001", failingDeviceID: "5559876",
            calledDeviceID: "5559876"
        ))
    )

    static let callDiverted = MessageVector(
        name: "CALL_DIVERTED_EVENT, ring no answer redirect",
        hex: HexVector("""
            0000003b  # MHDR MessageLength = 59: 32 fixed + 27 floating (Messaging Conventions, MHDR)
            00000013  # MHDR MessageType = 19 CALL_DIVERTED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_DIVERTED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            0000000a  # ServiceNumber = 10
            00001392  # ServiceID = 5010
            0000      # DivertingDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            0000      # CalledDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            0000      # LocalConnectionState = 0 LCS_NULL
            001c      # EventCause = 28 CEC_REDIRECTED
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (required)
            002c 0005 3130303100  # DivertingDeviceID tag 44, "1001" NUL
            001c 0005 3130303200  # CalledDeviceID tag 28, "1002" NUL
            """),
        expected: .callDivertedEvent(CallDivertedEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, serviceNumber: 10, serviceID: 5010, divertingDeviceType: .deviceIdentifier,
            calledDeviceType: .deviceIdentifier, localConnectionState: .null, eventCause: .redirected,
            connectionDeviceID: "1001", divertingDeviceID: "1001", calledDeviceID: "1002"
        ))
    )

    static let callServiceInitiated = MessageVector(
        name: "CALL_SERVICE_INITIATED_EVENT, consult call with CallReferenceID and the COC fields",
        hex: HexVector("""
            0000005d  # MHDR MessageLength = 93: 44 fixed + 49 floating (Messaging Conventions, MHDR)
            00000014  # MHDR MessageType = 20 CALL_SERVICE_INITIATED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_SERVICE_INITIATED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e243  # ConnectionCallID = 123459, the consult call
            0001      # LineHandle = 1
            0002      # LineType = 2 LINETYPE_INSIDE (Constants, LineType)
            ffffffff  # ServiceNumber = NULL_SERVICE
            ffffffff  # ServiceID = NULL_SERVICE
            ffffffff  # SkillGroupNumber = NULL_SKILL_GROUP
            ffffffff  # SkillGroupID = NULL_SKILL_GROUP
            0000      # SkillGroupPriority = 0
            0000      # CallingDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            0001      # LocalConnectionState = 1 LCS_INITIATE
            0033      # EventCause = 51 CEC_CONSULT
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (required)
            001b 0005 3130303100  # CallingDeviceID tag 27, "1001" NUL
            00df 0004 0a0b0c0d    # CallReferenceID tag 223, UNSPEC, 4 raw bytes
            00e5 0004 0001e240    # COCConnectionCallID tag 229, UINT = 123456, the call consulted for
            00e6 0002 0000        # COCCallConnectionDeviceIDType tag 230, USHORT = 0 CONNECTION_ID_STATIC
            00e7 0005 3130303100  # COCCallConnectionDeviceID tag 231, "1001" NUL (Tag Values; v14 changes)
            """),
        expected: .callServiceInitiatedEvent(CallServiceInitiatedEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_459, lineHandle: 1, lineType: .inside, callingDeviceType: .deviceIdentifier,
            localConnectionState: .initiate, eventCause: .consult, connectionDeviceID: "1001", callingDeviceID: "1001",
            callReferenceID: [0x0A, 0x0B, 0x0C, 0x0D], cocConnectionCallID: 123_456,
            cocCallConnectionDeviceIDType: .static, cocCallConnectionDeviceID: "1001"
        ))
    )

    static let callReachedNetwork = MessageVector(
        name: "CALL_REACHED_NETWORK_EVENT, outbound call on trunk T12",
        hex: HexVector("""
            00000049  # MHDR MessageLength = 73: 28 fixed + 45 floating (Messaging Conventions, MHDR)
            00000022  # MHDR MessageType = 34 CALL_REACHED_NETWORK_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_REACHED_NETWORK_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e242  # ConnectionCallID = 123458
            0001      # LineHandle = 1
            0001      # LineType = 1 LINETYPE_OUTBOUND_ACD
            0046      # TrunkUsedDeviceType = 70 DEVID_TRUNK_IDENTIFIER
            004b      # CalledDeviceType = 75 DEVID_EXTERNAL
            0003      # LocalConnectionState = 3 LCS_CONNECT
            ffff      # EventCause = CEC_NONE
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (required)
            0030 0004 54313200            # TrunkUsedDeviceID tag 48, "T12" NUL
            001c 0008 3535353938373600    # CalledDeviceID tag 28, "5559876" NUL
            0079 0004 0000000c            # TrunkNumber tag 121, UINT = 12
            007a 0004 00000003            # TrunkGroupNumber tag 122, UINT = 3
            """),
        expected: .callReachedNetworkEvent(CallReachedNetworkEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_458, lineHandle: 1, lineType: .outboundAcd, trunkUsedDeviceType: .trunkIdentifier,
            calledDeviceType: .external, localConnectionState: .connect, eventCause: .notApplicable,
            connectionDeviceID: "1001", trunkUsedDeviceID: "T12", calledDeviceID: "5559876", trunkNumber: 12,
            trunkGroupNumber: 3
        ))
    )

    static let callEvents: [MessageVector] = [
        callDeliveredAlerting, callDeliveredTrunk, callEstablished, callHeld, callRetrieved, callCleared,
        callConnectionCleared, callOriginated, callFailed, callDiverted, callServiceInitiated, callReachedNetwork,
    ]
}

@Suite struct CallEventVectorTests {
    @Test func callDeliveredAlerting() throws {
        let message = try MessageVector.callDeliveredAlerting.check(as: CallDeliveredEvent.self)
        #expect(message.connectionCallID == 123_456)
        #expect(message.localConnectionState == .alerting)
        #expect(message.lastRedirectDeviceType == .routePoint)
        #expect(message.callingDeviceID == "5551234")
        #expect(message.callVariable10 == "xyz")
        #expect(message.numNamedVariables == 1)
        #expect(message.namedVariables == [NamedVariable(name: "user.id", value: "42")])
        #expect(message.namedArrays.first?.index == 1)
    }

    @Test func callDeliveredTrunkSeized() throws {
        let message = try MessageVector.callDeliveredTrunk.check(as: CallDeliveredEvent.self)
        #expect(message.connectionDeviceIDType == .dynamic)
        #expect(message.localConnectionState == .initiate)
        #expect(message.trunkGroupNumber == 3)
        #expect(message.secondaryConnectionCallID == 123_457)
        #expect(message.aniII == "7")
        #expect(message.userToUserInfo == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(message.namedVariables.isEmpty)
    }

    @Test func callEstablished() throws {
        let message = try MessageVector.callEstablished.check(as: CallEstablishedEvent.self)
        #expect(message.answeringDeviceID == "1001")
        #expect(message.localConnectionState == .connect)
        #expect(message.trunkNumber == 12)
    }

    @Test func callHeldAndRetrieved() throws {
        let held = try MessageVector.callHeld.check(as: CallHeldEvent.self)
        #expect(held.localConnectionState == .hold)
        #expect(held.holdingDeviceID == "1001")
        let retrieved = try MessageVector.callRetrieved.check(as: CallRetrievedEvent.self)
        #expect(retrieved.localConnectionState == .connect)
        #expect(retrieved.retrievingDeviceID == "1001")
    }

    @Test func callClearedWithUnknownTag() throws {
        let message = try MessageVector.callCleared.check(as: CallClearedEvent.self)
        #expect(message.eventCause.rawValue == 1010)
        #expect(message.connectionDeviceID == "1001")
        #expect(message.unknownFields == [UnknownFloatingField(tag: .callReferenceID, data: [0x0A, 0x0B, 0x0C, 0x0D])])
    }

    @Test func callConnectionCleared() throws {
        let message = try MessageVector.callConnectionCleared.check(as: CallConnectionClearedEvent.self)
        #expect(message.releasingDeviceType == .external)
        #expect(message.eventCause == .redirected)
        #expect(message.releasingDeviceID == "5551234")
    }

    @Test func callOriginated() throws {
        let message = try MessageVector.callOriginated.check(as: CallOriginatedEvent.self)
        #expect(message.lineType == .outboundAcd)
        #expect(message.skillGroupID == 0xFFFF_FFFF)
        #expect(message.calledDeviceID == "5559876")
    }

    @Test func callFailed() throws {
        let message = try MessageVector.callFailed.check(as: CallFailedEvent.self)
        #expect(message.monitorID == 17)
        #expect(message.eventCause == .busy)
        #expect(message.failingDeviceID == "5559876")
    }

    @Test func callDiverted() throws {
        let message = try MessageVector.callDiverted.check(as: CallDivertedEvent.self)
        #expect(message.serviceID == 5010)
        #expect(message.divertingDeviceID == "1001")
        #expect(message.calledDeviceID == "1002")
    }

    @Test func callServiceInitiated() throws {
        let message = try MessageVector.callServiceInitiated.check(as: CallServiceInitiatedEvent.self)
        #expect(message.eventCause == .consult)
        #expect(message.callReferenceID == [0x0A, 0x0B, 0x0C, 0x0D])
        #expect(message.cocConnectionCallID == 123_456)
        #expect(message.cocCallConnectionDeviceIDType == .static)
        #expect(message.cocCallConnectionDeviceID == "1001")
    }

    @Test func callReachedNetwork() throws {
        let message = try MessageVector.callReachedNetwork.check(as: CallReachedNetworkEvent.self)
        #expect(message.trunkUsedDeviceType == .trunkIdentifier)
        #expect(message.trunkUsedDeviceID == "T12")
        #expect(message.trunkGroupNumber == 3)
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as the research notes give them.
    @Test func fixedPartLengths() {
        // notes, CALL_DELIVERED_EVENT (9): "Fixed (54 bytes)".
        #expect(CallDeliveredEvent.fixedPartLength == 54)
        // notes, CALL_ESTABLISHED_EVENT (10): "Fixed (50 bytes)"; v9/v15/v17 maximum 400 = 8 + 50 + 5 × 66 + 2 × 6.
        #expect(CallEstablishedEvent.fixedPartLength == 50)
        // notes, CALL_HELD_EVENT (11) and CALL_RETRIEVED_EVENT (12): "Fixed (22 bytes)".
        #expect(CallHeldEvent.fixedPartLength == 22)
        #expect(CallRetrievedEvent.fixedPartLength == 22)
        // notes, CALL_CLEARED_EVENT (13): "Fixed (20 bytes)".
        #expect(CallClearedEvent.fixedPartLength == 20)
        // notes, CALL_CONNECTION_CLEARED_EVENT (14): "Fixed (22 bytes)"; v9 maximum 162 = 8 + 22 + 2 × 66.
        #expect(CallConnectionClearedEvent.fixedPartLength == 22)
        // notes, CALL_ORIGINATED_EVENT (15): "Fixed (46 bytes)"; v15 maximum 252 = 8 + 46 + 3 × 66.
        #expect(CallOriginatedEvent.fixedPartLength == 46)
        // notes, CALL_FAILED_EVENT (16): "Fixed, v25 text (24 bytes)"; v14 maximum 230 = 8 + 24 + 3 × 66.
        #expect(CallFailedEvent.fixedPartLength == 24)
        // notes, CALL_DIVERTED_EVENT (19): "Fixed (32 bytes)"; v14 maximum 238 = 8 + 32 + 3 × 66.
        #expect(CallDivertedEvent.fixedPartLength == 32)
        // notes, CALL_SERVICE_INITIATED_EVENT (20): "Fixed (44 bytes)".
        #expect(CallServiceInitiatedEvent.fixedPartLength == 44)
        // notes, CALL_REACHED_NETWORK_EVENT (34): "Fixed (28 bytes)"; v14 maximum 246 = 8 + 28 + 3 × 66 + 2 × 6.
        #expect(CallReachedNetworkEvent.fixedPartLength == 28)
    }

    // MARK: Twins

    @Test func changedEventCauseIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.callFailed
        // EventCause is the last fixed field: low byte at 8 + 24 - 1 = 31 (CEC_BUSY = 3); make it 33 CEC_TRUNKS_BUSY.
        #expect(vector.hex.bytes[31] == 0x03)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 31, with: 0x21)))
        #expect(decoded != vector.expected)
        guard case .callFailedEvent(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.eventCause == .trunksBusy)
    }

    @Test func changedNamedVariableNoLongerEncodesToTheVector() throws {
        guard case .callDeliveredEvent(var message) = MessageVector.callDeliveredAlerting.expected else {
            Issue.record("not CALL_DELIVERED_EVENT")
            return
        }
        message.namedVariables[0].value = "43"
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.callDeliveredAlerting.hex.bytes)
    }
}
