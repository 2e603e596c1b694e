import ClaimKit
import Foundation
import Testing

@Suite struct CorpusLoaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// A fresh directory with the given files (relative path → text).
    func tree(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimsh-loader-\(UUID().uuidString)").path
        for (rel, text) in files {
            let path = root + "/" + rel
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return root
    }

    @Test func problemDirectoryLoadsTheGoodPartsAndNamesEachProblem() {
        let dir = Self.fixtures + "/load-problems"
        let report = CorpusLoader.load(paths: [dir], options: LoadOptions())
        #expect(report.documents.map(\.id) == ["spotify", "meldungen:3", "saakaschwili-latin1", "senat"])
        let byFile = report.problems.map { ($0.path.replacingOccurrences(of: dir + "/", with: ""), $0.line, $0.message) }
        #expect(byFile.map(\.0) == ["empty.txt", "meldungen.jsonl", "saakaschwili-latin1.txt", "scan.pdf"])
        #expect(byFile.map(\.2) == ["empty file, skipped", "not valid JSON, line skipped",
                                    "not valid UTF-8, decoded as Windows-1252", "binary file, skipped"])
        #expect(byFile[1].1 == 2)

        let latin = report.documents[2]
        #expect(latin.encoding == .windows1252)
        #expect(latin.title == "Saakaschwili: Reformen jetzt oder nie")
        #expect(latin.text.contains("Die größten Widersacher der Reformen sind die Oligarchen."))

        let md = report.documents[3]
        #expect(md.title == "Italiens Senat stimmt für die eigene Entmachtung")
        #expect(md.date == "2016-01-21")
        #expect(md.url == "https://www.derstandard.at/")
        #expect(md.text.contains("einen Computer-Algorithmus erfunden, mit dem er 82 Millionen Abänderungsanträge"))
        #expect(!md.text.contains("**") && !md.text.contains("](") && !md.text.contains("# "))

        #expect(report.documents[0].date == "2016-05-09")
        #expect(report.documents[0].source == "DER STANDARD")
    }

    @Test func directoriesAreRecursiveSortedAndSkipHiddenFiles() throws {
        let root = try tree([
            "b.txt": "Rapid gewann 2:1.",
            "a/z.txt": "Der Senat hat künftig 100 Mitglieder.",
            "a/c.md": "# Senat\nDer Kampf um den Senat hat Wochen gedauert.",
            ".git/x.txt": "versteckt",
            "a/.hidden.txt": "versteckt",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = CorpusLoader.load(paths: [root], options: LoadOptions())
        #expect(report.problems.isEmpty)
        #expect(report.documents.map(\.id) == ["c", "z", "b"])
        #expect(report.documents.map(\.path) == [root + "/a/c.md", root + "/a/z.txt", root + "/b.txt"])
    }

    @Test func globs() throws {
        let root = try tree([
            "2024/jan.txt": "Im Jänner stieg die Arbeitslosigkeit.",
            "2024/feb.md": "Im Februar sank sie wieder.",
            "2025/deep/mar.txt": "Im März blieb sie gleich.",
            "2025/a1.txt": "Eins.", "2025/b2.txt": "Zwei.", "2025/c3.txt": "Drei.",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        func ids(_ pattern: String) -> [String] {
            CorpusLoader.load(paths: [root + "/" + pattern], options: LoadOptions()).documents.map(\.id)
        }
        #expect(ids("*/*.txt") == ["jan", "a1", "b2", "c3"])
        #expect(ids("**/*.txt") == ["jan", "a1", "b2", "c3", "mar"])
        #expect(ids("2025/?2.txt") == ["b2"])
        #expect(ids("2025/[ac]*.txt") == ["a1", "c3"])
        #expect(ids("2025/[!ac]*.txt") == ["b2"])
        #expect(ids("2025/[a-b]?.txt") == ["a1", "b2"])
        #expect(ids("2024") == ["feb", "jan"])
        let none = CorpusLoader.load(paths: [root + "/*.csv"], options: LoadOptions())
        #expect(none.documents.isEmpty)
        #expect(none.problems.map(\.message) == ["no files match"])
    }

    @Test func idsAreMadeUniqueAndFilesLoadOnce() throws {
        let root = try tree([
            "a/bericht.txt": "Rapid gewann 2:1.",
            "b/bericht.txt": "Der Senat hat künftig 100 Mitglieder.",
            "c/bericht.md": "Im März blieb sie gleich.",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = CorpusLoader.load(paths: [root, root + "/a/bericht.txt"], options: LoadOptions())
        #expect(report.documents.map(\.id) == ["bericht", "bericht~2", "bericht~3"])
        var more = [Document(id: "bericht", text: "x"), Document(id: "neu", text: "y")]
        CorpusLoader.makeUnique(&more, taken: ["bericht", "bericht~2"])
        #expect(more.map(\.id) == ["bericht~3", "neu"])
    }

    @Test func missingPathsAndRootsOutsideSafeModeAreReported() throws {
        let root = try tree(["in/a.txt": "Rapid gewann 2:1.", "out/b.txt": "Der Senat hat künftig 100 Mitglieder."])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let missing = CorpusLoader.load(paths: [root + "/nichts.txt"], options: LoadOptions())
        #expect(missing.problems.map(\.message) == ["no such file or directory"])
        let safe = CorpusLoader.load(paths: [root + "/in", root + "/in/../out/b.txt"], options: LoadOptions(),
                                     allowedRoots: [root + "/in"])
        #expect(safe.documents.map(\.id) == ["a"])
        #expect(safe.problems.map(\.message) == ["outside the allowed paths (--safe), skipped"])
    }

    @Test func plainTextTitleAndSourceLine() {
        let text = "Explosion in Istanbul\nExplosion auf der Einkaufsstraße Istiklal Caddesi: 40 Verletzte.\nQuelle: https://www.derstandard.at/2000036146\n"
        let (docs, problems) = CorpusLoader.documents(path: "x/istanbul.txt", bytes: Array(text.utf8), options: LoadOptions())
        #expect(problems.isEmpty)
        #expect(docs.first?.id == "istanbul")
        #expect(docs.first?.title == "Explosion in Istanbul")
        #expect(docs.first?.url == "https://www.derstandard.at/2000036146")
    }

    @Test func plainTextSourceLinesAfterBlanksAndATitleAfterEmptyLines() {
        // Leading blanks of every kind before the key (a tab, a no-break space), "Source:",
        // a key that is not at the line's start, and a URL that is not http.
        let cases: [(String, String?, String?)] = [
            ("\n\n  Titel ohne Punkt \nText.\n\tQuelle:  https://a.example/1 \n", "Titel ohne Punkt", "https://a.example/1"),
            ("Ein Satz.\n\u{00A0}Source: http://b.example\n", nil, "http://b.example"),
            ("Titel\nSiehe Quelle: https://c.example\nQuelle: ftp://d.example\n", "Titel", nil),
            ("\r\nTitel\r\n Quelle:https://e.example\r\n", "Titel", "https://e.example"),
        ]
        for (text, title, url) in cases {
            let (docs, _) = CorpusLoader.documents(path: "t.txt", bytes: Array(text.utf8), options: LoadOptions())
            #expect(docs.first?.title == title, "\(text.debugDescription)")
            #expect(docs.first?.url == url, "\(text.debugDescription)")
        }
    }

    @Test func windows1252BytesDecode() {
        // "Gewerkschaft für 18 € – “Arbeiter”" in Windows-1252.
        let bytes: [UInt8] = Array("Gewerkschaft f".utf8) + [0xFC] + Array("r 18 ".utf8) + [0x80, 0x20, 0x96, 0x20, 0x93]
            + Array("Arbeiter".utf8) + [0x94]
        let (docs, problems) = CorpusLoader.documents(path: "alt.txt", bytes: bytes, options: LoadOptions())
        #expect(docs.first?.text == "Gewerkschaft für 18 € – “Arbeiter”")
        #expect(docs.first?.encoding == .windows1252)
        #expect(problems.map(\.message) == ["not valid UTF-8, decoded as Windows-1252"])
    }

    @Test func utf16IsNamedNotCalledBinary() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("Rapid gewann 2:1.".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (docs, problems) = CorpusLoader.documents(path: "win.txt", bytes: bytes, options: LoadOptions())
        #expect(docs.isEmpty)
        #expect(problems.map(\.description) == ["win.txt: UTF-16 text is not supported (convert it to UTF-8), skipped"])
    }

    @Test func aFifoIsReportedAsUnreadableWithoutBlocking() throws {
        let root = try tree(["a.txt": "Rapid gewann 2:1."])
        defer { try? FileManager.default.removeItem(atPath: root) }
        guard mkfifo(root + "/pipe", 0o600) == 0 else { return }
        let report = CorpusLoader.load(paths: [root], options: LoadOptions())
        #expect(report.documents.map(\.id) == ["a"])
        #expect(report.problems.map(\.description) == [root + "/pipe: cannot read file, skipped"])
    }

    /// CSV and TSV files are mapped, not read into a copy: the same documents and problems as
    /// the bytes read whole (`documents(path:bytes:)`), for UTF-8 with and without a BOM,
    /// Windows-1252, UTF-16, binary and empty files.
    @Test func mappedDelimitedFilesReadAsTheirBytes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimsh-mapped-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let csv = "id,title,text\na,Größe,\"Rund 12.000 Menschen, sagte er.\"\nb,x,\"Ein \"\"Zitat\"\" hier.\"\n"
        let files: [String: [UInt8]] = [
            "plain.csv": Array(csv.utf8),
            "bom.csv": [0xEF, 0xBB, 0xBF] + Array(csv.utf8),
            "latin.tsv": Array("id\ttext\nl\tGewerkschaft f".utf8) + [0xFC, 0x72, 0x20, 0x31, 0x38, 0x20, 0x80, 0x0A],
            "wide.csv": [0xFF, 0xFE, 0x61, 0x00],
            "nul.csv": Array("id,text\n".utf8) + [0],
            "empty.csv": [],
        ]
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + name)) }
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let path = root + "/" + name
            let mapped = CorpusLoader.load(paths: [path], options: LoadOptions())
            let read = CorpusLoader.documents(path: path, bytes: bytes, options: LoadOptions())
            #expect(mapped.documents.map(\.id) == read.documents.map(\.id), "\(name)")
            #expect(mapped.documents.map(\.text) == read.documents.map(\.text), "\(name)")
            #expect(mapped.documents.map(\.encoding) == read.documents.map(\.encoding), "\(name)")
            #expect(mapped.problems.map(\.message) == read.problems.map(\.message), "\(name)")
        }
        let latin = CorpusLoader.load(paths: [root + "/latin.tsv"], options: LoadOptions()).documents
        #expect(latin.first?.text == "Gewerkschaft für 18 €" && latin.first?.encoding == .windows1252)
        #expect(CorpusLoader.load(paths: [root + "/bom.csv"], options: LoadOptions()).documents.map(\.id) == ["a", "b"])
    }
}
