import Testing
@testable import ClaimKit

@Suite struct TextFoldingTests {
    @Test func umlautSpellingsFoldTogether() {
        let forms = ["Pjöngjang", "pjoengjang", "PJONGJANG", "Pjo\u{308}ngjang", "PJÖNGJANG"]
        #expect(Set(forms.map(TextFolding.fold)) == ["pjongjang"])
    }

    @Test func sharpSAndAccentsFold() {
        #expect(TextFolding.fold("Straße") == TextFolding.fold("STRASSE"))
        #expect(TextFolding.fold("STRAẞE") == TextFolding.fold("strasse"))
        #expect(TextFolding.fold("Davutoğlu") == TextFolding.fold("davutoglu"))
        #expect(TextFolding.fold("Café") == "cafe")
    }

    /// The written table of Latin letters' folds is what `foldScalars` gives them.
    @Test func latinFoldTableIsTheScalarFold() {
        #expect(TextFolding.latinFold.count == 0x250 - 0xC0)
        #expect(TextFolding.latinFold == TextFolding.makeLatinFold())
    }

    @Test func differentWordsStayDifferent() {
        #expect(TextFolding.fold("Kursk") != TextFolding.fold("Kursa"))
        #expect(TextFolding.fold("Soldaten") == "soldaten")
    }
}
