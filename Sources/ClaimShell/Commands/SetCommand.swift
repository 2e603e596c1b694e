import ClaimKit

/// `set OPTION VALUE`, `set OPTION` (show one), `set` (show all): the session's options.
public enum SetCommand: ShellCommand {
    public static let name = "set"
    public static let usage = "set [OPTION [VALUE]]"
    public static let summary = "Show or change options: format, color, maxrows, width, timer, refdate, numbers."
    public static let help = """
        Without arguments lists every option and its value; with an option name shows that one.
          format   table | tsv | csv | json | jsonl | markdown | auto
                   auto: table on a terminal, tsv in pipes and files
          color    on | off | auto
                   colour on a terminal, never in pipes or files; NO_COLOR or --no-color: off
          maxrows  N
                   rows a terminal table shows before "… N more rows"; 0: all
          width    N | auto
                   columns a terminal table fits into; auto: the window's width
          timer    on | off
                   print "Run Time: real 0.012 s" on stderr after each command
          refdate  YYYY-MM-DD | none
                   the date relative expressions count from in undated documents
          numbers  de | plain
                   numbers in tables: 11.000 and 1,5, or 11000 and 1.5
        Pipes and files always get every row, untruncated, without colour.
        """
    public static let examples = [
        CommandExample("set", expected: """
            option\tvalue
            format\tauto
            color\tauto
            maxrows\t40
            width\tauto
            timer\toff
            refdate\tnone
            numbers\tde

            """, note: "the defaults"),
        CommandExample("set numbers plain", expected: "", note: "11000 and 1.5 in tables"),
        CommandExample("set maxrows 0", expected: "", note: "show every row on the terminal too"),
        CommandExample("set refdate 2025-06-19", expected: ""),
        CommandExample("set format", expected: "option\tvalue\nformat\tauto\n"),
    ]

    /// Option names in the order `set` lists them (also for completion).
    public static let optionNames = Option.allCases.map(\.rawValue)

    /// The words an option accepts, for completion and did-you-mean; empty for free numbers.
    public static func values(for option: String) -> [String] {
        Option(rawValue: option.lowercased())?.choices ?? []
    }

    enum Option: String, CaseIterable {
        case format, color, maxrows, width, timer, refdate, numbers

        var choices: [String] {
            switch self {
            case .format: return OutputFormat.allCases.map(\.rawValue) + ["auto"]
            case .color: return Settings.ColorMode.allCases.map(\.rawValue)
            case .maxrows: return []
            case .width: return ["auto"]
            case .timer: return ["on", "off"]
            case .refdate: return ["none"]
            case .numbers: return NumberStyle.allCases.map(\.rawValue)
            }
        }

        var expected: String {
            switch self {
            case .maxrows: return "a whole number (0 = all rows)"
            case .width: return "a whole number of columns (at least \(SetCommand.minimumWidth)) or auto"
            case .refdate: return "a date YYYY-MM-DD or none"
            default:
                return choices.dropLast().joined(separator: ", ") + " or " + (choices.last ?? "")
            }
        }

        func value(in s: Settings) -> String {
            switch self {
            case .format: return s.format?.rawValue ?? "auto"
            case .color: return s.colorMode.rawValue
            case .maxrows: return String(s.maxRows)
            case .width: return s.width.map(String.init) ?? "auto"
            case .timer: return s.timer ? "on" : "off"
            case .refdate: return s.refdate ?? "none"
            case .numbers: return s.numbers.rawValue
            }
        }

        /// Applies `text`; nil when it is not a value of this option.
        func apply(_ text: String, to s: inout Settings) -> Bool {
            let word = text.lowercased()
            switch self {
            case .format:
                if word == "auto" { s.format = nil; return true }
                guard let f = OutputFormat(rawValue: word) else { return false }
                s.format = f
            case .color:
                guard let m = Settings.ColorMode(rawValue: word) else { return false }
                s.colorMode = m
            case .maxrows:
                guard let n = SetCommand.wholeNumber(word) else { return false }
                s.maxRows = n
            case .width:
                if word == "auto" { s.width = nil; return true }
                guard let n = SetCommand.wholeNumber(word), n >= SetCommand.minimumWidth else { return false }
                s.width = n
            case .timer:
                guard word == "on" || word == "off" else { return false }
                s.timer = word == "on"
            case .refdate:
                if word == "none" { s.refdate = nil; return true }
                guard SetCommand.isDate(word) else { return false }
                s.refdate = word
            case .numbers:
                guard let n = NumberStyle(rawValue: word) else { return false }
                s.numbers = n
            }
            return true
        }
    }

    /// Narrower than this, a box table has no room for even a few columns.
    static let minimumWidth = 20

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        guard let first = words.first else {
            return .table(ResultTable(["option", "value"],
                                      rows: Option.allCases.map { [.string($0.rawValue), .string($0.value(in: session.settings))] }))
        }
        guard let option = Option(rawValue: first.text.lowercased()) else {
            let s = Suggestion.closest(to: first.text, in: optionNames)
            throw ShellError("unknown option '\(first.text)'" + (s.map { " (did you mean '\($0)'?)" } ?? "")
                             + "; options: " + optionNames.joined(separator: ", "), at: first.columns)
        }
        guard words.count > 1 else {
            return .table(ResultTable(["option", "value"],
                                      rows: [[.string(option.rawValue), .string(option.value(in: session.settings))]]))
        }
        if words.count > 2 {
            let extra = words[2].columns.lowerBound..<(words.last?.columns.upperBound ?? words[2].columns.upperBound)
            throw ShellError("set \(option.rawValue) takes one value", at: extra)
        }
        let value = words[1]
        guard option.apply(value.text, to: &session.settings) else {
            let s = suggestion(for: value.text, in: option.choices)
            throw ShellError("bad value '\(value.text)' for \(option.rawValue)"
                             + (s.map { " (did you mean '\($0)'?)" } ?? "")
                             + "; expected \(option.expected)", at: value.columns)
        }
        if option == .refdate {
            let n = session.reannotateInferredDates()
            if n > 0 { session.diagnostics.append("read \(n) document\(n == 1 ? "" : "s") with an inferred date again against refdate") }
        }
        return .none
    }

    /// A typed beginning ("of", "mark") points at the word it begins; otherwise the closest.
    static func suggestion(for word: String, in choices: [String]) -> String? {
        let w = word.lowercased()
        if !w.isEmpty, let prefixed = choices.filter({ $0.hasPrefix(w) }).min(by: { $0.count < $1.count }) {
            return prefixed
        }
        return Suggestion.closest(to: word, in: choices)
    }

    static func wholeNumber(_ s: String) -> Int? {
        guard !s.isEmpty, s.utf8.count <= 9, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(s)
    }

    /// A real calendar date written YYYY-MM-DD (2024-02-29 yes, 2025-02-29 no).
    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }
}
