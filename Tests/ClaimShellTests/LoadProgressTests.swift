import ClaimKit
import Foundation
import Testing
@testable import ClaimShell

/// The progress line of a long load (drawn on a terminal only).
@Suite struct LoadProgressTests {
    @Test func lineShowsDocumentsMegabytesRateAndTimeLeft() {
        #expect(LoadProgress.line(documents: 51_234, of: 102_800, bytes: 135_000_000, of: 270_000_000, seconds: 5)
            == "loading 51,234/102,800 documents · 135/270 MB · 27.0 MB/s · 5 s left")
        #expect(LoadProgress.line(documents: 300, of: 3000, bytes: 800_000, of: 8_200_000, seconds: 4)
            == "loading 300/3,000 documents · 0.8/8.2 MB · 0.2 MB/s · 37 s left")
    }

    @Test func noProgressLineOnAPipe() {
        // Tests run with stderr on a pipe or file: no line may be drawn there.
        if isatty(STDERR_FILENO) == 0 {
            #expect(LoadProgress.start(for: [Document(id: "a", text: "Text.")]) == nil)
        }
    }
}
