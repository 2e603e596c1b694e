import ClaimKit

/// `help [COMMAND]`.
public enum HelpCommand: ShellCommand {
    public static let name = "help"
    public static let usage = "help [COMMAND | fields | where]"
    public static let summary = "Show the commands, or one command's help with examples."
    public static let help = """
        Without an argument lists the commands; `help COMMAND` shows its usage, help and examples;
        `help fields` lists the claim fields; `help where` explains filter expressions.
        """
    public static let examples = [
        CommandExample("help quit", expected: nil),
        CommandExample("help fields", expected: nil),
        CommandExample("help where", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        if let topic = words.first {
            switch topic.text.lowercased() {
            case "fields": return .table(fieldsTable)
            case "where": return .text(whereHelp)
            default: break
            }
            guard let command = CommandRegistry.command(named: topic.text) else {
                let s = Suggestion.closest(to: topic.text, in: CommandRegistry.names + ["fields", "where"])
                throw ShellError("no help for '\(topic.text)'" + (s.map { " (did you mean '\($0)'?)" } ?? ""), at: topic.columns)
            }
            var out = "usage: \(command.usage)\n\n\(command.help)\n"
            if !command.examples.isEmpty {
                out += "\nexamples:\n"
                for e in command.examples { out += "  \(e.input)" + (e.note.map { "    # \($0)" } ?? "") + "\n" }
            }
            return .text(out)
        }
        let width = CommandRegistry.all.map { $0.name.count }.max() ?? 0
        var out = "commands (help COMMAND shows its usage and examples; help fields, help where):\n"
        for c in CommandRegistry.all {
            out += "  " + c.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + c.summary + "\n"
        }
        out += "A claim set is kept with NAME = claims ...; use it with claims from NAME, compare from NAME.\n"
        out += "Every command can end with > FILE, >> FILE or | SHELL COMMAND.\n"
        return .text(out)
    }

    /// `help fields`: every claim field with its type, meaning and an example.
    static var fieldsTable: ResultTable {
        ResultTable(["field", "type", "meaning", "example"], rows: ClaimField.all.map { f in
            [.string(f.name), .string(f.type.rawValue), .string(f.doc), .string(f.example)]
        })
    }

    static let whereHelp = """
        where EXPR — filter claims (and docs, sentences, mentions by their column names)

        comparisons   FIELD OP VALUE, joined with `and`, `or`, `not` and parentheses;
                      `not` binds tighter than `and`, `and` tighter than `or`; keywords in any case
          =  !=       equal / not equal; text ignores case and umlaut spelling
                      (pjongjang = Pjoengjang = Pjöngjang)         class = soldiers
          <  <=  >  >= order; numbers numerically, text alphabetically   value >= 10.000
          ~  !~       contains / does not contain (case- and umlaut-insensitive)   text ~ pjongjang
          ~ /regex/   regular expression (case-insensitive)         text ~ /Sappeur|Pionier/
          in (a, b)   one of; `not in (...)` none of                approx in (about, vague)
          between a and b   inclusive range; `not between`          value between 10k and 20k
          is null, is not null   the field is empty                 source is not null
          FIELD OP FIELD   numeric fields compare with each other   high > value

        values        numbers 10000, 10.000, 12'000, 1,5, 10k, 8 Mio, 2,5 Milliarden (scale words:
                      query_scales lexicon); dates 2025, 2024-06, 2024-06-19, 2024-W23, 2024-Q2,
                      2025-07/2025-08; bare words; 'quoted text' or "quoted text" ('' for a quote);
                      separate list items with ", " (1,5 is one number).
                      A value of `doc` may be any unique prefix (doc = 002). A class, source, kind,
                      ... that no claim has but that is close to one is an error with a suggestion.

        time          `time` values are intervals (2024-06 is the whole month). For a claim's time A
                      and a value L:
          time = L    A lies within L                 time = 2025 holds for 2025-07/2025-08
          time != L   A does not lie within L
          time ~ L    A overlaps L                    time ~ 2025-08 holds for 2025-07/2025-08
          time !~ L   A does not overlap L
          time >= L   A starts at or after L starts   time >= 2025 holds for 2025-07/2025-08
          time > L    A starts after L ends           time > 2024 holds for 2025-03
          time <= L   A ends by the end of L          time <= 2024-06 holds for 2024-06-19
          time < L    A ends before L starts          time < 2025 holds for 2024-12
          time between L1 and L2   A within L1's start .. L2's end
          time in (L1, L2)   A within one of them
                      Times that are no dates (durations such as P3M) match nothing.

        nulls         A missing value matches only `is null`: as in SQL, `source != NIS` leaves out
                      claims without a source. A list field (entities) matches when one of its
                      elements does (`!=`, `!~`, `not in`: when none does).

        examples      claims where class = soldiers and value >= 10k sort value desc
                      claims where (source = NIS or source ~ geheimdienst) and time >= 2024-10
                      count by class where not (kind = date) and approx != vague
                      compare where event ~ abkommen
        """
}
