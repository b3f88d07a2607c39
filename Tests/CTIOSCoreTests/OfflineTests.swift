import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// The peripheral or the CTI Server offline: every button disabled, OnCTIOSFailure, and back again.
struct OfflineTests {
    @Test func thePeripheralGoesOfflineAndComesBack() throws {
        var lab = try StoreLab()
        lab.login("1004")
        let placed = lab.inboundCall(ani: "6175550100")
        let callID = try #require(placed)
        lab.answer(callID, at: "2004", as: "1004")
        lab.center.setPeripheralOnline(false)
        lab.sync()
        lab.expectAgreement("the peripheral is offline")
        #expect(!lab.store.peripheralOnline)
        #expect(lab.mask(call: callID, at: "2004") == .disableAll)
        #expect(lab.mask(agent: "1004") == .disableAll)
        #expect(lab.mask(agent: "1020") == .disableAll)
        let failure = try #require(lab.lastBatches.flatMap(\.events).first { $0.name == "OnCTIOSFailure" })
        #expect(failure.arguments.integer(.failureCode) == CTIOSFailureCode.serverConnectionStatus)
        #expect(failure.arguments.integer(.systemEventID) == Int64(SystemEventID.peripheralOffline.rawValue))
        #expect(failure.arguments["SystemEventArg1"] == 5000)
        #expect(failure.arguments[.uniqueObjectID] == nil, "a session event")
        #expect(lab.lastBatches.flatMap(\.events).filter { $0.name == "OnButtonEnablementChange" }.count == 51)
        lab.center.setPeripheralOnline(true)
        lab.sync()
        lab.expectAgreement("the peripheral is back")
        #expect(lab.mask(call: callID, at: "2004")
                == [.release, .hold, .transferInit, .conferenceInit, .singleStepTransfer, .singleStepConference])
        #expect(lab.lastBatches.flatMap(\.events).contains { $0.name == "OnCTIOSFailure"
            && $0.arguments.integer(.systemEventID) == Int64(SystemEventID.peripheralOnline.rawValue) })
    }

    @Test func theSameStateTwiceChangesNothing() throws {
        var store = ObjectStore()
        let center = try ContactCenter(configuration: .standard(), traffic: .none, seed: 1)
        _ = store.apply(StoreLab.configurationMessages(center))
        #expect(store.apply(.systemEvent(center.systemEvent(.peripheralOnline))) == nil)
        #expect(store.apply(.systemEvent(center.systemEvent(.textFyi))) == nil)
        let other = SystemEvent(pgStatus: [], icmCentralControllerTime: GEDTime(secondsSince1970: 0),
                                systemEventID: .peripheralOffline, systemEventArg1: 6000)
        #expect(store.apply(.systemEvent(other)) == nil, "another peripheral")
        #expect(store.setCTIServerOnline(true) == nil)
    }

    @Test func aCallArrivingWhileTheLinkIsDownIsDisabledFromTheStart() throws {
        var lab = try StoreLab()
        lab.login("1004")
        _ = lab.store.setCTIServerOnline(false)
        let placed = lab.inboundCall(ani: "6175550100")
        let callID = try #require(placed)
        #expect(lab.mask(call: callID, at: "2004") == .disableAll)
        let up = try #require(lab.store.setCTIServerOnline(true) as ChangeBatch?)
        #expect(lab.mask(call: callID, at: "2004") == .answer)
        #expect(up.events.contains { $0.arguments.integer(.systemEventID) == 8 })
        lab.expectAgreement("the link is back")
    }
}
