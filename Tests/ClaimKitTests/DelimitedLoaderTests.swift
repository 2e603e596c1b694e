@testable import ClaimKit
import Testing

@Suite struct DelimitedLoaderTests {
    func load(_ text: String, path: String = "news.csv", _ options: LoadOptions = LoadOptions()) -> (documents: [Document], problems: [LoadProblem]) {
        CorpusLoader.documents(path: path, bytes: Array(text.utf8), options: options)
    }

    @Test func headerNamesColumnsAndMetadata() {
        let csv = "id,title,date,text,ressort\r\n"
            + "a1,Saakaschwili,2016-05-02,\"Die Ukraine müsse Reformen jetzt oder nie umsetzen, sagt Odessas Gouverneur.\",International\r\n"
        let (docs, problems) = load(csv)
        #expect(problems.isEmpty)
        #expect(docs.count == 1)
        #expect(docs.first?.id == "a1")
        #expect(docs.first?.title == "Saakaschwili")
        #expect(docs.first?.date == "2016-05-02")
        #expect(docs.first?.text == "Die Ukraine müsse Reformen jetzt oder nie umsetzen, sagt Odessas Gouverneur.")
        #expect(docs.first?.extra["ressort"] == "International")
    }

    @Test func doubledQuoteQuotedNewlineAndCRLF() {
        let csv = "text\r\n\"Name des Nachfolgers von \"\"sanft & sorgfältig\"\" wird noch nicht verraten.\r\nJan Böhmermann und Olli Schulz starten bei Spotify.\"\r\n"
        let (docs, problems) = load(csv)
        #expect(problems.isEmpty)
        #expect(docs.map(\.text) == ["Name des Nachfolgers von \"sanft & sorgfältig\" wird noch nicht verraten.\nJan Böhmermann und Olli Schulz starten bei Spotify."])
        #expect(docs.first?.id == "news:1")
    }

    @Test func customSeparatorQuoteAndNoHeader() {
        let csv = "Web;'Apple''s Chef sprach am Montag; danach fiel die Aktie.'\r\nSport;Rapid gewann 2:1.\r\n"
        let (docs, problems) = load(csv, path: "test.csv", LoadOptions(separator: ";", quote: "'", header: false, textColumn: "2"))
        #expect(problems.isEmpty)
        #expect(docs.map(\.id) == ["test:1", "test:2"])
        #expect(docs.map(\.text) == ["Apple's Chef sprach am Montag; danach fiel die Aktie.", "Rapid gewann 2:1."])
        #expect(docs.first?.extra["column1"] == "Web")
    }

    @Test func tsvUsesTabs() {
        let tsv = "id\ttext\nk1\tDer Kampf um den Senat hat Wochen gedauert.\n"
        let (docs, _) = load(tsv, path: "senat.tsv")
        #expect(docs.map(\.id) == ["k1"])
        #expect(docs.first?.text == "Der Kampf um den Senat hat Wochen gedauert.")
    }

    @Test func textColumnByNameOrIndex() {
        let csv = "kurz,body\nEntmachtung,Weitgehende Entmachtung des Senats und Verkleinerung auf 100 Mitglieder.\n"
        #expect(load(csv).documents.first?.text.hasPrefix("Weitgehende") == true)
        #expect(load(csv, LoadOptions(textColumn: "1")).documents.first?.text == "Entmachtung")
        #expect(load(csv, LoadOptions(textColumn: "KURZ")).documents.first?.text == "Entmachtung")
        let missing = load(csv, LoadOptions(textColumn: "inhalt"))
        #expect(missing.documents.isEmpty)
        #expect(missing.problems.first?.message == "no column 'inhalt'; columns: kurz, body")
    }

    @Test func badRowsAreReportedWithLineAndSkipped() {
        let csv = "id,text\n"
            + "1,\"Der Kampf um den Senat hat Wochen gedauert.\" x\n"
            + "2,Angehörige der kleinen Kammer beschimpften einander.\n"
            + "3,\n"
            + "4,\"Zwei Senatoren wurden ausgeschlossen.\n"
            + "5,Der Senat hat künftig 100 Mitglieder.\n"
            + "6,\"Angehörige der kleinen Kammer beschimpften einander.\"  \n"
        let (docs, problems) = load(csv)
        #expect(docs.map(\.id) == ["2", "5", "6"])
        #expect(problems.map(\.line) == [2, 4, 5])
        #expect(problems.map(\.description) == [
            "news.csv:2: unexpected text after a closing quote, row skipped",
            "news.csv:4: empty text, row skipped",
            "news.csv:5: unterminated quoted field, row skipped",
        ])
    }

    /// Quoted fields are skipped to their closing quote in one search: the line breaks inside
    /// them still count for the line of a later error, doubled quotes stay literal.
    @Test func lineBreaksInsideQuotedFieldsCountForLaterErrors() {
        let csv = "id,text\n"
            + "1,\"Erste Zeile.\nZweite Zeile mit \"\"Zitat\"\".\nDritte Zeile.\"\n"
            + "2,\"Ein Satz.\" x\n"
            + "3,Der Senat hat künftig 100 Mitglieder.\n"
        let (docs, problems) = load(csv)
        #expect(docs.map(\.id) == ["1", "3"])
        #expect(docs.first?.text == "Erste Zeile.\nZweite Zeile mit \"Zitat\".\nDritte Zeile.")
        #expect(problems.map(\.line) == [5])
    }

    /// Unquoted fields end at the first separator, LF or CR, found eight bytes at a time.
    @Test func unquotedFieldsEndWhereTheByteLoopSays() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("abcäö;,\n\r\t '\"xyz0123456789".utf8)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 200] {
            for _ in 0..<50 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }
                for separator in [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")] {
                    bytes.withUnsafeBufferPointer { b in
                        for from in stride(from: 0, through: length, by: 3) {
                            var naive = from
                            while naive < length, b[naive] != separator, b[naive] != 10, b[naive] != 13 { naive += 1 }
                            #expect(DelimitedReader.fieldEnd(b, from: from, separator: separator) == naive)
                        }
                    }
                }
            }
        }
    }

    @Test func noHeaderPicksTheLongestColumn() {
        let csv = "Inland;Die Regierung beschloss am Dienstag ein Budget von 5 Mio. Euro.\n"
        let (docs, _) = load(csv, LoadOptions(separator: ";", header: false))
        #expect(docs.first?.text == "Die Regierung beschloss am Dienstag ein Budget von 5 Mio. Euro.")
    }

    static let gnad = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpora/10kGNAD/test.csv").standardizedFileURL.path
    static let gnadPresent = FileManager.default.fileExists(atPath: gnad)
    static let gnadOptions = LoadOptions(separator: ";", quote: "'", header: false, textColumn: "2")

    @Test(.enabled(if: gnadPresent, "../shared/corpora/10kGNAD/test.csv is absent"))
    func tenKGNADLoadsAllArticles() {
        let report = CorpusLoader.load(paths: [Self.gnad], options: Self.gnadOptions)
        #expect(report.problems.isEmpty)
        #expect(report.documents.count == 1028)
        #expect(report.documents.first?.id == "test:1")
        #expect(report.documents.last?.id == "test:1028")
        #expect(report.documents.first?.extra["column1"] == "Wirtschaft")
        #expect(report.documents.first?.text.hasPrefix("Die Gewerkschaft GPA-djp lanciert den \"All-in-Rechner\"") == true)
        #expect(report.documents.allSatisfy { !$0.text.contains("\r") && $0.encoding == .utf8 })
        // A quoted article keeps its separators: 72 quoted texts hold a ';'.
        #expect(report.documents.filter { $0.text.contains(";") }.count == 72)
        // Five articles hold a literal quote, written doubled in the file.
        #expect(report.documents.filter { $0.text.contains("'") }.count == 5)
        #expect(!report.documents.contains { $0.text.contains("''") })
    }

    @Test func sampleFixtureLoadsSixtyArticles() {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/10kGNAD-sample.csv").path
        let report = CorpusLoader.load(paths: [path], options: Self.gnadOptions)
        #expect(report.problems.isEmpty)
        #expect(report.documents.count == 60)
        #expect(report.documents.map(\.id).prefix(2) == ["10kGNAD-sample:1", "10kGNAD-sample:2"])
        // Quoted articles keep the separators inside them and lose their quotes.
        #expect(report.documents.filter { $0.text.contains(";") }.count == 6)
        #expect(report.documents.first?.text.hasSuffix("Entlohnung auf Einzelstundenbasis oder All-in.") == true)
    }
}

import Foundation
