import Testing
@testable import ClaimKit

@Suite struct TextWidthTests {
    @Test func umlautsCountOnceWideCharactersTwice() {
        #expect(TextWidth.of("Pjöngjang") == 9)
        #expect(TextWidth.of("Pjo\u{308}ngjang") == 9, "decomposed ö is one cell")
        #expect(TextWidth.of("«Größtenteils»") == 14)
        #expect(TextWidth.of("北朝鮮") == 6)
        #expect(TextWidth.of("평양") == 4)
        #expect(TextWidth.of("👍 ok") == 5)
        #expect(TextWidth.of("11.000 Soldaten") == 15)
    }

    @Test func truncationKeepsWithinTheWidthAndMarksTheCut() {
        #expect(TextWidth.truncate("Südkoreanische Geheimdienste", to: 10) == "Südkorean…")
        #expect(TextWidth.truncate("北朝鮮の兵士", to: 6) == "北朝…")
        #expect(TextWidth.of(TextWidth.truncate("北朝鮮の兵士", to: 6)) == 5)
        #expect(TextWidth.truncate("Kursk", to: 5) == "Kursk")
        #expect(TextWidth.truncate("Kursk", to: 1) == "…")
    }
}
