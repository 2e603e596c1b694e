import Foundation
import Testing
@testable import ClaimShell

@Suite struct CompletionTests {
    static func seeds() -> Session {
        let session = Session()
        session.loadSeeds()
        session.sets["truppen"] = []
        session.sets["treaty"] = []
        return session
    }

    static func complete(_ line: String) -> [String] {
        Completion(session: seeds()).complete(line: line, cursor: line.count).candidates
    }

    @Test func commandNames() {
        #expect(Self.complete("sente") == ["sentences"])
        #expect(Self.complete("  his") == ["history"])
        #expect(Self.complete("docs; qu") == ["quit"])
        #expect(Self.complete("truppen = cla") == ["claims"])
        #expect(Self.complete("").contains("docs"))
        #expect(Self.complete("help qu") == ["quit"])
        #expect(Self.complete("help fi") == ["fields"])
    }

    @Test func setOptionsAndValues() {
        #expect(Self.complete("set ") == ["format", "color", "maxrows", "width", "timer", "refdate", "numbers"])
        #expect(Self.complete("set for") == ["format"])
        #expect(Self.complete("set format j") == ["json", "jsonl"])
        #expect(Self.complete("set timer o") == ["on", "off"])
        #expect(Self.complete("set numbers ") == ["de", "plain"])
    }

    @Test func keywordsAfterAComparison() {
        #expect(Self.complete("claims where class = soldiers so") == ["sort"])
        #expect(Self.complete("claims where class = soldiers a") == ["and"])
        #expect(Self.complete("count where value > 1000 o") == ["or"])
    }

    @Test func fieldNamesInExpressions() {
        #expect(Self.complete("claims where cla") == ["class"])
        #expect(Self.complete("claims where value > 3 and so") == ["source", "source_text"])
        #expect(Self.complete("count by ki") == ["kind"])
        #expect(Self.complete("claims where (mod") == ["modality"])
        #expect(Self.complete("claims sort value desc, ti") == ["time", "time_text"])
        #expect(Self.complete("top ev") == ["event"])
        #expect(Self.complete("claims wh") == ["where"])
    }

    @Test func documentIdsAndSetNames() {
        #expect(Self.complete("show 002") == ["002_2cc7b7632708e469"])
        let claims = Self.complete("show 004_37545d6c4a403162:")
        #expect(!claims.isEmpty && claims.allSatisfy { $0.hasPrefix("004_37545d6c4a403162:") })
        #expect(Self.complete("show 004_37545d6c4a403162:1") == ["004_37545d6c4a403162:1"])
        // A document prefix before the colon is enough.
        #expect(Self.complete("show 004:") == claims)
        #expect(Self.complete("show 004:1") == ["004_37545d6c4a403162:1"])
        #expect(Self.complete("diff 000_dbee2a27689250e2 00").count == 5)
        #expect(Self.complete("claims where doc = 004") == ["004_37545d6c4a403162"])
        #expect(Self.complete("claims where doc in (000_dbee2a27689250e2, 003") == ["003_b3ede1b15ff85e9a"])
        #expect(Self.complete("docs set 001") == ["001_0d1eacb0812e2af7"])
        #expect(Self.complete("docs set 001_0d1eacb0812e2af7 da") == ["date"])
        #expect(Self.complete("claims from tr") == ["treaty", "truppen"])
    }

    @Test func valuesFoundInTheCorpus() {
        #expect(Self.complete("claims where class = sol") == ["soldiers"])
        #expect(Self.complete("count by class where class in (soldiers, eng") == ["engineers"])
        // A value with blanks is quoted, unless the user opened the quote.
        #expect(Self.complete("claims where source = lee") == ["\"Lee Seong-kweun\""])
        #expect(Self.complete("claims where source = \"Lee") == ["Lee Seong-kweun"])
        #expect(Self.complete("docs where ti") == ["title"])
        #expect(Self.complete("sentences where te") == ["text"])
    }

    @Test func completionAfterUmlautsAndGuillemets() {
        // Offsets are characters: "Pjöngjang" and «Kursk» must not shift the word.
        #expect(Self.complete("grep «Pjöngjang» in 003") == ["003_b3ede1b15ff85e9a"])
        let line = "grep Pjöngjang in 001 ; docs"
        let cursor = "grep Pjöngjang in 001".count
        let result = Completion(session: Self.seeds()).complete(line: line, cursor: cursor)
        #expect(result.word == "001")
        #expect(result.candidates == ["001_0d1eacb0812e2af7"])
    }

    @Test func filePathsAfterLoadExportAndRedirection() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/seeds", withIntermediateDirectories: true)
        dir.write("seeds.tsv", "")
        dir.write("Sächsische.txt", "")
        dir.write(".versteckt", "")
        #expect(Self.complete("load \(dir.path)/se") == ["\(dir.path)/seeds.tsv", "\(dir.path)/seeds/"])
        #expect(Self.complete("export \(dir.path)/Sä") == ["\(dir.path)/Sächsische.txt"])
        #expect(Self.complete("claims > \(dir.path)/") == ["\(dir.path)/Sächsische.txt", "\(dir.path)/seeds.tsv",
                                                          "\(dir.path)/seeds/"])
        #expect(Self.complete("load --no-h") == ["--no-header"])
    }

    @Test func nothingInsideShellPipes() {
        #expect(Self.complete("claims | so").isEmpty)
    }
}
