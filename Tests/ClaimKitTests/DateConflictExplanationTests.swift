import ClaimKit
import Testing

@Suite struct DateConflictExplanationTests {
    func claim(_ doc: String, _ time: String, _ text: String) -> Claim {
        Claim(id: "\(doc):1", doc: doc, sentence: 1, span: TextSpan(0, 1), kind: .date, time: time, timeText: text,
              event: "Abkommen unterzeichnen", text: text, phrase: text, valueText: text)
    }

    @Test func treatyDatesOfTheSeeds() {
        let explanation = DateConflictExplanation { doc in doc.hasPrefix("001") ? ("2025-04", true) : ("2025-06-19", false) }
        let notes = explanation.notes(for: [
            claim("000_a", "2024-06", "im Juni 2024"),
            claim("001_b", "2024-10/2024-12", "Ende letzten Jahres"),
            claim("003_c", "2024", "2024"),
        ])
        #expect(notes == [
            "dates: 2024 (003) · 2024-06 (000) · 2024-10/2024-12 (001)",
            "2024-06 and 2024-10/2024-12 do not overlap (about 3 months apart); 2024 agrees with all of them",
            "relative: \"Ende letzten Jahres\" (001) read against 2025-04 (inferred from the text)",
        ])
    }

    @Test func agreeingDatesNeedNoClashLine() {
        let explanation = DateConflictExplanation { _ in (nil, false) }
        let notes = explanation.notes(for: [claim("a", "2024-06", "im Juni 2024"), claim("b", "2024", "2024")])
        #expect(notes == ["dates: 2024 (b) · 2024-06 (a)"])
    }
}
