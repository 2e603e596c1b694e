import Benchmark
import ClaimKit
import Foundation

/// In-process benchmarks of the text pipeline on the 10kGNAD split (../shared, beside the
/// checkout). Throughput is reported per iteration of the whole 2.7 MB split.
let benchmarks: @Sendable () -> Void = {
    let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/10kGNAD/test.csv").path
    guard FileManager.default.fileExists(atPath: path) else {
        print("../shared/corpora/10kGNAD is absent: no benchmarks to run")
        return
    }
    let options = LoadOptions(separator: ";", quote: "'", header: false, textColumn: "2")
    let documents = CorpusLoader.load(paths: [path], options: options).documents
    let lexicon = Lexicon.shared
    let sentencesOnly = Pipeline(annotators: [SentenceAnnotator(lexicon: lexicon)])
    var oneThread = Pipeline(lexicon: lexicon)
    oneThread.threads = 1
    let allCores = Pipeline(lexicon: lexicon)

    let config = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 20)

    Benchmark("load+decode 10kGNAD (csv)", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(CorpusLoader.load(paths: [path], options: options))
        }
    }
    Benchmark("tokenize+split 10kGNAD, 1 thread", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(documents.map(sentencesOnly.annotate))
        }
    }
    Benchmark("full extraction 10kGNAD, 1 thread", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(oneThread.annotate(documents))
        }
    }
    Benchmark("full extraction 10kGNAD, all cores", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(allCores.annotate(documents))
        }
    }
}
