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

    // Queries on about a million claims: the split's claims repeated with new document ids
    // (as the 100x corpus gives them), in a columnar store.
    let splitClaims = allCores.annotate(documents).flatMap(\.claims)
    var million: [Claim] = []
    let copies = max(1, 1_000_000 / max(1, splitClaims.count))
    million.reserveCapacity(copies * splitClaims.count)
    for k in 0..<copies {
        for var c in splitClaims {
            c.doc = "\(c.doc)~\(k)"
            c.id = c.doc + String(c.id[c.id.lastIndex(of: ":")!...])
            million.append(c)
        }
    }
    let store = ClaimStore(million)
    let query = ColumnarQuery(store)
    let all = Array(0..<Int32(store.count))
    let cls = ClaimField.named("class")!, valueField = ClaimField.named("value")!
    let filter = try! QueryParser.parse("class = soldiers and value >= 10000")
    let queryConfig = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 50)
    Benchmark("count by class, \(store.count) claims", configuration: queryConfig) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(query.groups(all, by: [cls])?.map { $0.rows.count }) }
    }
    Benchmark("stats value by class, \(store.count) claims", configuration: queryConfig) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(query.groups(all, by: [cls])?.map { Statistics(query.numbers(valueField, $0.rows) ?? []) })
        }
    }
    Benchmark("where class = soldiers and value >= 10000, \(store.count) claims", configuration: queryConfig) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? query.rows(matching: filter)) }
    }

    // grep's scan: the split's sentences searched for a word, ignoring case and umlauts.
    let split = sentencesOnly.annotate(documents)
    let grepConfig = Benchmark.Configuration(metrics: [.wallClock, .throughput], maxDuration: .seconds(5), maxIterations: 200)
    for word in ["Soldaten", "Österreich", "in der"] {
        guard let search = FoldedSearch(word) else { continue }
        Benchmark("grep '\(word)' over 10kGNAD (2.7 MB)", configuration: grepConfig) { benchmark in
            for _ in benchmark.scaledIterations {
                var hits = 0
                for d in split { hits += d.withUTF8 { search.sentences(in: $0, d.sentences) }.count }
                blackHole(hits)
            }
        }
    }
}
