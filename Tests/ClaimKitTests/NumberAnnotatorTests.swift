import Testing
@testable import ClaimKit

private let numberAnnotator = NumberAnnotator(lexicon: .shared)

/// Numbers of one sentence: the text is taken as a single sentence so that these tests check
/// the number annotator alone, whatever the sentence splitter makes of "ca." or "Mio.".
private func numbers(_ text: String) -> [NumberMention] {
    var doc = AnnotatedDocument(document: Document(id: "t", text: text))
    doc.tokens = Tokenizer.tokenize(doc.bytes)
    doc.sentences = [Sentence(span: TextSpan(0, doc.bytes.count), tokens: 0..<doc.tokens.count)]
    numberAnnotator.annotate(&doc)
    return doc.numbers
}

/// The quantities of a text as (text, value, high, approx, unit).
private struct Q: Equatable, CustomStringConvertible {
    var text: String, value: Double, high: Double?, approx: Approx, unit: String?
    init(_ text: String, _ value: Double, _ high: Double?, _ approx: Approx = .exact, _ unit: String? = nil) {
        self.text = text; self.value = value; self.high = high; self.approx = approx; self.unit = unit
    }
    var description: String { "\(text)=\(value)…\(high.map { "\($0)" } ?? "nil") \(approx.rawValue) \(unit ?? "")" }
}

private func quantities(_ text: String) -> [Q] {
    numbers(text).filter { $0.role == .quantity }.map { Q($0.text, $0.value, $0.high, $0.approx, $0.unit) }
}

private func roles(_ text: String) -> [String: NumberRole] {
    Dictionary(numbers(text).map { ($0.text, $0.role) }, uniquingKeysWith: { a, _ in a })
}

@Suite struct NumberAnnotatorTests {
    // MARK: Digits

    @Test func germanSwissAndSpaceGrouping() {
        #expect(quantities("Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt.")
            == [Q("rund 11.000", 11000, 11000, .about)])
        #expect(quantities("Nach Informationen des südkoreanischen Geheimdienstes NIS wurden bereits 12'000 Soldaten entsandt.")
            == [Q("12'000", 12000, 12000)])
        #expect(quantities("Es kamen 12\u{2009}000 Menschen.") == [Q("12\u{2009}000", 12000, 12000)])
        #expect(quantities("Es kamen 12’000 Menschen und 1.234.567,5 Euro.")
            == [Q("12’000", 12000, 12000), Q("1.234.567,5 Euro", 1_234_567.5, 1_234_567.5, .exact, "EUR")])
        #expect(quantities("Es kamen 12 000 Menschen.") == [Q("12 000", 12000, 12000)])
        // 10kGNAD
        #expect(quantities("Bei Anschlägen und Angriffen der Gruppe wurden seit 2009 mindestens 14 000 Menschen getötet.")
            == [Q("mindestens 14 000", 14000, nil, .atLeast)])
        #expect(quantities("Das System funktioniert, wir fahren jede Woche 10 000 Meilen damit.") == [Q("10 000", 10000, 10000)])
        // 10kGNAD
        #expect(quantities("Im gesamten Vorjahr waren es in Österreich rund 28.000; damals eine Steigerung um rund 60 Prozent.")
            == [Q("rund 28.000", 28000, 28000, .about), Q("rund 60 Prozent", 60, 60, .about, "%")])
        #expect(quantities("Was sich außerdem über jene 885.437 Stimmberechtigten sagen lässt.")
            == [Q("885.437", 885437, 885437)])
    }

    @Test func decimalComma() {
        // 10kGNAD
        #expect(quantities("Das Retailgeschäft mit 1,6 Millionen Kunden hat der Bank einen Verlust von 41 Millionen Euro beschert.")
            == [Q("1,6 Millionen", 1_600_000, 1_600_000), Q("41 Millionen Euro", 41_000_000, 41_000_000, .exact, "EUR")])
        #expect(quantities("Rund 2,8 Millionen User sorgten seit Tagungsbeginn für mehr als 250 Millionen Clicks.")
            == [Q("Rund 2,8 Millionen", 2_800_000, 2_800_000, .about), Q("mehr als 250 Millionen", 250_000_000, nil, .moreThan)])
    }

    // MARK: Words and scales

    @Test func numberWordsWithScales() {
        #expect(quantities("Insgesamt sollen mehr als acht Millionen Artillerie- und Raketengeschosse geliefert worden sein.")
            == [Q("mehr als acht Millionen", 8_000_000, nil, .moreThan)])
        #expect(quantities("Es flohen zweieinhalb Millionen Menschen.") == [Q("zweieinhalb Millionen", 2_500_000, 2_500_000)])
        #expect(quantities("Sie brachten dreitausend Helfer mit.") == [Q("dreitausend", 3000, 3000)])
        // 10kGNAD
        #expect(quantities("Saakaschwili: Die USA haben drei Millionen Dollar gegeben.")
            == [Q("drei Millionen Dollar", 3e6, 3e6, .exact, "USD")])
        #expect(quantities("2016 sind Ausgaben von fast fünf Milliarden Dollar für Programm geplant.")
            == [Q("fast fünf Milliarden Dollar", 5e9, 5e9, .about, "USD")])
        #expect(quantities("Sie wartete anderthalb Millionen Euro.") == [Q("anderthalb Millionen Euro", 1_500_000, 1_500_000, .exact, "EUR")])
        // 10kGNAD
        #expect(quantities("Mehr als ein Dutzend Strafanzeigen wurden erstattet.") == [Q("Mehr als ein Dutzend", 12, nil, .moreThan)])
        #expect(quantities("Dazu käme ein Dutzend Bände mit Beweismitteln.") == [Q("ein Dutzend", 12, 12)])
        #expect(quantities("Zu Stoßzeiten betrügen die Intervalle zweieinhalb bis drei Minuten.").isEmpty)
    }

    @Test func scaleAbbreviations() {
        // 10kGNAD
        #expect(quantities("Seinen Angaben zufolge wird das Volumen auf 800 Millionen Lewa geschätzt, umgerechnet 407 Mio. Euro.")
            == [Q("800 Millionen", 800_000_000, 800_000_000), Q("407 Mio. Euro", 407_000_000, 407_000_000, .exact, "EUR")])
        #expect(quantities("In Summe erzielte die VIG 2015 ein Prämienvolumen von über 9 Mrd. Euro.")
            == [Q("über 9 Mrd. Euro", 9e9, nil, .moreThan, "EUR")])
        #expect(quantities("Der Umsatz lag bei 5 Tsd. Euro.") == [Q("5 Tsd. Euro", 5000, 5000, .exact, "EUR")])
    }

    // MARK: Ranges

    @Test func ranges() {
        #expect(quantities("Nordkorea bereitet die Entsendung von 25.000 bis 30.000 zusätzlichen Soldaten vor.")
            == [Q("25.000 bis 30.000", 25000, 30000, .range)])
        #expect(quantities("Es wurden 10.000–20.000 Soldaten verlegt.") == [Q("10.000–20.000", 10000, 20000, .range)])
        #expect(quantities("Die Angaben schwanken zwischen 11.000 und 15.000 Soldaten.")
            == [Q("zwischen 11.000 und 15.000", 11000, 15000, .range)])
        #expect(quantities("Der Schaden liegt bei 100 bis 300 Milliarden Dollar.")
            == [Q("100 bis 300 Milliarden Dollar", 1e11, 3e11, .range, "USD")])
        // 10kGNAD
        #expect(quantities("Doch die Bevölkerung schließt sich nicht an, es sind meistens nicht mehr als 50 bis 70 Menschen.")
            == [Q("nicht mehr als 50 bis 70", 50, 70, .range)])
        #expect(quantities("Das Passwort soll mindestens 12-14 Zeichen aufweisen.") == [Q("mindestens 12-14", 12, 14, .range)])
        #expect(quantities("Mitterlehner würde die Kosten für den Wahlkampf zwischen drei und vier Millionen limitieren.")
            == [Q("zwischen drei und vier Millionen", 3e6, 4e6, .range)])
        #expect(quantities("Die G9 X liefert eine Linse mit 28 bis 84 Millimeter Brennweite.")
            == [Q("28 bis 84 Millimeter", 28, 84, .range, "mm")])
    }

    @Test func yearRangesAreNotQuantityRanges() {
        #expect(roles("Die Zahlen von 2014 bis 2016 stiegen.") == ["2014": .year, "2016": .year])
    }

    // MARK: Approximators

    @Test func approximatorsAndBounds() {
        #expect(quantities("Sollte dieser Plan umgesetzt werden, könnte die Gesamtzahl der Soldaten in Russland 40.000 übersteigen.")
            == [Q("40.000 übersteigen", 40000, nil, .moreThan)])
        // 10kGNAD
        #expect(quantities("Das Institut beschäftigt rund 500 Mitarbeiter.") == [Q("rund 500", 500, 500, .about)])
        #expect(quantities("Während des vergangenen Gaza-Krieges starben im Sommer 2014 mehr als 2.200 Palästinenser und mehr als 70 Israelis.")
            == [Q("mehr als 2.200", 2200, nil, .moreThan), Q("mehr als 70", 70, nil, .moreThan)])
        #expect(quantities("Seit Sonntag seien mindestens 26 Islamisten getötet worden.") == [Q("mindestens 26", 26, nil, .atLeast)])
        #expect(quantities("Die besagten Möwen werden bis zu 67 Zentimeter lang.") == [Q("bis zu 67 Zentimeter", 67, 67, .upTo, "cm")])
        #expect(quantities("Wer alleine wohnt, gilt als armutsgefährdet, wenn er weniger als 1.160 Euro im Monat zur Verfügung hat.")
            == [Q("weniger als 1.160 Euro", 1160, 1160, .lessThan, "EUR")])
        #expect(quantities("Dort kamen am ersten Tag knapp 1.000 Menschen über die Grenze.") == [Q("knapp 1.000", 1000, 1000, .about)])
        #expect(quantities("Derzeit tummeln sich über 60 Modifikationen der Software im Netz.") == [Q("über 60", 60, nil, .moreThan)])
        #expect(quantities("Der Anteil liegt unter 5 Prozent.") == [Q("unter 5 Prozent", 5, 5, .lessThan, "%")])
        #expect(quantities("Es kamen ca. 300 Menschen.") == [Q("ca. 300", 300, 300, .about)])
        #expect(quantities("Es kamen ungefähr 300 Menschen.") == [Q("ungefähr 300", 300, 300, .about)])
    }

    // MARK: Vague amounts

    @Test func vagueAmounts() {
        #expect(quantities("Nordkorea schickt tausende weitere Soldaten.") == [Q("tausende", 2000, 9999, .vague)])
        #expect(quantities("Die Unternehmen würden sich dadurch jedenfalls einige Millionen Euro Strafen ersparen.")
            == [Q("einige Millionen Euro", 2_000_000, 9_000_000, .vague, "EUR")])
        // 10kGNAD
        #expect(quantities("An einem Kadaver können sich Dutzende oder gar Hunderte Vögel einfinden.")
            == [Q("Dutzende", 24, 99, .vague), Q("Hunderte", 200, 999, .vague)])
        #expect(quantities("In die Stadt haben sich zehntausende Menschen vor den Kämpfen geflüchtet.")
            == [Q("zehntausende", 20000, 99999, .vague)])
        #expect(quantities("Mazedonien ist von der Balkanroute, auf der Zigtausende Flüchtlinge nach Europa kommen, betroffen.")
            == [Q("Zigtausende", 20000, 99999, .vague)])
        #expect(quantities("In Paraguay werden mehrere hunderttausend Argentinier erwartet.")
            == [Q("mehrere hunderttausend", 200_000, 900_000, .vague)])
    }

    // MARK: Units

    @Test func percentagesAndCurrencies() {
        // 10kGNAD
        #expect(quantities("So hätten bereits 18 Prozent der Arbeiter einen All-in-Vertrag.") == [Q("18 Prozent", 18, 18, .exact, "%")])
        #expect(quantities("Im Bauwesen liege der Anteil bei 27 %.") == [Q("27 %", 27, 27, .exact, "%")])
        #expect(quantities("Die VR-Brille kommt Anfang April für 799 Dollar auf den Markt.") == [Q("799 Dollar", 799, 799, .exact, "USD")])
        #expect(quantities("Das Turnier ist mit 1,48 Millionen Dollar dotiert.")
            == [Q("1,48 Millionen Dollar", 1_480_000, 1_480_000, .exact, "USD")])
        #expect(quantities("Die Strafe beträgt 300 Franken.") == [Q("300 Franken", 300, 300, .exact, "CHF")])
        #expect(quantities("Sie kostet € 20.") == [Q("€ 20", 20, 20, .exact, "EUR")])
    }

    @Test func signs() {
        #expect(quantities("Die Temperatur fiel auf minus 5 Grad.") == [Q("minus 5 Grad", -5, -5, .exact, "°")])
        #expect(quantities("Es hat minus 5 bis 10 Grad.") == [Q("minus 5 bis 10 Grad", -5, 10, .range, "°")])
        // 10kGNAD-style economic changes
        #expect(quantities("Der Umsatz sank um -3,5 Prozent.") == [Q("-3,5 Prozent", -3.5, -3.5, .exact, "%")])
        #expect(quantities("Die Aktie legte +2 Prozent zu.") == [Q("+2 Prozent", 2, 2, .exact, "%")])
        #expect(quantities("Es wurden 10.000-20.000 Soldaten verlegt.") == [Q("10.000-20.000", 10000, 20000, .range)])
    }

    @Test func aSharedUnit() {
        // 10kGNAD
        #expect(quantities("Dennoch sinkt die Dividende nur von 1,40 auf 0,60 Euro.")
            == [Q("1,40", 1.4, 1.4, .exact, "EUR"), Q("0,60 Euro", 0.6, 0.6, .exact, "EUR")])
        #expect(quantities("So beim Marktanteil von Radio Wien (14 statt 13 Prozent).")
            == [Q("14", 14, 14, .exact, "%"), Q("13 Prozent", 13, 13, .exact, "%")])
    }

    // MARK: Not quantities

    @Test func yearsAreNotQuantities() {
        #expect(roles("Dies gilt als aggressiver Schritt seit dem Ausbruch des Ukraine-Konflikts im Jahr 2022.") == ["2022": .year])
        #expect(roles("Nordkorea wird ab Juli-August 2025 zusätzliche Truppen entsenden.") == ["2025": .year])
        // 10kGNAD
        #expect(roles("Servus TV hat allein im Jahr 2015 über 2,2 Millionen Euro erhalten.")["2015"] == .year)
        #expect(roles("Das geht aus der Bilanz der Tagung 2014/15 hervor.") == ["2014/15": .year])
        #expect(roles("Nach Informationen wurden 2015 bisher 133 Flüchtlinge gezählt.") == ["2015": .year, "133": .quantity])
    }

    @Test func yearsBeforeVerbsAndNamesStayYears() {
        // 10kGNAD
        #expect(roles("Erst 1960 wurde Eichmann in Argentinien verhaftet.") == ["1960": .year])
        #expect(roles("Das gilt für Österreich, das bereits Anfang der 1990er-Jahre Zielland einer Fluchtbewegung war.")
            == ["1990er-Jahre": .year])
        #expect(roles("Der seit 1570 bestehende Weihnachtsmarkt erstreckt sich über mehrere Straßen.") == ["1570": .year])
        #expect(roles("Das gilt sowohl für Aufnahmen mit 1080p als auch im optionalen 4K-Modus.") == ["1080p": .identifier, "4K-Modus": .identifier])
        #expect(quantities("Die Strecke ist 5km lang.") == [Q("5km", 5, 5, .exact, "km")])
        // 10kGNAD
        #expect(roles("Bis 2030 soll 5G rund 1.000 Mal schneller sein.") == ["2030": .year, "5G": .identifier, "rund 1.000": .quantity])
        #expect(roles("Frodeno hatte 3:03 Minuten Vorsprung.") == ["3:03 Minuten": .time])
    }

    @Test func yearLikeCountsAreQuantities() {
        // 10kGNAD
        #expect(quantities("Allein im Fahrzeugbau fielen 2000 Stellen weg.") == [Q("2000", 2000, 2000)])
        #expect(quantities("Außerdem hätten Polizisten 2000 Frauen dazu angehalten, ihr Kopftuch abzulegen.") == [Q("2000", 2000, 2000)])
        #expect(quantities("Es wurden 2000 Soldaten verlegt.") == [Q("2000", 2000, 2000)])
        #expect(quantities("Das kostet 2000 Euro.") == [Q("2000 Euro", 2000, 2000, .exact, "EUR")])
        #expect(quantities("Es wurden 2.000 Soldaten verlegt.") == [Q("2.000", 2000, 2000)])
    }

    @Test func datesAndTimesAreNotQuantities() {
        #expect(roles("Das teilte die Nachrichtenagentur TASS am 17. Juni mit.") == ["17.": .date])
        #expect(roles("Nordkorea hatte den Einsatz erstmals am 28. April bekannt gegeben.") == ["28.": .date])
        #expect(roles("Die Frist endet am 28.4. um Mitternacht.") == ["28.4.": .date])
        #expect(roles("Die Frist endet am 17.6.2024.") == ["17.6.2024": .date])
        // 10kGNAD
        #expect(roles("Er hofft nun auf eine Reaktion im Gold Cup, der am 7. Juli beginnt.") == ["7.": .date])
        #expect(roles("Am Mittwochabend (20.45 Uhr) verteidigt Frankreichs Serienmeister ein 2:1 aus dem Hinspiel.")
            == ["20.45 Uhr": .time, "2:1": .counter])
        #expect(roles("Der Anpfiff erfolgt um 15.05 Uhr.") == ["15.05 Uhr": .time])
        #expect(roles("Die Seeleute streiken ab 06.00 Uhr Ortszeit.") == ["06.00 Uhr": .time])
    }

    @Test func clockTimesWithoutUhrAreNotQuantities() {
        // 10kGNAD TV listings and a time in parentheses: H.MM is a time of day in German text.
        #expect(roles("Bis 18.25, Arte 18.00 LIVERock am Ring 2015 Das ausverkaufte Musikfestival.")["18.25"] == .time)
        #expect(roles("Bis 3.00, Eins Plus 18.30 MAGAZINHeute konkret: Urlaubsspezial.")["18.30"] == .time)
        #expect(roles("Die Seeleute begannen am Montag um 06.00 Uhr Ortszeit (5.00 MEZ) einen Streik.")["5.00"] == .time)
        // With a unit after it the number is an amount (an English decimal point).
        #expect(roles("Der Euro kostete 1.05 Dollar.")["1.05 Dollar"] == .quantity)
    }

    @Test func ordinalsAreNotQuantities() {
        #expect(roles("Er gewann zum 3. Mal.") == ["3.": .ordinal])
        #expect(numbers("Er gewann zum dritten Mal, im zweiten Anlauf.").isEmpty)
        #expect(roles("Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt.")
            == ["2024": .year, "rund 11.000": .quantity])
        // 10kGNAD
        #expect(roles("Für Arsenal geht es darum, sich zum 16. Mal in Folge zu qualifizieren.") == ["16.": .ordinal])
        #expect(roles("Die weiteren Treffer erzielten Alexis Sanchez (37.) und Gary Medel (79.).") == ["37.": .ordinal, "79.": .ordinal])
        #expect(roles("Die höchste Quote gibt es in Brigittenau, dem 20.") == ["20.": .ordinal])
    }

    @Test func identifiersAreNotQuantities() {
        #expect(roles("Gemäß den UN-Resolutionen 1718, 1874 und 2270 ist es untersagt, Waffen zu liefern.")
            == ["1718": .identifier, "1874": .identifier, "2270": .identifier])
        #expect(roles("Das regelt Nr. 3 der Verordnung.") == ["3": .identifier])
        #expect(roles("Der Paragraf 218 bleibt.") == ["218": .identifier])
        #expect(roles("Auf der A1 und unter Windows 10 gab es Staus.") == ["10": .identifier])
        // 10kGNAD
        #expect(roles("So wurde in Dornbirn eine 15-Jährige wegen aufdringlichen Bettelns nach Paragraf 7 abgestraft.")
            == ["15-Jährige": .identifier, "7": .identifier])
        #expect(roles("So sieht es Artikel 50 des EU-Vertrags vor.") == ["50": .identifier])
    }

    @Test func modelNamesAreNotQuantities() {
        // 10kGNAD
        #expect(roles("Wie das Lumia 950 von Microsoft soll es als Ersatz für einen Desktoprechner dienen können.") == ["950": .identifier])
        #expect(roles("Mit David Alaba kam der Rekordmeister am Samstag zu einem 3:0 bei Darmstadt 98.")
            == ["3:0": .counter, "98": .identifier])
        #expect(roles("Im Gegensatz zum Nexus 6 funktioniert dies hier ohne Verfärbung.") == ["6": .identifier])
        // ... but a count after a name stays a count.
        #expect(roles("Von Seiten der SPÖ wurden insgesamt 114 Anfragen gestellt, von der ÖVP 50.") == ["114": .quantity, "50": .quantity])
        #expect(roles("In Wien 300 Menschen demonstrierten.")["300"] == .quantity)
        #expect(roles("Sie hätten für ihr Vorhaben 60 der 100 Stimmen benötigt.")["60"] == .quantity)
        #expect(roles("Insgesamt existieren in Österreich 15 solcher Städte.")["15"] == .quantity)
        #expect(roles("Damals kam nach der Zweiten Türkenbelagerung 1683 ganz Ungarn unter habsburgisches Zepter.")["1683"] == .year)
    }

    @Test func rankListsAreOrdinals() {
        // 10kGNAD
        #expect(roles("Tabelle: 1.") == ["1.": .ordinal])
        #expect(roles("Nick Miller (Großbritannien) 72,94, 12.") == ["72,94": .quantity, "12.": .ordinal])
        #expect(roles("Heute sind es noch 35.") == ["35": .quantity])
    }

    @Test func agesAreNotQuantities() {
        // 10kGNAD
        #expect(roles("Gegen Chelsea traf der 34-Jährige im Hinspiel per Freistoß zum 1:0.") == ["34-Jährige": .identifier, "1:0": .counter])
        #expect(roles("Einen Tag danach ist ein 26-Jähriger in Mecklenburg-Vorpommern verurteilt worden.") == ["26-Jähriger": .identifier])
    }

    @Test func countersScoresAndPhonesAreNotQuantities() {
        #expect(roles("Kommentar (0)Nordkorea schickt nach südkoreanischen Angaben tausende weitere Soldaten.")
            == ["0": .counter, "tausende": .quantity])
        // 10kGNAD
        #expect(roles("Ein 1:0 würde den Hausherren reichen.") == ["1:0": .counter])
        #expect(roles("Ecuador (3) sicherte sich mit einem Sieg gegen Mexiko (2) noch Rang drei.")
            == ["3": .counter, "2": .counter, "drei": .identifier])
        #expect(roles("Anrufe unter 0664 1234567 oder +43 1 5555.") == ["0664 1234567": .phone, "+43 1 5555": .phone])
        // 10kGNAD
        #expect(roles("Hinweise an die Polizei unter 059133 66 3100 oder an das Landeskriminalamt Steiermark 059 133 60 3333.")
            == ["059133 66 3100": .phone, "059 133 60 3333": .phone])
    }

    @Test func durationsBelongToTimes() {
        // 10kGNAD
        #expect(roles("Rund vier Wochen vor dem Referendum gibt es weiter keine klare Prognose.") == ["Rund vier Wochen": .time])
        #expect(roles("Die Ermittlungen könnten noch eineinhalb Jahre dauern.") == ["eineinhalb Jahre": .time])
    }

    @Test func spansPointAtTheText() {
        let text = "Laut «Tagesschau» sind die ersten 1500 Soldaten bereits angekommen."
        let n = numbers(text)
        #expect(n.count == 1)
        let bytes = Array(text.utf8)
        #expect(n.first.map { String(decoding: bytes[$0.span.range], as: UTF8.self) } == "1500")
    }
}
