/// How the reports of a compare group relate (SPEC §5 `compare`).
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// Some two documents give values that cannot both be true.
    case conflict
    /// All documents' values are compatible.
    case agree
    /// Only one document speaks of it.
    case single
}
