import Dispatch
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
    /// Tables built from this lexicon that several annotators use (the gazetteer, the object
    /// and time lexicons): built once and shared, not once per annotator (start-up time).
    private let derived = DerivedTables()

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

    /// The table `make` builds from this lexicon, built on first use and then shared by every
    /// caller asking for the same type (annotators call it from their initialisers).
    public func built<T: Sendable>(_ make: (Lexicon) -> T) -> T {
        if let t = derived.value(T.self) { return t }
        // Built outside the lock: a builder may ask for another derived table.
        return derived.store(make(self))
    }

    /// Builds the large derived tables (gazetteer, object lexicon, time words) side by side on
    /// the cores before the annotators ask for them: start-up waits for the slowest of them
    /// instead of their sum. Cheap when they are built already.
    public func prebuild() {
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            switch i {
            case 0: _ = built(Gazetteer.init(lexicon:))
            case 1: _ = built(ObjectLexicon.init(lexicon:))
            default: _ = built(TimeLexicon.init(lexicon:))
            }
        }
    }

    public func table(_ name: String) -> Table {
        tables[name] ?? Table(name: name, rows: [])
    }

    /// Rows of a TSV table. Works on the UTF-8 bytes (start-up parses every table): lines end
    /// at LF, CR or CRLF; fields are trimmed of blanks (tabs and Unicode space separators, as
    /// `CharacterSet.whitespaces`).
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                var e = i
                while e < n, b[e] != 10, b[e] != 13 { e += 1 }
                let line = i..<e
                i = e + 1
                let content = trimmed(b, line)
                if content.isEmpty || b[content.lowerBound] == UInt8(ascii: "#") { continue }
                var fields: [String] = []
                var s = line.lowerBound
                while true {
                    var t = s
                    while t < line.upperBound, b[t] != 9 { t += 1 }
                    let f = trimmed(b, s..<t)
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[f]), as: UTF8.self))
                    if t >= line.upperBound { break }
                    s = t + 1
                }
                rows.append(fields)
            }
        }
        return rows
    }

    /// `range` without leading and trailing blanks.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, let w = blankWidth(b, at: lo, limit: hi) { lo += w }
        while lo < hi {
            // The scalar ending at hi: step back over continuation bytes.
            var s = hi - 1
            while s > lo, b[s] & 0xC0 == 0x80 { s -= 1 }
            guard blankWidth(b, at: s, limit: hi) == hi - s else { break }
            hi = s
        }
        return lo..<hi
    }

    /// The byte length of the blank (tab or space separator) at `i`, or nil.
    static func blankWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int) -> Int? {
        let c = b[i]
        if c == 32 || c == 9 { return 1 }
        if c < 0x80 { return nil }
        var len = 0, v: UInt32 = 0
        switch c {
        case 0xC2...0xDF: len = 2; v = UInt32(c & 0x1F)
        case 0xE0...0xEF: len = 3; v = UInt32(c & 0x0F)
        default: return nil
        }
        guard i + len <= limit else { return nil }
        for k in 1..<len { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        guard let scalar = Unicode.Scalar(v), scalar.properties.generalCategory == .spaceSeparator else { return nil }
        return len
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

/// The derived tables of one lexicon, by type. A class so that copies of a `Lexicon` share it;
/// the lock makes first use from several threads safe (each value is immutable once stored).
final class DerivedTables: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [ObjectIdentifier: any Sendable] = [:]

    func value<T: Sendable>(_ type: T.Type) -> T? {
        lock.lock()
        defer { lock.unlock() }
        return values[ObjectIdentifier(type)] as? T
    }

    /// Stores `value` unless another thread stored one first; returns the stored one.
    func store<T: Sendable>(_ value: T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let existing = values[ObjectIdentifier(T.self)] as? T { return existing }
        values[ObjectIdentifier(T.self)] = value
        return value
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
