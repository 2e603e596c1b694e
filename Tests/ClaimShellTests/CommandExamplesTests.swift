import ClaimKit
import Foundation
import Testing
@testable import ClaimShell

/// Every example in every command's help runs on the seeds and gives the output it promises
/// (tsv, as `claimsh -c INPUT` prints it in a pipe), so help can never lie.
@Suite struct CommandExamplesTests {
    /// One run of every example, each on a fresh session with the seeds loaded; shared by the
    /// tests below (annotating the seeds is the slow part).
    static let runs: [(command: String, example: CommandExample, output: Result<CommandOutput, ShellError>)] = {
        var runs: [(command: String, example: CommandExample, output: Result<CommandOutput, ShellError>)] = []
        for command in CommandRegistry.all {
            for example in command.examples {
                let session = Session()
                session.loadSeeds()
                let output: Result<CommandOutput, ShellError>
                do throws(ShellError) {
                    output = .success(try session.execute(example.input))
                } catch {
                    output = .failure(error)
                }
                runs.append((command.name, example, output))
            }
        }
        return runs
    }()

    @Test func everyExampleGivesItsExpectedOutput() {
        for command in CommandRegistry.all {
            #expect(!command.examples.isEmpty, "\(command.name) has no examples")
        }
        var checked = 0
        for run in Self.runs {
            let output: CommandOutput
            switch run.output {
            case let .success(o): output = o
            case let .failure(error):
                Issue.record("`\(run.example.input)` (\(run.command)) failed: \(error.message)")
                continue
            }
            guard let expected = run.example.expected else { continue }
            checked += 1
            let actual = Renderer.render(output, RenderOptions(format: .tsv))
            if actual != expected {
                Issue.record("""
                    `\(run.example.input)` (\(run.command)) printed something else than its example says.
                    Expected:
                    \(expected)
                    Actual:
                    \(actual)
                    As a Swift literal, to paste into the example if the new behaviour is right:
                    \(Self.literal(actual))
                    """)
            }
        }
        #expect(checked > 0)
    }

    /// What every command prints is well-formed in every format: json parses, every jsonl line
    /// is an object, csv rows have the header's field count, and a table's box lines are equally
    /// wide whether fitted to 80 columns or not.
    @Test func everyExampleRendersInEveryFormat() throws {
        var rendered = 0
        for run in Self.runs {
            guard case let .success(output) = run.output else { continue }
            let name = "`\(run.example.input)`"
            switch output {
            case .none, .text: continue
            case .table, .groups: rendered += 1
            }
            let json = Renderer.render(output, RenderOptions(format: .json))
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) is [Any], "\(name) json:\n\(json)")
            for line in Renderer.render(output, RenderOptions(format: .jsonl)).split(separator: "\n") {
                #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "\(name) jsonl: \(line)")
            }
            let csv = Self.csvRecords(Renderer.render(output, RenderOptions(format: .csv)))
            #expect(Set(csv.map(\.count)).count <= 1, "\(name) csv rows differ in field count")
            for width in [nil, 80] {
                let table = Renderer.render(output, RenderOptions(format: .table, width: width, maxRows: 40))
                let box = table.split(separator: "\n").filter { $0.hasPrefix("│") || $0.hasPrefix("┌") || $0.hasPrefix("└") }
                var blocks: [[Substring]] = [[]]
                for line in box {
                    blocks[blocks.count - 1].append(line)
                    if line.hasPrefix("└") { blocks.append([]) }
                }
                for block in blocks where !block.isEmpty {
                    let widths = Set(block.map { TextWidth.of(String($0)) })
                    #expect(widths.count == 1, "\(name) table lines differ in width (\(String(describing: width)))")
                    if let width, let w = widths.first { #expect(w <= width, "\(name) table wider than \(width)") }
                }
            }
        }
        #expect(rendered >= 10)
    }

    /// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append(c); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r", chars.first == "\n" {
                chars.removeFirst()
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return records
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
        let options = BatchRunner.renderOptions(for: session, toTerminal: true)
        #expect(options.format == .json)
        #expect(options.numbers == .plain)
        #expect(options.maxRows == nil)
        #expect(options.color)
        let listed = Renderer.render(try session.execute("set"), RenderOptions(format: .tsv))
        #expect(listed.contains("format\tjson\n"))
        #expect(listed.contains("maxrows\t0\n"))
        #expect(listed.contains("numbers\tplain\n"))
    }

    @Test func pipesGetEveryRowWithoutColour() throws {
        let session = Session()
        _ = try session.execute("set color on")
        _ = try session.execute("set width 60")
        let pipe = BatchRunner.renderOptions(for: session, toTerminal: false)
        #expect(pipe.format == .tsv && !pipe.color && pipe.width == nil && pipe.maxRows == nil)
        let terminal = BatchRunner.renderOptions(for: session, toTerminal: true)
        #expect(terminal.format == .table && terminal.color && terminal.width == 60 && terminal.maxRows == 40)
        _ = try session.execute("set color off")
        #expect(!BatchRunner.renderOptions(for: session, toTerminal: true).color)
        // --no-color / NO_COLOR at startup show as `off`; allowing colour again gives `auto`.
        session.settings.color = true
        #expect(session.settings.colorMode == .auto)
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
