@preconcurrency import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the shell needs to know about its terminal: whether a stream is one, its width, and
/// whether colour is wanted. Decisions of SPEC §6 (table and colour only on a terminal).
public enum Terminal {
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    public static var standardInputIsTerminal: Bool { isTerminal(STDIN_FILENO) }
    public static var standardOutputIsTerminal: Bool { isTerminal(STDOUT_FILENO) }

    /// The window width in columns (TIOCGWINSZ), nil when `fd` is not a terminal.
    public static func width(_ fd: Int32 = STDOUT_FILENO) -> Int? {
        let columns = Int(claimsh_terminal_columns(fd))
        return columns > 0 ? columns : nil
    }

    /// `NO_COLOR` set to anything non-empty turns colour off (no-color.org).
    public static var noColorRequested: Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }

    /// Makes the C library (and so libedit) decode input as UTF-8: the user's locale when its
    /// codeset is UTF-8, else `C.UTF-8`. Without it libedit treats umlauts as bytes and drops them.
    public static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if !codesetIsUTF8() {
            if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        }
        // Numbers are formatted by our own code; keep C's "." whatever the locale says.
        setlocale(LC_NUMERIC, "C")
    }

    static func codesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased().filter { $0 != "-" }
        return name == "utf8"
    }
}
