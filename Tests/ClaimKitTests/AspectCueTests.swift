import Testing
@testable import ClaimKit

/// Aspect mechanisms beyond single cue words: a cue that implies who is counted, counts placed
/// at a location, and distributive amounts. Sentences from the seeds and from 10kGNAD.
@Suite struct AspectCueTests {
    func quantities(_ text: String) -> [(value: Double, cls: String?, aspect: String?)] {
        let doc = Pipeline.standard.annotate(Document(id: "t", date: "2025-06-19", text: text))
        return doc.claims.filter { $0.kind == .quantity }.map { ($0.value ?? .nan, $0.cls, $0.aspect) }
    }

    @Test func fallingInBattleCountsSoldiers() throws {
        let q = quantities("Südkoreas Geheimdienst gab im April an, dass etwa 600 Nordkoreaner an den russisch-ukrainischen Fronten gefallen sind.")
        let c = try #require(q.first { $0.value == 600 })
        #expect(c.cls == "soldiers" && c.aspect == "killed")
    }

    @Test func victimsWhoFellStayPeople() throws {
        // 10kGNAD: "zum Opfer gefallen" are victims of any kind, not soldiers.
        let a = quantities("Mehr als 6400 Menschen sind dem Konflikt zum Opfer gefallen.")
        #expect(a.first { $0.value == 6400 }.map { $0.cls == "people" && $0.aspect == "killed" } == true)
        let b = quantities("Die dichter gewordene Hundepopulation wiederum ermöglichte eine Tollwutepidemie, der von 1992 bis 2006 auch 48.000 Menschen zum Opfer fielen.")
        #expect(b.first { $0.value == 48000 }.map { $0.cls == "people" && $0.aspect == "killed" } == true)
    }

    @Test func soldiersInACountryAreDeployed() throws {
        let q = quantities("In südkoreanischen, US-amerikanischen und ukrainischen Schätzungen wird von etwa 15.000 nordkoreanische Soldaten in Russland gesprochen.")
        #expect(q.first { $0.value == 15000 }.map { $0.cls == "soldiers" && $0.aspect == "sent" } == true)
    }

    @Test func otherCountsAtAPlaceAreNotSent() {
        // 10kGNAD: refugees in a country are not deployed; only the classes of "@located" rows are.
        let a = quantities("Derzeit sitzen insgesamt 2000 Flüchtlinge in Serbien fest.")
        #expect(a.first { $0.value == 2000 }?.aspect != "sent")
        let b = quantities("Nach Informationen einer Lokalzeitung wurden 2015 bisher 133 Flüchtlinge in Kirkenes gezählt.")
        #expect(b.first { $0.value == 133 }?.aspect != "sent")
    }

    @Test func jeweilsMakesAnAmountDistributive() {
        // Seed 001 and two 10kGNAD sentences.
        let seed = quantities("Einige Experten sagten, Pjöngjang könne seine Truppen in mehrere Gruppen von jeweils 10.000 bis 20.000 Mann aufteilen.")
        #expect(seed.first { $0.value == 10000 }?.aspect == "each")
        let a = quantities("Das heißt in etwa werden jeweils etwa 30 Soldaten im Einsatz sein, erklärte der Heeressprecher.")
        #expect(a.first { $0.value == 30 }?.aspect == "each")
        let b = quantities("Mazedonien lässt die Menschen in Gruppen von jeweils rund 50 Menschen über die Grenze.")
        #expect(b.first { $0.value == 50 }?.aspect == "each")
    }
}
