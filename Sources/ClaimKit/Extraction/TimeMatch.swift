/// One recognised expression: tokens `start..<end` and its value.
struct TimeMatch {
    var start: Int
    var end: Int
    var value: String
    var type: TimeType = .date
    var relative = false
    var writtenYear: Int? = nil
    var month: Int? = nil
    var day: Int? = nil
    var monthPrecise = false
    var future = false
}
