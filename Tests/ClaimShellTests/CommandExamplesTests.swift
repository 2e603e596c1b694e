import ClaimKit
import Testing
@testable import ClaimShell

/// Every example in every command's help runs on the seeds and gives the output it promises
/// (tsv, as `claimsh -c INPUT` prints it in a pipe), so help can never lie.
@Suite struct CommandExamplesTests {
    @Test func everyExampleGivesItsExpectedOutput() {
        var checked = 0
        for command in CommandRegistry.all {
            #expect(!command.examples.isEmpty, "\(command.name) has no examples")
            for example in command.examples {
                let session = Session()
                session.loadSeeds()
                let actual: String
                do {
                    actual = Renderer.render(try session.execute(example.input), RenderOptions(format: .tsv))
                } catch {
                    Issue.record("`\(example.input)` (\(command.name)) failed: \(error.message)")
                    continue
                }
                guard let expected = example.expected else { continue }
                checked += 1
                if actual != expected {
                    Issue.record("""
                        `\(example.input)` (\(command.name)) printed something else than its example says.
                        Expected:
                        \(expected)
                        Actual:
                        \(actual)
                        As a Swift literal, to paste into the example if the new behaviour is right:
                        \(Self.literal(actual))
                        """)
                }
            }
        }
        #expect(checked > 0)
    }

    static func literal(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    @Test func setChangesWhatTheNextCommandShows() throws {
        let session = Session()
        _ = try session.execute("set numbers plain")
        _ = try session.execute("set maxrows 0")
        _ = try session.execute("SET Format JSON")
        let options = session.settings.renderOptions(isTerminal: true, terminalWidth: 80, colorAllowed: true)
        #expect(options.format == .json)
        #expect(options.numbers == .plain)
        #expect(options.maxRows == nil)
        #expect(options.color)
        let listed = Renderer.render(try session.execute("set"), RenderOptions(format: .tsv))
        #expect(listed.contains("format\tjson\n"))
        #expect(listed.contains("maxrows\t0\n"))
    }

    @Test func pipesGetEveryRowWithoutColour() throws {
        let session = Session()
        _ = try session.execute("set color on")
        _ = try session.execute("set width 60")
        let pipe = session.settings.renderOptions(isTerminal: false, terminalWidth: nil, colorAllowed: true)
        #expect(pipe.format == .tsv && !pipe.color && pipe.width == nil && pipe.maxRows == nil)
        let terminal = session.settings.renderOptions(isTerminal: true, terminalWidth: 120, colorAllowed: false)
        #expect(terminal.format == .table && terminal.color && terminal.width == 60 && terminal.maxRows == 40)
        _ = try session.execute("set color auto")
        _ = try session.execute("set width auto")
        let noColor = session.settings.renderOptions(isTerminal: true, terminalWidth: 120, colorAllowed: false)
        #expect(!noColor.color && noColor.width == 120)
    }

    @Test func badValuePointsAtTheValueAndSuggests() {
        let session = Session()
        #expect(throws: ShellError("bad value 'jsno' for format (did you mean 'json'?); expected table, tsv, csv, json, jsonl, markdown or auto", at: 11..<15)) {
            try session.execute("set format jsno")
        }
        #expect(throws: ShellError("unknown option 'fromat' (did you mean 'format'?); options: format, color, maxrows, width, timer, refdate, numbers", at: 4..<10)) {
            try session.execute("set fromat json")
        }
        #expect(throws: ShellError("bad value '2025-02-29' for refdate; expected a date YYYY-MM-DD or none", at: 12..<22)) {
            try session.execute("set refdate 2025-02-29")
        }
        #expect(throws: ShellError("bad value '-5' for maxrows; expected a whole number (0 = all rows)", at: 12..<14)) {
            try session.execute("set maxrows -5")
        }
        #expect(throws: ShellError("set timer takes one value", at: 13..<19)) {
            try session.execute("set timer on please")
        }
        #expect(throws: ShellError("bad value 'of' for timer (did you mean 'off'?); expected on or off", at: 10..<12)) {
            try session.execute("set timer of")
        }
        #expect(session.settings.format == nil && session.settings.timer == false)
    }
}
