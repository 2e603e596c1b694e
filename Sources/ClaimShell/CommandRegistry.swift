/// Every shell command, by name. Adding a command: write its type in `Commands/` and list it here.
public enum CommandRegistry {
    public static let all: [any ShellCommand.Type] = [
        DocsCommand.self,
        SentencesCommand.self,
        ClaimsCommand.self,
        CountCommand.self,
        StatsCommand.self,
        TopCommand.self,
        CompareCommand.self,
        DiffCommand.self,
        TimelineCommand.self,
        EntitiesCommand.self,
        SourcesCommand.self,
        SetsCommand.self,
        ExportCommand.self,
        MentionsCommand.self,
        HelpCommand.self,
        QuitCommand.self,
        LoadCommand.self,
        UnloadCommand.self,
        ResetCommand.self,
        ShowCommand.self,
        GrepCommand.self,
        SetCommand.self,
        HistoryCommand.self,
    ]

    public static func command(named name: String) -> (any ShellCommand.Type)? {
        let n = name.lowercased()
        return all.first { $0.name == n || $0.aliases.contains(n) }
    }

    public static var names: [String] { all.flatMap { [$0.name] + $0.aliases }.sorted() }
}
