import Foundation

/// The `claimsh` executable built by `swift build --build-tests` (or `swift test`), run as a
/// user runs it. Tests using it are skipped, with a note, when it has not been built.
enum BuiltBinary {
    /// Repository root: three levels up from `Tests/ClaimShellTests/BuiltBinary.swift`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let path = root + "/.build/debug/claimsh"
    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }
    static let missing = "needs the built binary .build/debug/claimsh (swift build --build-tests)"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs claimsh to the end. Standard input is `input`, or /dev/null; HOME is a fresh
    /// directory unless given, so no ~/.claimshrc of the developer interferes.
    /// With `shell`, `arguments` go to bash instead (`["-c", "claimsh ... | head -1"]`).
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:],
                    directory: String? = nil, shell: Bool = false) throws -> Result {
        let scratch = try TemporaryDirectory()
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = scratch.path
        env.removeValue(forKey: "XDG_STATE_HOME")
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell ? "/bin/bash" : path)
        process.arguments = arguments
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        let outPath = scratch.path + "/.stdout", errPath = scratch.path + "/.stderr", inPath = scratch.path + "/.stdin"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        _ = FileManager.default.createFile(atPath: inPath, contents: Data((input ?? "").utf8))
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = input == nil ? FileHandle(forReadingAtPath: "/dev/null") : FileHandle(forReadingAtPath: inPath)
        try process.run()
        process.waitUntilExit()
        let out = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let err = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return Result(status: process.terminationStatus, stdout: out, stderr: err)
    }
}

/// A directory under /tmp removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "claimsh-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }
}
