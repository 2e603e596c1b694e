// swift-tools-version: 6.1
import PackageDescription

// In-process benchmarks of ClaimKit (ordo-one/benchmark). Run: `cd Benchmarks && swift package benchmark`.
// The side-by-side comparison with the peers is `compare.sh` (`make bench`).
let package = Package(
    name: "claimsh-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "claimsh", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ClaimKitBenchmarks",
            dependencies: [
                .product(name: "ClaimKit", package: "claimsh"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ClaimKitBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
