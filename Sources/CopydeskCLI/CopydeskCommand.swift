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
        subcommands: [NormalizeCommand.self, LintCommand.self, RunCommand.self, InspectCommand.self, ArchiveCommand.self, TMCommand.self, TranslateCommand.self, RulesCommand.self, StagesCommand.self, ServeCommand.self]
    )

    /// Parses and runs, mapping every usage or configuration error to exit code 2 with one line
    /// on standard error (ArgumentParser's own default would be 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error as CopydeskError {
            Terminal.error(error.description)
            Foundation.exit(ExitStatus.inputError)
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

enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let inputError: Int32 = 2
}
