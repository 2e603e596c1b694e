import Foundation

/// Turns `load` arguments into files: a file is itself; a directory is every file below it
/// (recursive, sorted by name, hidden files and folders skipped); a glob (`*`, `?`, `[...]`,
/// `**` for any number of folders) is the sorted matches, folders among them expanded;
/// `-` is standard input. `~/` is the home folder.
enum PathExpander {
    static func expand(_ argument: String) -> (files: [String], problem: LoadProblem?) {
        if argument == "-" { return (["-"], nil) }
        let path = argument.hasPrefix("~/") ? NSString(string: argument).expandingTildeInPath : argument
        if GlobPattern.isPattern(path), !exists(path) {
            var found: [String] = []
            let absolute = path.hasPrefix("/")
            let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            glob(components[...], base: absolute ? "/" : "", into: &found)
            var seen = Set<String>()
            var files: [String] = []
            for match in found where seen.insert(match).inserted {
                files += isDirectory(match) ? walk(match) : [match]
            }
            if files.isEmpty { return ([], LoadProblem(path: argument, message: "no files match")) }
            return (files, nil)
        }
        guard exists(path) else { return ([], LoadProblem(path: argument, message: "no such file or directory")) }
        if isDirectory(path) {
            let files = walk(path)
            if files.isEmpty { return ([], LoadProblem(path: argument, message: "no files in directory")) }
            return (files, nil)
        }
        return ([path], nil)
    }

    /// Every non-hidden file below a directory, depth first, entries sorted by name.
    static func walk(_ directory: String) -> [String] {
        var files: [String] = []
        var visited = Set<String>()
        func visit(_ dir: String) {
            // Symlinked folders are followed once; a link back up must not loop.
            let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
            guard visited.insert(real).inserted else { return }
            for name in entries(dir) {
                let child = join(dir, name)
                if isDirectory(child) { visit(child) } else { files.append(child) }
            }
        }
        visit(directory)
        return files
    }

    private static func glob(_ components: ArraySlice<String>, base: String, into found: inout [String]) {
        guard let first = components.first else {
            if !base.isEmpty, exists(base) { found.append(base) }
            return
        }
        let rest = components.dropFirst()
        if first == "**" {
            glob(rest, base: base, into: &found)
            for name in entries(base.isEmpty ? "." : base) where isDirectory(join(base, name)) {
                glob(components, base: join(base, name), into: &found)
            }
        } else if GlobPattern.isPattern(first) {
            let pattern = GlobPattern(first)
            let dotted = first.hasPrefix(".")
            for name in entries(base.isEmpty ? "." : base, includeHidden: dotted) where pattern.matches(name) {
                glob(rest, base: join(base, name), into: &found)
            }
        } else {
            glob(rest, base: join(base, first), into: &found)
        }
    }

    /// Directory entries sorted by name; hidden ones (".x") only when asked.
    private static func entries(_ dir: String, includeHidden: Bool = false) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { includeHidden || !$0.hasPrefix(".") }.sorted()
    }

    private static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
