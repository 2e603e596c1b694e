import ClaimKit
import Foundation
import Testing
@testable import ClaimShell

@Suite struct LoadCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let problems = root.appendingPathComponent("Tests/Fixtures/load-problems").path
    static let sample = root.appendingPathComponent("Tests/Fixtures/10kGNAD-sample.csv").path
    static let gnad = root.appendingPathComponent("../shared/corpora/10kGNAD/test.csv").standardizedFileURL.path
    static let gnadPresent = FileManager.default.fileExists(atPath: gnad)

    func seeds() -> Session {
        let s = Session()
        s.loadSeeds()
        return s
    }

    func text(_ output: CommandOutput) -> String {
        if case let .text(t) = output { return t }
        return ""
    }

    /// What `load` said: its summary goes to stderr (the session's diagnostics), not to stdout.
    func summary(_ output: CommandOutput, _ session: Session) -> String {
        #expect(output == .none, "load prints nothing on stdout")
        return session.diagnostics.last { $0.hasPrefix("loaded ") } ?? ""
    }

    @Test func loadingAProblemDirectoryKeepsTheCorpusAndWarnsPerProblem() throws {
        let session = seeds()
        let out = summary(try session.execute("load \(Self.problems)"), session)
        #expect(out.hasPrefix("loaded 4 documents ("))
        #expect(out.hasSuffix("from \(Self.problems); 3 skipped (see warnings)"))
        #expect(session.corpus.documents.count == 9)
        #expect(session.diagnostics.filter { $0.hasPrefix("warning: ") }.count == 4)
        for name in ["empty.txt: empty file", "meldungen.jsonl:2: not valid JSON", "saakaschwili-latin1.txt: not valid UTF-8",
                     "scan.pdf: binary file"] {
            #expect(session.diagnostics.contains { $0.hasPrefix("warning: ") && $0.contains(name) }, "\(name)")
        }
    }

    @Test func csvOptions() throws {
        let session = Session(pipeline: .sentencesOnly)
        let out = summary(try session.execute("load \(Self.sample) --sep ';' --quote \"'\" --no-header --text-column 2"), session)
        #expect(out.hasPrefix("loaded 60 documents ("))
        #expect(session.corpus.documents.first?.document.id == "10kGNAD-sample:1")
        #expect(session.corpus.documents.first?.document.text.hasPrefix("Die Gewerkschaft GPA-djp") == true)
        #expect(session.diagnostics == [out])
    }

    @Test(.enabled(if: gnadPresent, "../shared/corpora/10kGNAD/test.csv is absent"))
    func tenKGNADThroughTheCommand() throws {
        let session = Session(pipeline: .sentencesOnly)
        let out = summary(try session.execute("load \(Self.gnad) --sep=';' --quote=\"'\" --no-header --text-column=2"), session)
        #expect(out.hasPrefix("loaded 1028 documents ("))
        #expect(session.corpus.documents.map(\.document.id).suffix(1) == ["test:1028"])
    }

    @Test func reloadingReplacesAndAnotherFileWithTheSameNameGetsASuffix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimsh-load-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
        try Data("Der Senat hat künftig 100 Mitglieder.".utf8).write(to: dir.appendingPathComponent("bericht.txt"))
        try Data("Rapid gewann 2:1.".utf8).write(to: dir.appendingPathComponent("b/bericht.txt"))
        let session = Session()
        _ = try session.execute("load \(dir.path)/bericht.txt")
        _ = try session.execute("load \(dir.path)/bericht.txt")
        #expect(session.corpus.documents.map(\.document.id) == ["bericht"])
        _ = try session.execute("load \(dir.path)/b/bericht.txt")
        #expect(session.corpus.documents.map(\.document.id) == ["bericht", "bericht~2"])
        #expect(session.corpus.documents.last?.document.text == "Rapid gewann 2:1.")
    }

    @Test func errorsPointAtTheWord() {
        let session = seeds()
        #expect(throws: ShellError("unknown option '--seperator' (did you mean '--separator'?)", at: 14..<25)) {
            try session.execute("load news.csv --seperator ';'")
        }
        #expect(throws: ShellError("expected one character, not ';;'", at: 20..<24)) {
            try session.execute("load news.csv --sep ';;'")
        }
        #expect(throws: ShellError("--text-column needs a value", at: 14..<27)) {
            try session.execute("load news.csv --text-column")
        }
        #expect(throws: ShellError("nirgends.txt: no such file or directory", at: 5..<17)) {
            try session.execute("load nirgends.txt")
        }
        #expect(session.corpus.documents.count == 5)
    }

    @Test func safeModeRefusesPathsOutsideTheAllowedOnes() throws {
        let session = Session()
        session.allowedLoadRoots = [Self.problems]
        #expect(throws: ShellError.self) { try session.execute("load \(Self.sample) --no-header") }
        #expect(session.corpus.documents.isEmpty)
        _ = try session.execute("load \(Self.problems)/senat.md")
        #expect(session.corpus.documents.map(\.document.id) == ["senat"])
    }

    @Test func unloadAndReset() throws {
        let session = seeds()
        session.sets["alle"] = ["000_dbee2a27689250e2:1"]
        #expect(try session.execute("unload 000 001") == .none)
        #expect(session.diagnostics.last == "unloaded 000_dbee2a27689250e2, 001_0d1eacb0812e2af7")
        #expect(session.corpus.documents.map(\.document.id) == ["002_2cc7b7632708e469", "003_b3ede1b15ff85e9a", "004_37545d6c4a403162"])
        #expect(!session.corpus.store.claims.contains { $0.doc.hasPrefix("000") || $0.doc.hasPrefix("001") })
        #expect(throws: ShellError("'00' names several documents: 002_2cc7b7632708e469, 003_b3ede1b15ff85e9a, 004_37545d6c4a403162", at: 7..<9)) {
            try session.execute("unload 00")
        }
        #expect(throws: ShellError("no document '0003' (did you mean '003_b3ede1b15ff85e9a'?)", at: 11..<15)) {
            try session.execute("unload 002 0003")
        }
        #expect(session.corpus.documents.count == 3)
        #expect(try session.execute("reset") == .none)
        #expect(session.diagnostics.last == "removed 3 documents")
        #expect(session.corpus.documents.isEmpty && session.corpus.store.count == 0 && session.sets.isEmpty)
    }
}

extension Pipeline {
    /// Tokens and sentences only: tests of loading, `grep` and `show DOC` on 10kGNAD articles
    /// do not depend on (or wait for) the extraction annotators.
    static let sentencesOnly = Pipeline(annotators: [SentenceAnnotator(lexicon: .shared)])
}
