import ArgumentParser
import Copydesk

struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List the registered pipeline stages and their options."
    )

    func run() throws {
        var out = ""
        for stage in StageRegistry.standard.registered {
            out += "\(stage.name)\n  \(stage.summary)\n"
            for option in stage.options {
                let values: String
                switch option.kind {
                case .bool: values = "true|false"
                case .int: values = "number"
                case .string: values = "text"
                case .choice(let words): values = words.joined(separator: "|")
                }
                out += "    \(option.name): \(values) (default: \(option.defaultValue.isEmpty ? "none" : option.defaultValue))\n"
                out += "        \(option.help)\n"
            }
        }
        Terminal.write(out)
    }
}
