import ArgumentParser
import Copydesk
import Foundation

@main
struct CopydeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copydesk",
        abstract: "Decode, normalize and check news wire copy.",
        discussion: """
            Exit codes: 0 clean (nothing at or above --fail-on), 1 findings, 2 usage, configuration \
            or input errors.
            """,
        version: "0.1.0",
        subcommands: [NormalizeCommand.self, LintCommand.self, RunCommand.self, InspectCommand.self, ArchiveCommand.self, TMCommand.self, TranslateCommand.self, BaselineCommand.self, RulesCommand.self, StagesCommand.self, EncodingsCommand.self, InitCommand.self, InstallCommand.self, ServeCommand.self]
    )

    /// Parses and runs, mapping every usage or configuration error to exit code 2 with one line
    /// on standard error (ArgumentParser's own default would be 64).
    static func main() async {
        var parsed: (any ParsableCommand.Type)?
        do {
            var command = try parseAsRoot()
            parsed = type(of: command)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch CopydeskError.usage(let message) {
            usageError(message, command: parsed)
        } catch let error as CopydeskError {
            Terminal.error(error.description)
            Foundation.exit(ExitStatus.inputError)
        } catch let error as ValidationError where parsed != nil {
            // Thrown by a subcommand's run(): its own usage, not the root's.
            usageError(error.message, command: parsed)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.inputError)
        }
    }
}

extension CopydeskCommand {
    /// A usage error found while running a subcommand: the message, then that subcommand's usage
    /// (ArgumentParser prints it for errors it finds while parsing), exit 2.
    static func usageError(_ message: String, command: (any ParsableCommand.Type)?) -> Never {
        var text = "Error: " + message + "\n"
        if let command, command != CopydeskCommand.self {
            let usage = usageString(for: command)
            text += "Usage: " + usage.replacingOccurrences(of: "\n", with: "\n       ") + "\n"
            let path = usage.split(separator: " ").prefix { !$0.hasPrefix("[") && !$0.hasPrefix("<") && !$0.hasPrefix("-") }
            text += "  See '\(path.joined(separator: " ")) --help' for more information.\n"
        }
        Terminal.writeError(text)
        Foundation.exit(ExitStatus.inputError)
    }
}

enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let inputError: Int32 = 2
}
