import ClaimKit

/// `sets`: the named claim sets; also handles the assignment `NAME = claims ...`.
public enum SetsCommand: ShellCommand {
    public static let name = "sets"
    public static let usage = "sets"
    public static let summary = "List the claim sets kept with NAME = claims ..."
    public static let help = """
        `NAME = claims [where EXPR] ...` keeps the selected claims (their ids, in order) under NAME;
        `claims from NAME ...`, `compare from NAME`, `count from NAME ...` start from it. `sets`
        lists the sets with their sizes. Assigning a name again replaces the set.
        """
    public static let examples = [
        CommandExample("sets", expected: "name\tclaims\tdocs\n"),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        if let w = words.first { throw ShellError("'sets' takes no arguments", at: w.columns) }
        let store = session.corpus.store
        let rows: [[Value]] = session.sets.keys.sorted().map { name in
            let ids = session.sets[name] ?? []
            let docs = Set(ids.compactMap { store[id: $0]?.doc })
            return [.string(name), .int(ids.count), .int(docs.count)]
        }
        return .table(ResultTable(["name", "claims", "docs"], rows: rows))
    }

    /// `NAME = claims ...`: nil when the line is not an assignment.
    public static func assignment(_ line: String, in session: Session) throws(ShellError) -> CommandOutput? {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        let nameStart = i
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "-" { i += 1 }
        let nameEnd = i
        guard nameEnd > nameStart, chars[nameStart].isLetter || chars[nameStart] == "_" else { return nil }
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        guard i < chars.count, chars[i] == "=", !(i + 1 < chars.count && chars[i + 1] == "=") else { return nil }
        let name = String(chars[nameStart..<nameEnd])
        i += 1
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        let cmdStart = i
        while i < chars.count, chars[i] != " ", chars[i] != "\t" { i += 1 }
        let command = String(chars[cmdStart..<i]).lowercased()
        guard command == ClaimsCommand.name else {
            throw ShellError("only 'claims ...' can be kept in a set: NAME = claims [where EXPR] ...",
                             at: cmdStart..<max(i, cmdStart + 1))
        }
        if CommandRegistry.command(named: name) != nil {
            throw ShellError("'\(name)' is a command; choose another set name", at: nameStart..<nameEnd)
        }
        let invocation = CommandInvocation(name: command, arguments: String(chars[i...]), argumentOffset: i, line: line)
        let (_, claims) = try ClaimsCommand.selection(invocation, in: session)
        session.sets[name] = claims.map(\.id)
        session.diagnostics.append("\(name): \(claims.count) claim\(claims.count == 1 ? "" : "s")")
        return CommandOutput.none
    }
}
