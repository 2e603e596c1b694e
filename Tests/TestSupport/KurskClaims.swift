import ClaimKit

/// Claims as the seed articles state them (sentences quoted from seeds/), built by hand so
/// that query, compare and reconciliation tests do not depend on the extraction of the day.
/// Shared by both test targets (the `ClaimTestSupport` target).
public enum KurskClaims {
    public static func make(_ doc: String, _ n: Int, _ kind: ClaimKind = .quantity, value: Double? = nil, high: Double? = nil,
                     approx: Approx? = nil, object: String? = nil, cls: String? = nil, aspect: String? = nil,
                     time: String? = nil, timeText: String? = nil, source: String? = nil, modality: Modality = .asserted,
                     event: String? = nil, entities: [String] = [], text: String, phrase: String, valueText: String) -> Claim {
        Claim(id: "\(doc):\(n)", doc: doc, sentence: n, span: TextSpan(n * 10, n * 10 + phrase.count), kind: kind,
              value: value, high: high ?? (approx == .moreThan ? nil : value), approx: approx, object: object, cls: cls,
              aspect: aspect, unit: nil, time: time, timeText: timeText, source: source, sourceText: source.map { "laut \($0)" },
              modality: modality, event: event, entities: entities, text: text, phrase: phrase, valueText: valueText)
    }

    public static let d0 = "000_dbee2a27689250e2", d1 = "001_0d1eacb0812e2af7", d2 = "002_2cc7b7632708e469"
    public static let d3 = "003_b3ede1b15ff85e9a", d4 = "004_37545d6c4a403162"

    public static let all: [Claim] = [
        make(d0, 1, value: 14000, approx: .exact, object: "Soldat", cls: "soldiers", aspect: "sent", entities: ["Nordkorea", "Ukraine", "Russland"],
             text: "Dies folgt auf den vorherigen Einsatz von 14.000 nordkoreanischen Soldaten in der Ukraine.",
             phrase: "14.000 nordkoreanischen Soldaten", valueText: "14.000"),
        make(d0, 2, .date, time: "2024-06", timeText: "im Juni 2024", event: "Abkommen unterzeichnen",
             entities: ["Kim Jong-un", "Wladimir Putin"],
             text: "Diese militärische Zusammenarbeit ergibt sich aus dem im Juni 2024 unterzeichneten umfassenden strategischen Partnerschaftsabkommen zwischen Kim Jong-un und Wladimir Putin.",
             phrase: "im Juni 2024", valueText: "im Juni 2024"),
        make(d1, 1, value: 25000, high: 30000, approx: .range, object: "Soldat", cls: "soldiers", aspect: "additional",
             modality: .planned, entities: ["Nordkorea", "Russland"],
             text: "Nordkorea intensiviert die militärische Zusammenarbeit mit Russland und bereitet die Entsendung von 25.000 bis 30.000 zusätzlichen Soldaten vor.",
             phrase: "25.000 bis 30.000 zusätzlichen Soldaten", valueText: "25.000 bis 30.000"),
        make(d1, 2, value: 11000, approx: .about, object: "Soldat", cls: "soldiers", aspect: "sent", time: "2024-12",
             timeText: "bis Ende 2024", source: "NIS", modality: .reported, entities: ["Nordkorea", "Russland"],
             text: "Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt, in diesem Jahr kamen weitere rund 3.000 hinzu.",
             phrase: "rund 11.000 Soldaten", valueText: "11.000"),
        make(d1, 3, value: 3000, approx: .about, object: "Soldat", cls: "soldiers", aspect: "additional", time: "2025",
             timeText: "in diesem Jahr", source: "NIS", modality: .reported, entities: ["Nordkorea", "Russland"],
             text: "Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt, in diesem Jahr kamen weitere rund 3.000 hinzu.",
             phrase: "weitere rund 3.000", valueText: "3.000"),
        make(d1, 4, .date, time: "2024-12", timeText: "Ende letzten Jahres", modality: .reported, event: "Abkommen unterzeichnen",
             entities: ["Russland"],
             text: "Neben den Bodenoperationen bestätigten die nordkoreanischen Staatsmedien auch die Entsendung von Truppen im Rahmen des Ende letzten Jahres mit Russland unterzeichneten umfassenden strategischen Partnerschaftsabkommens.",
             phrase: "Ende letzten Jahres", valueText: "Ende letzten Jahres"),
        make(d2, 1, value: 11000, approx: .exact, object: "Mann", cls: "soldiers", aspect: "sent", time: "2024-10",
             timeText: "im vergangenen Oktober", source: "Lee Seong-kweun", modality: .reported, entities: ["Nordkorea", "Pjöngjang", "Kursk"],
             text: "Lee führte aus, nachdem Nordkorea im vergangenen Oktober bereits 11.000 Mann entsandt habe, habe Pjöngjang mittlerweile den Einsatz von 4000 weiteren nordkoreanischen Soldaten sowie 6000 Militärbauarbeitern beschlossen.",
             phrase: "11.000 Mann", valueText: "11.000"),
        make(d2, 2, value: 4000, approx: .exact, object: "Soldat", cls: "soldiers", aspect: "additional",
             source: "Lee Seong-kweun", modality: .reported, entities: ["Nordkorea", "Pjöngjang", "Kursk"],
             text: "Lee führte aus, nachdem Nordkorea im vergangenen Oktober bereits 11.000 Mann entsandt habe, habe Pjöngjang mittlerweile den Einsatz von 4000 weiteren nordkoreanischen Soldaten sowie 6000 Militärbauarbeitern beschlossen.",
             phrase: "4000 weiteren nordkoreanischen Soldaten", valueText: "4000"),
        make(d2, 3, value: 6000, approx: .exact, object: "Militärbauarbeiter", cls: "workers", aspect: "planned",
             source: "Lee Seong-kweun", modality: .reported, entities: ["Nordkorea", "Pjöngjang", "Kursk"],
             text: "Lee führte aus, nachdem Nordkorea im vergangenen Oktober bereits 11.000 Mann entsandt habe, habe Pjöngjang mittlerweile den Einsatz von 4000 weiteren nordkoreanischen Soldaten sowie 6000 Militärbauarbeitern beschlossen.",
             phrase: "6000 Militärbauarbeitern", valueText: "6000"),
        make(d3, 1, value: 6000, approx: .about, object: "Soldat", cls: "soldiers", aspect: "planned", modality: .planned,
             entities: ["Nordkorea", "Kim Jong-un", "Kursk"],
             text: "Nordkoreas Staatschef Kim Jong-un hat zugesagt, rund 6.000 spezialisierte Soldaten und Bauarbeiter in die Region Kursk zu entsenden.",
             phrase: "rund 6.000 spezialisierte Soldaten", valueText: "6.000"),
        make(d3, 2, value: 1000, approx: .exact, object: "Sappeur", cls: "engineers", aspect: "planned", modality: .planned,
             entities: ["Russland"],
             text: "„Der Staatspräsident der DVRK Kim Jong Un hat beschlossen, 1.000 Sappeure nach Russland zu schicken, um Minen auf russischem Territorium zu räumen, sowie 5.000 Militärbauarbeiter“, sagte Schoigu.",
             phrase: "1.000 Sappeure", valueText: "1.000"),
        make(d3, 3, value: 5000, approx: .exact, object: "Militärbauarbeiter", cls: "workers", aspect: "planned", modality: .planned,
             entities: ["Russland"],
             text: "„Der Staatspräsident der DVRK Kim Jong Un hat beschlossen, 1.000 Sappeure nach Russland zu schicken, um Minen auf russischem Territorium zu räumen, sowie 5.000 Militärbauarbeiter“, sagte Schoigu.",
             phrase: "5.000 Militärbauarbeiter", valueText: "5.000"),
        make(d3, 4, value: 15000, approx: .about, object: "Soldat", cls: "soldiers", aspect: "sent", modality: .estimated,
             entities: ["Russland"],
             text: "In südkoreanischen, US-amerikanischen und ukrainischen Schätzungen wird von etwa 15.000 nordkoreanische Soldaten in Russland gesprochen.",
             phrase: "etwa 15.000 nordkoreanische Soldaten", valueText: "15.000"),
        make(d4, 1, value: 12000, approx: .exact, object: "Soldat", cls: "soldiers", aspect: "sent", source: "NIS", modality: .reported,
             entities: ["Ukraine"],
             text: "Nach Informationen des südkoreanischen Geheimdienstes NIS wurden bereits 12'000 Soldaten zur Unterstützung im Ukraine-Konflikt entsandt.",
             phrase: "12'000 Soldaten", valueText: "12'000"),
        make(d4, 2, .date, time: "2024-06", timeText: "im Juni 2024", event: "Abkommen unterzeichnen", entities: ["Russland", "Nordkorea"],
             text: "Die militärische Kooperation zwischen Russland und Nordkorea wurde im Juni 2024 durch einen Vertrag besiegelt.",
             phrase: "im Juni 2024", valueText: "im Juni 2024"),
    ]

    public static var store: ClaimStore { ClaimStore(all) }

    public static func ids(_ claims: [Claim]) -> [String] { claims.map(\.id) }
}
