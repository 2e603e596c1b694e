import Testing
@testable import ClaimKit

/// The fast paths of the time scan, the document date and the claims give what the general
/// paths give (10kGNAD: CC BY-NC-SA 4.0, Timo Block; sentences quoted for testing).
@Suite struct TimeClaimsFastPathTests {
    static let texts = [
        "Die militärische Kooperation wurde im Juni 2024 durch einen Vertrag besiegelt. Am 17. Juni folgte die Antwort.",
        "Das teilte die Agentur TASS am 17. Juni mit. Seit Jahren wächst der Handel, vergangene Woche um 3 Prozent.",
        "Im dritten Quartal 2015 stieg der Umsatz; im Vorjahr war er gefallen. Ende letzten Jahres kamen 2000 Soldaten.",
        "Vor zwei Jahren, am Donnerstagabend um 14.30 Uhr, begann es. Heuer, im Frühjahr 2025, und heute um 9:15 Uhr.",
        "Von Juli bis August 2025 ist geschlossen, ab Juli-August 2025 wieder offen. Jeden Montag und jährlich.",
        "Die Saison 2013/14 war die beste seit den 1980er-Jahren. 2014 bis 2016 regierte er, Kim 2024 mit Putin.",
        "Am 28.4.2025 und am 2025-04-28 sowie am 31. Juni (kein Tag) und am Wochenende; in den vergangenen drei Monaten.",
        "Mehr als 2000 Menschen, EU-Richtlinie 2012, Nr. 2015, fast drei Monate, rund 1,5 Jahre, im letzten Quartal.",
        "Gestern, vorgestern und morgen; am Morgen. Im vergangenen Oktober kamen 11.000 Mann, „Juli oder August“.",
        "Am 17.\nJuni 2024 endete der Streik (APA). Mitte 2024 und Anfang Mai, bis zum Jahresende, im Sommer.",
    ]

    static func documents() -> [AnnotatedDocument] {
        let pipeline = Pipeline(annotators: [SentenceAnnotator()])
        return texts.map { pipeline.annotate(Document(id: "t", text: $0)) }
    }

    @Test func referenceDatesReadAsBytesAsInGeneral() {
        var inputs = ["2025", "2025-06", "2025-06-19", "2025-06-19T12:00", "2025-13", "2025-02-30", "2024-02-29",
                      "2023-02-29", "0999", "+202", "+202-06", "2025-6", "2025-06-1", "2025-06-19x", "2025-06-19é",
                      "2025-06-19\u{301}", "20250619", "abcd", "", "2025-", "2025--", "2025-06-", "-2025", "2025-00",
                      "2025-06-00", "2025-06-31", "2025-06-30", "1999-12-31 23:59", "２０２５", "2025-06-19-01", "2025-06-1x",
                      "2025-0x", "202x", "2025-06-19\r\n", "2025-06-19\n"]
        for y in [0, 1, 999, 1000, 2024, 9999, 10000] {
            for m in [0, 1, 2, 9, 12, 13] {
                for d in [0, 1, 9, 28, 29, 30, 31, 32] {
                    inputs += [TimexFormat.day(y, m, d), TimexFormat.month(y, m), TimexFormat.year(y), "\(y)-\(m)-\(d)"]
                }
            }
        }
        for s in inputs {
            #expect(ReferenceDate(s) == ReferenceDate(general: s), "\(s)")
        }
    }

    @Test func inferredDatesParseAsTheirText() {
        for y in [-5, 0, 7, 999, 1800, 2025, 9999, 10000] {
            for m: Int? in [nil, 0, 1, 6, 12, 13] {
                for d: Int? in [nil, -3, 0, 1, 15, 28, 29, 30, 31, 32, 99, 100, 123] where m != nil || d == nil {
                    let date = DocumentDateResolver.InferredDate(year: y, month: m, day: d)
                    #expect(date.parsed == ReferenceDate(date.iso), "\(date.iso)")
                }
            }
        }
    }

    @Test func tokenEntriesMatchWordLookups() {
        let words = TimeLexicon(lexicon: .shared)
        var forms: [String] = []
        for table in ["time_words", "months"] {
            for row in Lexicon.shared.table(table).rows where !row.isEmpty {
                forms += [row[0], row[0].capitalized, row[0].uppercased(), row[0] + "s", "x" + row[0]]
            }
        }
        let pipeline = Pipeline(annotators: [SentenceAnnotator()])
        let docs = Self.documents() + [pipeline.annotate(Document(id: "w", text: forms.joined(separator: " ")))]
        for doc in docs {
            for token in doc.tokens {
                #expect(words.entry(lowerOf: token) == (words.id(token.lower) ?? -1), "\(token.text)")
            }
        }
    }

    @Test func candidatesIncludeEveryPossibleStart() {
        let words = TimeLexicon(lexicon: .shared)
        for doc in Self.documents() {
            let cursor = TimeCursor(tokens: doc.tokens, end: doc.tokens.count, words: words,
                                    ids: TimeWordIDs(tokens: doc.tokens, words: words), reference: nil)
            doc.tokens.withUnsafeBufferPointer { t in
                words.beginBits.withUnsafeBufferPointer { bits in
                    words.monthStarts.withUnsafeBufferPointer { months in
                        for i in t.indices where cursor.canStart(i) {
                            #expect(TimeLexicon.nextCandidate(t, bits, months, from: i, to: t.count) == i, "\(t[i].text)")
                        }
                    }
                }
            }
        }
    }

    /// The time annotator matches again only the expressions whose match read the reference date.
    @Test func resolvedMentionsMatchAScanWithTheReference() {
        let annotator = TimeAnnotator()
        for doc in Self.documents() {
            let found = annotator.scan(doc, reference: nil)
            for reference in [nil, ReferenceDate("2025-06-19"), ReferenceDate("2016-03"), ReferenceDate("2016"),
                              ReferenceDate("2024-12-31")] {
                #expect(annotator.resolve(found, in: doc, reference: reference)
                    == annotator.scan(doc, reference: reference).map(\.mention))
            }
        }
    }

    @Test func timexValuesWrittenAsBytesAsByInterpolation() {
        let years: [Int?] = [nil, -1000, -5, 0, 7, 42, 999, 1000, 2025, 9999, 10000, 123_456]
        let twos: [Int?] = [nil, -5, 0, 1, 9, 10, 12, 31, 53, 99, 100, 123]
        for y in years {
            #expect(TimexFormat.year(y) == TimexFormat.Interpolated.year(y))
            for n in twos {
                #expect(TimexFormat.two(n) == TimexFormat.Interpolated.two(n))
                #expect(TimexFormat.week(y, n) == TimexFormat.Interpolated.week(y, n))
                guard let m = n else { continue }
                #expect(TimexFormat.month(y, m) == TimexFormat.Interpolated.month(y, m))
                for d in twos.compactMap({ $0 }) {
                    #expect(TimexFormat.day(y, m, d) == TimexFormat.Interpolated.day(y, m, d))
                }
            }
        }
        for (a, b) in [("2025-07", "2025-08"), ("2025", "2025"), ("", "x"), ("2025-06-17", "2025-06-18"),
                       ("XXXX-07", "XXXX-08"), ("ä", "ö"), ("", "")] {
            #expect(TimexFormat.interval(a, b) == TimexFormat.Interpolated.interval(a, b))
        }
    }

    /// The store finds a number as written at the start of its phrase, else in the sentence.
    @Test func numbersAsWrittenReadBackFromTheStore() {
        let sentence = "Über 1.000 Ärzte und 18 Prozent der Arbeiter kamen im Juni 2024 nach Wien."
        let base = Claim(id: "d:1", doc: "d", sentence: 1, span: TextSpan(0, 10), kind: .quantity, text: sentence,
                         phrase: "18 Prozent der Arbeiter", valueText: "18 Prozent")
        var claims = [base]
        for (phrase, value) in [("Über 1.000 Ärzte", "Über 1.000"), ("im Juni 2024", "im Juni 2024"),
                                ("18 Prozent der Arbeiter", ""), ("Ärzte", "Ä"), ("nach Wien.", "nach Wien. mehr"),
                                ("kamen", "Juni"), ("nicht im Satz", "nicht"), ("Wien", "Wien")] {
            var c = base
            c.id = "d:\(claims.count + 1)"
            c.phrase = phrase
            c.valueText = value
            claims.append(c)
        }
        #expect(Array(ClaimStore(claims).claims) == claims)
    }

    @Test func claimIDsAndTheirOrdinals() {
        for doc in ["d", "test:1", "gnad_1x:123", "", "ü-doc", "a-document-identifier-longer-than-a-small-string"] {
            let ids = ClaimAssembler.ClaimIDs(document: doc)
            for n in [1, 2, 9, 10, 99, 100, 12345, 999_999_999, 1_000_000_000] {
                #expect(ids.id(n) == "\(doc):\(n)")
                #expect(ClaimStore.plainOrdinal(id: ids.id(n), doc: doc) == (n <= 999_999_999 ? Int32(n) : nil))
            }
        }
        #expect(ClaimStore.plainOrdinal(id: "d:0", doc: "d") == 0)
        for id in ["d:01", "e:1", "d:1a", "d1", "d:", "d", "d::1", "dd:1", ":1", "d:-1"] {
            #expect(ClaimStore.plainOrdinal(id: id, doc: "d") == nil, "\(id)")
        }
    }
}
