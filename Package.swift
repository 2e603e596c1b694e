// swift-tools-version: 6.0
import PackageDescription

/// Lexicons are data files (TSV) embedded into the binary so that claimsh works from any
/// directory and as an installed binary; users extend them at run time (see README, "Lexicons").
let lexicons = [
    "abbreviations", "number_words", "scales", "approximators", "units", "objects", "aspects",
    "months", "time_words", "sources", "attribution_cues", "modality", "gazetteer", "events",
    "query_scales", "class_families",
]

let package = Package(
    name: "claimsh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "claimsh", targets: ["claimsh"]),
        .library(name: "ClaimKit", targets: ["ClaimKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "ClaimKit",
            resources: [
                .embedInCode("Corpus/Seeds/000_dbee2a27689250e2.txt"),
                .embedInCode("Corpus/Seeds/001_0d1eacb0812e2af7.txt"),
                .embedInCode("Corpus/Seeds/002_2cc7b7632708e469.txt"),
                .embedInCode("Corpus/Seeds/003_b3ede1b15ff85e9a.txt"),
                .embedInCode("Corpus/Seeds/004_37545d6c4a403162.txt"),
            ] + lexicons.map { .embedInCode("Lexicon/Resources/\($0).tsv") }
        ),
        .target(
            name: "ClaimShell",
            dependencies: ["ClaimKit", "CEditLine"]
        ),
        .executableTarget(
            name: "claimsh",
            dependencies: [
                "ClaimShell", "ClaimKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Hand-built seed claims shared by both test targets.
        .target(name: "ClaimTestSupport", dependencies: ["ClaimKit"], path: "Tests/TestSupport"),
        .testTarget(name: "ClaimKitTests", dependencies: ["ClaimKit", "ClaimTestSupport"]),
        .testTarget(name: "ClaimShellTests", dependencies: ["ClaimShell", "ClaimKit", "ClaimTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
