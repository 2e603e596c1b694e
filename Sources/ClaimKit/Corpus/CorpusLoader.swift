import Dispatch
import Foundation

/// Loads corpus arguments (files, directories, globs, `-` for standard input) into documents,
/// choosing the reader by extension (SPEC §3): `.md`/`.markdown` Markdown, `.jsonl`/`.ndjson`
/// JSON Lines, `.csv` and `.tsv` delimited, anything else plain text. Binary, unreadable and
/// empty files are named and skipped; problems never stop the rest from loading. Files are
/// read and parsed in parallel; documents come back in argument order with unique ids
/// (`a`, `a~2`, `a~3`).
public enum CorpusLoader {
    public static func load(paths: [String], options: LoadOptions) -> LoadReport {
        load(paths: paths, options: options, allowedRoots: nil)
    }

    /// `allowedRoots` (for `--safe`): files whose real path lies outside every root are
    /// reported and not read.
    public static func load(paths: [String], options: LoadOptions, allowedRoots: [String]?) -> LoadReport {
        var report = LoadReport()
        var files: [String] = []
        var seen = Set<String>()
        let roots = allowedRoots?.map(realPath)
        for argument in paths {
            let (expanded, problem) = PathExpander.expand(argument)
            if let problem { report.problems.append(problem) }
            for file in expanded where seen.insert(file == "-" ? "-" : realPath(file)).inserted {
                if let roots, file != "-", !isInside(realPath(file), roots) {
                    report.problems.append(LoadProblem(path: file, message: "outside the allowed paths (--safe), skipped"))
                    continue
                }
                files.append(file)
            }
        }
        let chosen = files
        let results = ResultSlots<(documents: [Document], problems: [LoadProblem])>(count: chosen.count)
        if chosen.count == 1 {
            results.set(0, loadFile(chosen[0], options: options))
        } else if chosen.count > 1 {
            DispatchQueue.concurrentPerform(iterations: chosen.count) { i in
                results.set(i, loadFile(chosen[i], options: options))
            }
        }
        for r in results.values() {
            report.documents += r.documents
            report.problems += r.problems
        }
        makeUnique(&report.documents)
        return report
    }

    /// Documents from one file's bytes; `path` decides the format (and names problems).
    public static func documents(path: String, bytes: [UInt8], options: LoadOptions) -> (documents: [Document], problems: [LoadProblem]) {
        if bytes.isEmpty { return ([], [LoadProblem(path: path, message: "empty file, skipped")]) }
        if let problem = bytes.withUnsafeBufferPointer({ unreadable(path, $0) }) { return ([], [problem]) }
        // Standard input is named "stdin" in ids, paths and problems.
        let format = format(of: path, bytes: bytes)
        let path = path == "-" ? "stdin" : path
        let name = FileName.base(path)
        switch format {
        case .markdown:
            let (doc, problems) = MarkdownLoader.document(name: name, path: path, bytes: bytes)
            return (nonEmpty(doc) ? [doc] : [], problems + (nonEmpty(doc) ? [] : [LoadProblem(path: path, message: "no text, skipped")]))
        case .jsonLines:
            return JSONLinesLoader.documents(path: path, bytes: bytes, options: options)
        case .csv, .tsv:
            return DelimitedLoader.documents(path: path, bytes: bytes, options: options, tab: format == .tsv)
        case .plain:
            let (doc, problem) = PlainTextLoader.document(name: name, path: path, bytes: bytes)
            if !nonEmpty(doc) { return ([], [LoadProblem(path: path, message: "empty file, skipped")]) }
            return ([doc], problem.map { [$0] } ?? [])
        }
    }

    /// Makes ids unique in order: a second `a` becomes `a~2`, a third `a~3`; ids in `taken`
    /// (already loaded) count as used.
    public static func makeUnique(_ documents: inout [Document], taken: Set<String> = []) {
        var used = taken
        for i in documents.indices {
            let id = documents[i].id
            if used.insert(id).inserted { continue }
            var n = 2
            while used.contains("\(id)~\(n)") { n += 1 }
            documents[i].id = "\(id)~\(n)"
            used.insert(documents[i].id)
        }
    }

    enum Format: Equatable { case plain, markdown, jsonLines, csv, tsv }

    static func format(of path: String, bytes: [UInt8]) -> Format {
        if path == "-" {
            // Standard input has no name: JSON Lines when it starts with an object.
            let first = bytes.first { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
            return first == UInt8(ascii: "{") ? .jsonLines : .plain
        }
        switch FileName.ext(path) {
        case "md", "markdown": return .markdown
        case "jsonl", "ndjson": return .jsonLines
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        default: return .plain
        }
    }

    /// Why a file's bytes are not read as text: UTF-16 (by its byte-order mark) or binary (a NUL
    /// byte in its first 8 KB); nil when they are.
    static func unreadable(_ path: String, _ b: UnsafeBufferPointer<UInt8>) -> LoadProblem? {
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) {
            return LoadProblem(path: path, message: "UTF-16 text is not supported (convert it to UTF-8), skipped")
        }
        if UnsafeBufferPointer(rebasing: b.prefix(8192)).contains(0) { return LoadProblem(path: path, message: "binary file, skipped") }
        return nil
    }

    static func loadFile(_ path: String, options: LoadOptions) -> (documents: [Document], problems: [LoadProblem]) {
        // A CSV or TSV file (one file can hold a whole corpus) is mapped, not read into a copy.
        let kind = path == "-" ? Format.plain : format(of: path, bytes: [])
        if kind == .csv || kind == .tsv, let mapped = MappedFile(path) {
            defer { mapped.unmap() }
            let b = mapped.bytes
            if let problem = unreadable(path, b) { return ([], [problem]) }
            return DelimitedLoader.documents(path: path, buffer: b, options: options, tab: kind == .tsv)
        }
        let bytes: [UInt8]
        if path == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let read = readFile(path) else {
                return ([], [LoadProblem(path: path, message: "cannot read file, skipped")])
            }
            bytes = read
        }
        return documents(path: path, bytes: bytes, options: options)
    }

    /// The whole file in one buffer (no intermediate `Data` copy: corpora run to hundreds of MB).
    static func readFile(_ path: String) -> [UInt8]? {
        // Non-blocking so that a FIFO or device among the files cannot hang the load.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            guard let base = buffer.baseAddress else { count = 0; return }
            while done < size {
                let n = read(fd, base + done, size - done)
                if n < 0 { failed = true; break }
                if n == 0 { break }
                done += n
            }
            count = done
        }
        if failed { return nil }
        // A file that grew while being read: take the rest too.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// A regular, non-empty file mapped read-only (its pages read ahead); nil when it cannot
    /// be (the caller reads it instead, and reports what is wrong with it).
    struct MappedFile {
        let bytes: UnsafeBufferPointer<UInt8>

        init?(_ path: String) {
            let fd = open(path, O_RDONLY | O_NONBLOCK)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
            let size = Int(info.st_size)
            // Pages read ahead where the system can (MAP_POPULATE is Linux's).
            #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE
            #else
            let flags = MAP_PRIVATE
            #endif
            guard let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != MAP_FAILED else { return nil }
            bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        }

        func unmap() {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        }
    }

    private static func nonEmpty(_ doc: Document) -> Bool { !doc.text.allSatisfy(\.isWhitespace) }

    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func isInside(_ path: String, _ roots: [String]) -> Bool {
        roots.contains { root in path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
    }
}
