import ClaimKit
import Foundation

/// `export FILE [where EXPR]`.
public enum ExportCommand: ShellCommand {
    public static let name = "export"
    public static let usage = "export FILE [from NAME] [where EXPR] [sort FIELD [desc], ...] [limit N] [select FIELD, ...]"
    public static let summary = "Write claims to a file; the format comes from the extension."
    public static let help = """
        Writes the claims matching EXPR, with every field (or the `select`ed ones), to FILE as
        .jsonl, .json, .csv, .tsv or .md (markdown). Overwrites FILE. Not allowed under --safe.
        """
    public static let examples = [
        CommandExample("export /tmp/claimsh-soldiers.jsonl where class = soldiers", expected: ""),
    ]

    static let formats: [String: OutputFormat] = ["jsonl": .jsonl, "ndjson": .jsonl, "json": .json, "csv": .csv,
                                                  "tsv": .tsv, "md": .markdown, "markdown": .markdown]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        guard let file = words.first else {
            throw ShellError("export needs a file: export FILE [where EXPR]", at: invocation.argumentOffset..<invocation.argumentOffset + 1)
        }
        if session.safe { throw ShellError("export writes a file, which --safe forbids", at: file.columns) }
        let ext = file.text.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard file.text.contains("."), let format = formats[ext] else {
            throw ShellError("cannot tell the format of '\(file.text)': use .jsonl, .json, .csv, .tsv or .md", at: file.columns)
        }
        // The rest of the line is parsed as for `claims`, its columns still those of the line.
        let restStart = file.columns.upperBound - invocation.argumentOffset
        let rest = String(Array(invocation.arguments)[restStart...])
        let sub = CommandInvocation(name: "claims", arguments: rest, argumentOffset: file.columns.upperBound, line: invocation.line)
        let (sel, claims) = try ClaimsCommand.selection(sub, in: session)
        let names = sel.clauses.select.isEmpty ? ClaimField.names : try sel.fields(sel.clauses.select, sub).map(\.name)
        let text = Renderer.render(.table(ClaimTable.table(claims, fields: names)), RenderOptions(format: format, numbers: .plain))
        let path = (file.text as NSString).expandingTildeInPath
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ShellError("cannot write '\(file.text)': \(error.localizedDescription)", at: file.columns)
        }
        session.diagnostics.append("wrote \(claims.count) claim\(claims.count == 1 ? "" : "s") to \(file.text)")
        return .none
    }
}
