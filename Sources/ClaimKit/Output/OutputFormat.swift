/// Output formats (SPEC §6).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, tsv, csv, json, jsonl, markdown
}
