/// The bundled default corpus (`seeds/`), embedded in the binary so it is found from any
/// working directory, `swift run`, tests, and an installed binary.
public enum SeedCorpus {
    static let files: [(String, [UInt8])] = [
        ("000_dbee2a27689250e2.txt", PackageResources._00_dbee2a27689250e2_txt),
        ("001_0d1eacb0812e2af7.txt", PackageResources._01_0d1eacb0812e2af7_txt),
        ("002_2cc7b7632708e469.txt", PackageResources._02_2cc7b7632708e469_txt),
        ("003_b3ede1b15ff85e9a.txt", PackageResources._03_b3ede1b15ff85e9a_txt),
        ("004_37545d6c4a403162.txt", PackageResources._04_37545d6c4a403162_txt),
    ]

    /// The seed articles as documents, loaded as `seeds/NAME.txt` would be.
    public static func documents() -> [Document] {
        files.map { name, bytes in
            PlainTextLoader.document(name: name, path: "seeds/" + name, bytes: bytes).document
        }
    }
}
