import Testing
@testable import ClaimShell

@Suite struct ScriptReaderTests {
    typealias Redirection = ScriptReader.Redirection

    static func texts(_ input: String) -> [String] {
        ScriptReader.commands(in: input, origin: "t").map(\.text)
    }

    static func single(_ input: String) -> ScriptReader.Command? {
        let commands = ScriptReader.commands(in: input, origin: "t")
        return commands.count == 1 ? commands[0] : nil
    }

    @Test func semicolonsSeparateOutsideQuotesAndRegexes() {
        #expect(Self.texts("docs; sentences") == ["docs", "sentences"])
        #expect(Self.texts("grep \"Kim Jong-un; Putin\"; docs") == ["grep \"Kim Jong-un; Putin\"", "docs"])
        #expect(Self.texts("grep 'Pjöngjang;' in 003 ;docs") == ["grep 'Pjöngjang;' in 003", "docs"])
        #expect(Self.texts("grep /Soldaten;|Truppen/; docs") == ["grep /Soldaten;|Truppen/", "docs"])
        #expect(Self.texts("claims where text ~ /\\d+;\\//; docs") == ["claims where text ~ /\\d+;\\//", "docs"])
        #expect(Self.texts(";; docs ;") == ["docs"])
    }

    @Test func slashesInsidePathsAreNotRegexes() {
        #expect(Self.texts("load data/a.txt; docs") == ["load data/a.txt", "docs"])
        #expect(Self.texts("load /tmp/x; docs") == ["load /tmp/x", "docs"])
        #expect(Self.texts("load /tmp; docs") == ["load /tmp", "docs"])
    }

    @Test func commentsStartAtLineStartOrAfterBlank() {
        #expect(Self.texts("# Truppen in Kursk\ndocs # alle Dokumente") == ["docs"])
        #expect(Self.texts("grep Nr.#5") == ["grep Nr.#5"])
        #expect(Self.texts("grep \"# Kursk\"") == ["grep \"# Kursk\""])
        #expect(Self.texts("#!/usr/bin/env -S claimsh -f\ndocs") == ["docs"])
    }

    @Test func backslashContinuesWithPositionsOnTheRightLine() throws {
        let input = "docs\nclaims where \\\n  vaule > 1000 \\\n  and class = soldiers\nsentences"
        let commands = ScriptReader.commands(in: input, origin: "troops.claimsh")
        #expect(commands.map(\.text) == ["docs", "claims where    vaule > 1000    and class = soldiers", "sentences"])
        let claims = commands[1]
        let column = try #require(claims.text.range(of: "vaule")).lowerBound.utf16Offset(in: claims.text)
        #expect(claims.location(ofColumn: column) == .init(origin: "troops.claimsh", line: 3, column: 3))
        let cls = try #require(claims.text.range(of: "class")).lowerBound.utf16Offset(in: claims.text)
        #expect(claims.location(ofColumn: cls).description == "troops.claimsh:4:7")
        #expect(commands[2].start.description == "troops.claimsh:5:1")
        #expect(ScriptReader.endsWithContinuation("claims where \\"))
        #expect(ScriptReader.endsWithContinuation("claims where \\\n value > 3 \\  "))
        #expect(!ScriptReader.endsWithContinuation("claims where \\\n value > 3"))
        #expect(!ScriptReader.endsWithContinuation("docs # no continuation in a comment \\"))
    }

    @Test func columnsCountCharactersNotBytes() {
        let commands = ScriptReader.commands(in: "grep «Pjöngjang»; dosc", origin: "<command 1>")
        #expect(commands[1].start.description == "<command 1>:1:19")
    }

    @Test func crlfLineEndings() {
        #expect(Self.texts("docs\r\nsentences\r\n") == ["docs", "sentences"])
    }

    @Test func fileRedirections() {
        let write = Self.single("claims where class = soldiers > soldiers.tsv")
        #expect(write?.text == "claims where class = soldiers")
        #expect(write?.redirection == .write(path: "soldiers.tsv"))
        #expect(write?.source == "claims where class = soldiers > soldiers.tsv")
        #expect(write?.redirectionColumns == 30..<44)
        #expect(Self.single("docs >> ~/claims/log")?.redirection == .append(path: "~/claims/log"))
        #expect(Self.single("docs >out/docs")?.redirection == .write(path: "out/docs"))
        #expect(Self.single("docs > \"mein Ordner/docs.tsv\"")?.redirection == .write(path: "mein Ordner/docs.tsv"))
        let both = Self.single("claims where value >= 5 and value > 10.000 > big.jsonl")
        #expect(both?.text == "claims where value >= 5 and value > 10.000")
        #expect(both?.redirection == .write(path: "big.jsonl"))
    }

    @Test func comparisonsAreNotRedirections() {
        for input in ["claims where value > 1000", "claims where value > 10.000", "claims where value > 10k",
                      "claims where time > 2024-06", "claims where time > 2025-07/2025-08", "claims where value > 1,5",
                      "claims where value > 8Mio", "claims where value > x", "claims where value > 1000 and unit = EUR",
                      "claims where source > NIS", "grep '>' >"] {
            let command = Self.single(input)
            #expect(command?.redirection == nil, "\(input)")
            #expect(command?.text == input, "\(input)")
        }
    }

    @Test func pipeTakesTheRestOfTheLine() {
        let command = Self.single("claims where text ~ /a|b/ | sort -u; echo fertig > /dev/null")
        #expect(command?.text == "claims where text ~ /a|b/")
        #expect(command?.redirection == .pipe(command: "sort -u; echo fertig > /dev/null"))
        #expect(Self.single("grep \"a|b\" | head -1")?.redirection == .pipe(command: "head -1"))
        #expect(Self.single("docs |")?.redirection == .pipe(command: ""))
    }
}
