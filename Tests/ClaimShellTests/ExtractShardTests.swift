import Foundation
import Testing

/// `claimsh extract` is run in shards under `xargs -P` or Spark's `RDD.pipe`: the claims of
/// two shards, concatenated, must be exactly the claims of the whole corpus (same ids, same
/// order). Runs the built binary, so it needs `swift build` first.
@Suite struct ExtractShardTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/claimsh").path
    static let binaryPresent = FileManager.default.isExecutableFile(atPath: binary)

    /// Standard output of `claimsh extract ARGS`, and its exit status.
    func extract(_ arguments: [String]) throws -> (String, Int32) {
        try run(["extract"] + arguments)
    }

    /// Standard output of the shell in batch mode with `commands`.
    func shell(_ commands: [String]) throws -> String {
        try run(["--empty", "--no-init", "--format", "jsonl"] + commands.flatMap { ["-c", $0] }).0
    }

    /// Standard output of `claimsh ARGS` (with `input` on standard input), and its exit status.
    func run(_ arguments: [String], input: String? = nil) throws -> (String, Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let stdin = Pipe(), out = Pipe()
        if input != nil { process.standardInput = stdin }
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    @Test(.enabled(if: binaryPresent, ".build/debug/claimsh is absent (run swift build first)"))
    func twoShardsConcatenatedEqualTheWhole() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("claimsh-shards-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        // Four real articles: the first four seeds.
        let seeds = try fm.contentsOfDirectory(atPath: Self.root.appendingPathComponent("seeds").path)
            .filter { $0.hasSuffix(".txt") }.sorted().prefix(4)
        #expect(seeds.count == 4)
        for name in seeds {
            try fm.copyItem(at: Self.root.appendingPathComponent("seeds/\(name)"), to: dir.appendingPathComponent(name))
        }
        let files = seeds.map { dir.appendingPathComponent($0).path }

        let (whole, status) = try extract([dir.path])
        #expect(status == 0)
        let (first, s1) = try extract(Array(files[0..<2]))
        let (second, s2) = try extract(Array(files[2..<4]))
        #expect(s1 == 0 && s2 == 0)

        let lines = whole.split(separator: "\n")
        // Every document has claims, so each shard contributes lines.
        #expect(lines.count > 20)
        #expect(!first.isEmpty && !second.isEmpty)
        #expect(first + second == whole)
        // Ids are per document (`<doc>:<n>`), so they do not depend on the shard.
        let firstID = try #require(lines.first.flatMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }?["id"] as? String)
        #expect(firstID == seeds.first.map { String($0.dropLast(4)) + ":1" })
    }

    /// `extract` streams its input in batches, yet forms the corpus date prior over all of it,
    /// as `load` does: a document dated only by the history it tells (1998), far behind in the
    /// input from the datelines (2015), is read in 2015 by both. 10kGNAD sentences (CC BY-NC-SA
    /// 4.0) and made-up fillers.
    @Test(.enabled(if: binaryPresent, ".build/debug/claimsh is absent (run swift build first)"))
    func extractReadsDatesAsLoadDoes() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("claimsh-prior-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let datelines = [
            "Jetzt haben wir dieses positive Ergebnis. (APA, 24.9.2015)",
            "Oktober gegen die Schweiz genießen sie Heimvorteil. (APA, 5.9.2015)",
            "Die Ermittlungen gegen den Banker könnten noch eineinhalb Jahre dauern, heißt es in Sofioter Justizkreisen. (Markus Bernath; 01.11.2015)",
        ]
        for (i, t) in datelines.enumerated() { try t.write(to: dir.appendingPathComponent("a\(i).txt"), atomically: true, encoding: .utf8) }
        // More fillers than one batch of `extract`, so the last document is batched without the datelines.
        for i in 0..<80 {
            try "Der Verein hat \(i + 2) Mitglieder.".write(to: dir.appendingPathComponent(String(format: "b%03d.txt", i)), atomically: true, encoding: .utf8)
        }
        let history = "Sie hatte im Dezember ihr bis dahin jahrelanges Schweigen gebrochen. Zschäpe, Mundlos und Böhnhardt waren 1998 aus Jena (Thüringen) verschwunden. Im Dezember unterzeichneten 120 Abgeordnete einen Aufruf."
        try history.write(to: dir.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)

        let (extracted, status) = try extract([dir.path])
        #expect(status == 0)
        let loaded = try shell(["load \(dir.path)", "claims"])
        #expect(!extracted.isEmpty)
        #expect(extracted == loaded)
        let last = try #require(extracted.split(separator: "\n").last { $0.contains("\"doc\":\"c\"") && $0.contains("Abgeordnete") })
        #expect(last.contains("\"time\":\"2015-12\""))
    }

    /// `claimsh extract -` with `input` on standard input.
    func extractStandardInput(_ input: String) throws -> (String, Int32) {
        try run(["extract", "-"], input: input)
    }

    func ids(_ jsonl: String) -> [String] {
        jsonl.split(separator: "\n").compactMap { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["id"] as? String
        }
    }

    @Test(.enabled(if: binaryPresent, ".build/debug/claimsh is absent (run swift build first)"))
    func standardInputIsOneDocumentOrJSONLines() throws {
        // Plain text on stdin is one document named stdin.
        let (text, status) = try extractStandardInput("Nach Angaben der Polizei demonstrierten am Samstag rund 12.000 Menschen in Wien.\n")
        #expect(status == 0)
        #expect(ids(text) == ["stdin:1"])
        // What Spark's RDD.pipe feeds: one JSON document per line; ids come from the documents,
        // so a partition gives the same ids as the whole.
        let lines = [#"{"id": "a1", "text": "Rund 12.000 Menschen demonstrierten am Samstag in Wien."}"#,
                     #"{"id": "a2", "text": "Die Polizei sprach von 8.000 Teilnehmern, die Veranstalter von 20.000."}"#]
        let (both, s1) = try extractStandardInput(lines.joined(separator: "\n") + "\n")
        let (second, s2) = try extractStandardInput(lines[1] + "\n")
        #expect(s1 == 0 && s2 == 0)
        #expect(ids(both) == ["a1:1", "a2:1", "a2:2"])
        #expect(both.hasSuffix(second))
    }
}
