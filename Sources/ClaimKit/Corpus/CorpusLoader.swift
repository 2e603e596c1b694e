import Foundation

// TEMPORARY (shell helper): a minimal stand-in so that main.swift compiles before the corpus
// helper's CorpusLoader is merged. Drop this file at merge; the real one has the same signature.
/// Loads plain-text files and directories (`-` = standard input).
public enum CorpusLoader {
    public static func load(paths: [String], options: LoadOptions) -> LoadReport {
        var report = LoadReport()
        for path in paths {
            if path == "-" {
                let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                report.documents.append(PlainTextLoader.document(name: "stdin", path: "-", bytes: bytes).document)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                report.problems.append(LoadProblem(path: path, message: "no such file or directory"))
                continue
            }
            var files = [path]
            if isDirectory.boolValue {
                let names = (FileManager.default.subpaths(atPath: path) ?? []).sorted()
                files = names.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                    .map { path + "/" + $0 }
                    .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    report.problems.append(LoadProblem(path: file, message: "cannot read"))
                    continue
                }
                let name = (file as NSString).lastPathComponent
                report.documents.append(PlainTextLoader.document(name: name, path: file, bytes: [UInt8](data)).document)
            }
        }
        return report
    }
}
