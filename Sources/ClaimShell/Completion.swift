import ClaimKit
import Foundation

/// Tab completion (SPEC §7): what may follow the text left of the cursor. Pure logic on the
/// session's state; `LineEditor` hands the result to libedit.
///
/// Completes command names, `set` options and their values, `help` topics, field names after
/// `where`/`and`/`or`/`not`/`sort`/`by`/`select`/`on` and commas, field values after a
/// comparison (`doc = 00<Tab>`, `class = sol<Tab>`), document ids where a document is named
/// (`show`, `unload`, `diff`, `docs set`, `grep ... in`), set names after `from`, and file
/// paths after `load`, `export`, `>` and `>>`.
public struct Completion {
    /// Claim fields (SPEC §4), for `where`, `sort`, `by`, `select`.
    public static let fieldNames: [String] = ClaimField.names
    /// Fields of the rows of `docs` and `sentences` (SPEC §4, last paragraph).
    static let rowFields: [String: [String]] = [
        "docs": ["id", "title", "date", "date_inferred", "url", "source", "sentences", "claims", "chars", "encoding", "path"],
        "sentences": ["doc", "sentence", "text", "span"],
    ]

    /// Options of `set` and the values each takes (numbers have none to offer).
    public static var settings: [(name: String, values: [String])] {
        SetCommand.optionNames.map { ($0, SetCommand.values(for: $0)) }
    }

    /// Characters that end a word for completion; libedit is given the same set so that the
    /// word it replaces is the word completed here.
    public static let wordBreakCharacters = " \t\n\"'=<>;|(),~!"

    static let fieldKeywords: Set<String> = ["where", "and", "or", "not", "sort", "by", "select", "on", "(", ","]
    static let operators: Set<String> = ["=", "!=", "<", "<=", ">", ">=", "~", "!~"]
    /// Words that may follow a command name directly.
    static let clauses: [String: [String]] = [
        "claims": ["where", "sort", "limit", "select", "from"],
        "count": ["by", "where"],
        "compare": ["on", "where", "from"],
        "docs": ["set", "where"],
        "sentences": ["where"], "timeline": ["where"], "entities": ["where"], "sources": ["where"],
        "mentions": ["numbers", "times", "sources", "entities", "objects"],
    ]
    static let documentCommands: Set<String> = ["show", "unload", "diff"]
    static let fieldCommands: Set<String> = ["stats", "top"]
    static let pathCommands: Set<String> = ["load", "export"]

    /// What to put in place of `word`, the text between the last word break and the cursor.
    public struct Result: Equatable, Sendable {
        public var word: String
        public var candidates: [String]
    }

    let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// Completions at `cursor`, a character offset in `line` (libedit counts characters;
    /// callers holding UTF-8 bytes must convert).
    public func complete(line: String, cursor: Int) -> Result {
        let before = Array(line.prefix(max(0, cursor)))
        var wordStart = before.count
        while wordStart > 0, !Self.wordBreakCharacters.contains(before[wordStart - 1]) { wordStart -= 1 }
        let word = String(before[wordStart...])
        let quoted = wordStart > 0 && (before[wordStart - 1] == "\"" || before[wordStart - 1] == "'")
        let context = Self.tokens(Array(before[..<(quoted ? wordStart - 1 : wordStart)]))
        let candidates = self.candidates(after: context, word: word, quoted: quoted)
        return Result(word: word, candidates: candidates)
    }

    /// The words of the current command before the word being completed; nil inside a shell
    /// pipe. A `>`/`>>` directly before is kept as a token.
    static func tokens(_ chars: [Character]) -> [String]? {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
                i += 1
                continue
            }
            switch c {
            case "\"", "'":
                quote = c
                current.append(c)
            case " ", "\t", "\n":
                flush()
            case ";":
                flush()
                tokens = []
            case "|":
                return nil
            case "(", ")", ",":
                flush()
                tokens.append(String(c))
            case "=", "<", ">", "~", "!":
                flush()
                var op = String(c)
                while i + 1 < chars.count, "=<>~".contains(chars[i + 1]) {
                    op.append(chars[i + 1])
                    i += 1
                }
                tokens.append(op)
            default:
                current.append(c)
            }
            i += 1
        }
        flush()
        return tokens
    }

    func candidates(after context: [String]?, word: String, quoted: Bool) -> [String] {
        guard var words = context else { return [] }
        if let last = words.last, last == ">" || last == ">>" { return paths(word) }
        // `NAME = claims ...`: complete as if the assignment were not there.
        if words.count >= 2, words[1] == "=", !words[0].isEmpty { words.removeFirst(2) }
        guard let command = words.first?.lowercased() else {
            return matching(CommandRegistry.names, word)
        }
        let arguments = Array(words.dropFirst())
        let last = arguments.last?.lowercased()
        switch command {
        case "help":
            return arguments.isEmpty ? matching(CommandRegistry.names + ["fields", "where"], word) : []
        case "set":
            if arguments.isEmpty { return matching(Self.settings.map(\.name), word) }
            if arguments.count == 1, let setting = Self.settings.first(where: { $0.name == arguments[0].lowercased() }) {
                return matching(setting.values, word)
            }
            return []
        case "load":
            return word.hasPrefix("-") ? matching(["--sep", "--quote", "--no-header", "--text-column", "--text-field"], word)
                : paths(word)
        case "export" where arguments.isEmpty:
            return paths(word)
        case "docs" where arguments.first?.lowercased() == "set":
            if arguments.count == 1 { return values(documentIDs, word, quoted: quoted) }
            if arguments.count == 2 { return matching(["date", "source", "title", "url"], word) }
            return []
        case "grep" where arguments.contains { $0.lowercased() == "in" }:
            return values(documentIDs, word, quoted: quoted)
        default:
            break
        }
        if Self.documentCommands.contains(command) {
            // `show DOC:N` names a claim: after the colon, the claim ids of the document DOC
            // names (its id or a unique prefix: `show 004:` completes to 004_3754...:1, ...).
            if let colon = word.lastIndex(of: ":"),
               let i = try? DocumentName.resolve(String(word[..<colon]), in: session.corpus) {
                let corpus = session.corpus
                let typed = corpus.documents[i].document.id + word[colon...]
                let ids = corpus.claims(of: i).indices.map { corpus.store.id(row: $0) }.filter { $0.hasPrefix(typed) }
                if !ids.isEmpty { return ids }
            }
            // Otherwise document ids (a 10kGNAD id holds a colon itself: `test:12`).
            return values(documentIDs, word, quoted: quoted)
        }
        if last == "from" { return values(session.sets.keys.sorted(), word, quoted: quoted) }
        if arguments.isEmpty, Self.fieldCommands.contains(command) { return matching(Self.fieldNames, word) }
        if arguments.isEmpty, let clauses = Self.clauses[command] { return matching(clauses, word) }
        let fields = Self.rowFields[command] ?? Self.fieldNames
        if let field = fieldBeingCompared(arguments) {
            return Self.rowFields[command] == nil || field == "doc" ? values(fieldValues(field), word, quoted: quoted) : []
        }
        if let last, Self.fieldKeywords.contains(last) { return matching(fields, word) }
        // After a whole comparison (`class = soldiers `): what may follow it.
        if arguments.count >= 3, Self.operators.contains(arguments[arguments.count - 2]) {
            return matching(["and", "or"] + (Self.clauses[command] ?? []).filter { $0 != "where" }, word)
        }
        return []
    }

    /// The field whose value is being typed: `FIELD OP`, `FIELD in (a, `.
    func fieldBeingCompared(_ words: [String]) -> String? {
        guard let last = words.last else { return nil }
        if Self.operators.contains(last), words.count >= 2 { return words[words.count - 2].lowercased() }
        guard last == "(" || last == "," else { return nil }
        var i = words.count - 1
        while i > 0, words[i] != "(" { i -= 1 }
        if i >= 2, words[i] == "(", words[i - 1].lowercased() == "in" { return words[i - 2].lowercased() }
        return nil
    }

    var documentIDs: [String] { session.corpus.documents.map(\.document.id) }

    /// Distinct values of a claim field in the loaded corpus, most frequent first.
    func fieldValues(_ field: String) -> [String] {
        if field == "doc" || field == "id" && !session.corpus.documents.isEmpty { return documentIDs }
        return session.corpus.store.distinctValues(of: field)
    }

    /// Words starting with `prefix`, ignoring case.
    func matching(_ words: [String], _ prefix: String) -> [String] {
        let p = prefix.lowercased()
        var seen: Set<String> = []
        return words.filter { $0.lowercased().hasPrefix(p) && seen.insert($0).inserted }
    }

    /// Values starting with `prefix` (ignoring case and umlaut spelling); a value with blanks
    /// or operators gets quotes unless the user opened one.
    func values(_ values: [String], _ prefix: String, quoted: Bool) -> [String] {
        let p = TextFolding.fold(prefix)
        var seen: Set<String> = []
        return values.filter { TextFolding.fold($0).hasPrefix(p) && seen.insert($0).inserted }.map { value in
            if quoted || !value.contains(where: { Self.wordBreakCharacters.contains($0) || $0 == "#" }) { return value }
            return "\"" + value + "\""
        }
    }

    /// Files and directories whose path starts with `word`; directories end in `/`.
    func paths(_ word: String) -> [String] {
        let slash = word.lastIndex(of: "/")
        let directory = slash.map { String(word[...$0]) } ?? ""
        let base = slash.map { String(word[word.index(after: $0)...]) } ?? word
        var listed = directory.isEmpty ? "." : directory
        if listed.hasPrefix("~"), let home = ProcessInfo.processInfo.environment["HOME"] {
            listed = home + listed.dropFirst()
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
        return names.filter { $0.hasPrefix(base) && (base.hasPrefix(".") || !$0.hasPrefix(".")) }.map { name in
            var isDirectory: ObjCBool = false
            let full = (listed.hasSuffix("/") ? listed : listed + "/") + name
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            return directory + name + (isDirectory.boolValue ? "/" : "")
        }.sorted()
    }
}
