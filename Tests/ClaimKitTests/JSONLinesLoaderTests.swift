import ClaimKit
import Testing

@Suite struct JSONLinesLoaderTests {
    func load(_ text: String, _ options: LoadOptions = LoadOptions()) -> (documents: [Document], problems: [LoadProblem]) {
        CorpusLoader.documents(path: "feed.jsonl", bytes: Array(text.utf8), options: options)
    }

    @Test func fieldsBecomeMetadata() {
        let jsonl = #"{"id": 17, "title": "Senat", "date": "2016-01-21T10:00:00Z", "url": "https://derstandard.at/1", "source": "APA", "lang": "de", "ressort": "International", "text": "Weitgehende Entmachtung des Senats und Verkleinerung auf 100 Mitglieder."}"#
        let (docs, problems) = load(jsonl + "\n")
        #expect(problems.isEmpty)
        let d = docs.first
        #expect(d?.id == "17")
        #expect(d?.title == "Senat")
        #expect(d?.date == "2016-01-21")
        #expect(d?.url == "https://derstandard.at/1")
        #expect(d?.source == "APA")
        #expect(d?.lang == "de")
        #expect(d?.extra["ressort"] == "International")
        #expect(d?.text == "Weitgehende Entmachtung des Senats und Verkleinerung auf 100 Mitglieder.")
    }

    @Test func idFallsBackToFileAndLine() {
        let jsonl = "\n" + #"{"text": "Explosion auf der Einkaufsstraße Istiklal Caddesi: 40 Verletzte."}"# + "\r\n"
        let (docs, problems) = load(jsonl)
        #expect(problems.isEmpty)
        #expect(docs.map(\.id) == ["feed:2"])
    }

    @Test func badLinesAreReportedAndSkipped() {
        let jsonl = [
            #"{"text": "Jan Böhmermann und Olli Schulz starten an diesem Sonntag bei Spotify."}"#,
            #"{"text": "Der Kampf um den Senat hat Wochen ged"#,
            #"["Angehörige der kleinen Kammer beschimpften einander."]"#,
            #"{"title": "ohne Text"}"#,
            #"{"text": "Das teilte der Streamingdienst am Montag in seinem Blog mit."}"#,
        ].joined(separator: "\n")
        let (docs, problems) = load(jsonl)
        #expect(docs.map(\.id) == ["feed:1", "feed:5"])
        #expect(problems.map(\.description) == [
            "feed.jsonl:2: not valid JSON, line skipped",
            "feed.jsonl:3: not a JSON object, line skipped",
            "feed.jsonl:4: no 'text' field, line skipped",
        ])
    }

    @Test func textFieldOption() {
        let jsonl = #"{"id": "a", "body": "Die größten Widersacher der Reformen sind die Oligarchen."}"#
        #expect(load(jsonl).documents.isEmpty)
        let (docs, _) = load(jsonl, LoadOptions(textField: "body"))
        #expect(docs.first?.text == "Die größten Widersacher der Reformen sind die Oligarchen.")
    }

    @Test func badDateIsReportedButTheLineLoads() {
        let (docs, problems) = load(#"{"date": "gestern", "text": "Rapid gewann 2:1."}"#)
        #expect(docs.count == 1)
        #expect(docs.first?.date == nil)
        #expect(problems.first?.line == 1)
    }
}
