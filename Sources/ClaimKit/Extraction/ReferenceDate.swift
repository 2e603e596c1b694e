/// The date relative expressions are resolved against: a document's date, or the session's
/// `refdate`. Keeps the granularity it was given ("2025", "2025-06", "2025-06-19").
public struct ReferenceDate: Sendable, Hashable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" (anything after the day, such as a time, is ignored).
    public init?(_ text: String?) {
        guard let text else { return nil }
        // Every document's date is parsed (by both time annotators): the ISO forms as bytes.
        if let fast = text.utf8.withContiguousStorageIfAvailable({ Self.parseISO($0) }), let r = fast {
            // (nil: not such a form, or not a valid date, which the general reading rejects too)
            self = r
            return
        }
        self.init(general: text)
    }

    /// `init?(_:)` on any text, by Characters.
    init?(general text: String) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
        var m: Int? = nil, d: Int? = nil
        if parts.count > 1 {
            guard let mm = Int(parts[1]), (1...12).contains(mm) else { return nil }
            m = mm
            if parts.count > 2 {
                guard let dd = Int(parts[2].prefix(2)), CalendarDay(validYear: y, month: mm, day: dd) != nil else { return nil }
                d = dd
            }
        }
        self.init(year: y, month: m, day: d)
    }

    /// "YYYY", "YYYY-MM", "YYYY-MM-DD" (then an ASCII byte or nothing) in digits, as
    /// `init?(_:)` reads them; nil for any other text (the general reading decides it).
    private static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> ReferenceDate? {
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = b[i]
            return c >= 0x30 && c <= 0x39 ? Int(c &- 0x30) : nil
        }
        @inline(__always) func number(_ i: Int, _ n: Int) -> Int? {
            var v = 0
            for k in i..<(i + n) {
                guard let d = digit(k) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        let n = b.count
        // A non-ASCII byte after the day might join its last digit's Character.
        guard n == 4 || n == 7 || (n >= 10 && (n == 10 || b[10] < 0x80)) else { return nil }
        guard let y = number(0, 4) else { return nil }
        if n == 4 { return ReferenceDate(year: y) }
        guard b[4] == UInt8(ascii: "-"), let m = number(5, 2) else { return nil }
        guard (1...12).contains(m) else { return nil }
        if n == 7 { return ReferenceDate(year: y, month: m) }
        guard b[7] == UInt8(ascii: "-"), let d = number(8, 2) else { return nil }
        guard CalendarDay(validYear: y, month: m, day: d) != nil else { return nil }
        return ReferenceDate(year: y, month: m, day: d)
    }

    /// The reference as a calendar day, when it is known to the day.
    public var calendarDay: CalendarDay? {
        guard let month, let day else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    public var iso: String {
        if let month, let day { return TimexFormat.day(year, month, day) }
        if let month { return TimexFormat.month(year, month) }
        return TimexFormat.year(year)
    }
}

extension Pipeline {
    /// The same pipeline with `refdate` given to the annotators that resolve time: documents
    /// without a date of their own are resolved against it (SPEC §5 `set refdate`).
    ///
    ///     let pipeline = Pipeline.standard.referenceDate(ReferenceDate("2025-06-19"))
    public func referenceDate(_ reference: ReferenceDate?) -> Pipeline {
        Pipeline(annotators: annotators.map { annotator -> any Annotator in
            if var times = annotator as? TimeAnnotator {
                times.referenceDate = reference
                return times
            }
            if var dates = annotator as? DocumentDateResolver {
                dates.referenceDate = reference
                return dates
            }
            return annotator
        })
    }
}
