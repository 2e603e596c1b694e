import Foundation

/// The language resources: TSV tables embedded in the binary, extended at run time by files of
/// the same name in `$CLAIMSH_LEXICON` (a directory) or `~/.config/claimsh/lexicon/`.
///
/// Format: UTF-8, one entry per line, columns separated by tabs, `#` starts a comment line,
/// empty lines are ignored. The first non-comment line is *not* a header: each table's columns
/// are documented in the comment at its top.
public struct Lexicon: Sendable {
    public struct Table: Sendable {
        public var name: String
        public var rows: [[String]]
    }

    public let tables: [String: Table]

    public static let shared = Lexicon(extensionDirectories: Lexicon.defaultExtensionDirectories())

    public init(extensionDirectories: [String]) {
        var tables: [String: Table] = [:]
        for (name, bytes) in EmbeddedLexicon.all {
            tables[name] = Table(name: name, rows: Lexicon.parse(String(decoding: bytes, as: UTF8.self)))
        }
        for dir in extensionDirectories {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for file in names.sorted() where file.hasSuffix(".tsv") {
                let name = String(file.dropLast(4))
                guard let text = try? String(contentsOfFile: dir + "/" + file, encoding: .utf8) else { continue }
                tables[name, default: Table(name: name, rows: [])].rows += Lexicon.parse(text)
            }
        }
        self.tables = tables
    }

    public func table(_ name: String) -> Table {
        tables[name] ?? Table(name: name, rows: [])
    }

    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            })
        }
        return rows
    }

    static func defaultExtensionDirectories() -> [String] {
        var dirs: [String] = []
        let env = ProcessInfo.processInfo.environment
        if let base = env["XDG_CONFIG_HOME"], !base.isEmpty {
            dirs.append(base + "/claimsh/lexicon")
        } else if let home = env["HOME"] {
            dirs.append(home + "/.config/claimsh/lexicon")
        }
        if let d = env["CLAIMSH_LEXICON"], !d.isEmpty { dirs.append(d) }
        return dirs
    }
}

enum EmbeddedLexicon {
    static let all: [(String, [UInt8])] = [
        ("abbreviations", PackageResources.abbreviations_tsv),
        ("number_words", PackageResources.number_words_tsv),
        ("scales", PackageResources.scales_tsv),
        ("approximators", PackageResources.approximators_tsv),
        ("units", PackageResources.units_tsv),
        ("objects", PackageResources.objects_tsv),
        ("aspects", PackageResources.aspects_tsv),
        ("months", PackageResources.months_tsv),
        ("time_words", PackageResources.time_words_tsv),
        ("sources", PackageResources.sources_tsv),
        ("attribution_cues", PackageResources.attribution_cues_tsv),
        ("modality", PackageResources.modality_tsv),
        ("gazetteer", PackageResources.gazetteer_tsv),
        ("events", PackageResources.events_tsv),
        ("query_scales", PackageResources.query_scales_tsv),
        ("class_families", PackageResources.class_families_tsv),
    ]
}
