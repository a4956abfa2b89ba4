import Foundation

/// Standard streams, and whether to colour them.
enum Terminal {
    static func error(_ message: String) {
        let line = message.hasPrefix("Error: ") ? message : "copydesk: " + message
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func wantsColour(fileDescriptor: Int32) -> Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }
}
