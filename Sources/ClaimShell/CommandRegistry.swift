/// Every shell command, by name. Adding a command: write its type in `Commands/` and list it here.
public enum CommandRegistry {
    public static let all: [any ShellCommand.Type] = [
        LoadCommand.self,
        UnloadCommand.self,
        ResetCommand.self,
        DocsCommand.self,
        SentencesCommand.self,
        ShowCommand.self,
        GrepCommand.self,
        ClaimsCommand.self,
        CountCommand.self,
        StatsCommand.self,
        TopCommand.self,
        CompareCommand.self,
        DiffCommand.self,
        TimelineCommand.self,
        EntitiesCommand.self,
        SourcesCommand.self,
        MentionsCommand.self,
        SetsCommand.self,
        ExportCommand.self,
        SetCommand.self,
        HistoryCommand.self,
        HelpCommand.self,
        QuitCommand.self,
    ]

    public static func command(named name: String) -> (any ShellCommand.Type)? {
        let n = name.lowercased()
        return all.first { $0.name == n || $0.aliases.contains(n) }
    }

    public static var names: [String] { all.flatMap { [$0.name] + $0.aliases }.sorted() }
}
