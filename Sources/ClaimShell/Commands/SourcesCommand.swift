import ClaimKit

/// `sources [where EXPR]`.
public enum SourcesCommand: ShellCommand {
    public static let name = "sources"
    public static let usage = "sources [from NAME] [where EXPR]"
    public static let summary = "Who says so: the claims' sources, with counts."
    public static let help = """
        Each normalised source of the claims matching EXPR with the number of claims and documents
        and its most frequent wording; most frequent first. Claims without attribution are left out.
        """
    public static let examples = [
        CommandExample("sources", expected: "source\tclaims\tdocs\tsource_text\nLee Seong-kweun\t7\t1\tLee führte aus\nNIS\t4\t4\tlaut südkoreanischen Geheimdienstinformationen\nRussland\t2\t1\tAls Russland im April erklärte\nSergej Schoigu\t2\t1\tsagte der Sekretär des russischen Sicherheitsrates Sergei Schoigu\nTASS\t2\t1\tteilte die staatliche russische Nachrichtenagentur TASS am 17. Juni mit\nExperten\t1\t1\tEinige Experten sagten\nKCNA\t1\t1\tbestätigten die nordkoreanischen Staatsmedien\nKim Jong-un\t1\t1\tverkündete\nnordkoreanische Führung\t1\t1\tbestätigte die nordkoreanische Führung\nSüdkorea\t1\t1\tnach südkoreanischen Angaben\nTagesschau\t1\t1\tLaut «Tagesschau»\n"),
        CommandExample("sources where class = soldiers", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let sel = try ClaimSelection(invocation, in: session, allowed: [.where, .from, .limit])
        try sel.rejectLeading(from: 0, invocation, expecting: "from, where or limit")
        guard let field = ClaimField.named("source") else { return .none }
        var rows: [[Value]] = ClaimSelection.grouped(sel.claims, by: [field]).compactMap { key, claims in
            guard let s = key.first, !s.isNull else { return nil }
            let wording = FrequencyOrder.sorted(
                ClaimSelection.grouped(claims, by: ClaimField.named("source_text").map { [$0] } ?? []).map { $0.key + [Value.int($0.claims.count)] },
                countColumn: 1).first?.first ?? .null
            return [s, .int(claims.count), .int(Set(claims.map(\.doc)).count), wording]
        }
        rows = FrequencyOrder.sorted(rows, countColumn: 1)
        if let limit = sel.clauses.limit { rows = Array(rows.prefix(limit)) }
        return .table(ResultTable(["source", "claims", "docs", "source_text"], rows: rows))
    }
}
