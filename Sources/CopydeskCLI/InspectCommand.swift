import ArgumentParser
import Copydesk
import Foundation

struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what Copydesk reads from a file: format, encoding, metadata and numbered paragraphs of every story.",
        discussion: "The first thing to run on a new feed: no stage runs, nothing is changed."
    )

    @Option(help: "Input charset: auto or a name such as windows-1251 (`copydesk encodings` lists them).")
    var encoding: String = "auto"

    @Option(name: .customLong("input-format"), help: "Input format, or auto to detect it from the content.")
    var inputFormat: String = "auto"

    enum Output: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Report format (json for programs).")
    var format: Output = .text

    @Argument(help: "Files to inspect, or - for standard input.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE, or - for standard input") }
        try EncodingsCommand.validate(encoding)
    }

    /// One story of a file (a stream or a newsMessage holds several: each is an entry).
    struct Inspection: Encodable {
        var path: String
        /// 1-based position of the story in its file, and how many the file holds.
        var story: Int?
        var stories: Int?
        var error: String?
        var format: String?
        var encoding: String?
        var metadata: StoryMetadata?
        var blocks: [Block]?

        struct Block: Encodable {
            var kind: String
            var number: Int?
            var line: Int
            var column: Int
            var text: String
        }
    }

    func run() async throws {
        var inspections: [Inspection] = []
        var failed = false
        for path in files {
            do {
                let bytes = try InputFiles.read(path)
                let name = path == "-" ? "<stdin>" : path
                let decoded = try InputDecoder.decode(bytes, path: name, encoding: encoding)
                // Every story of the file, as `lint` reads them.
                let stories = try ReaderRegistry.standard.readAll(decoded.source, format: inputFormat)
                for (index, read) in stories.enumerated() {
                    var story = read
                    story.metadata.encoding = decoded.encoding
                    var number = 0
                    let blocks = story.blocks.map { block -> Inspection.Block in
                        var paragraphNumber: Int?
                        if block.kind.isBody { number += 1; paragraphNumber = number }
                        let location = story.source.location(of: block.text.sourceRange.lowerBound)
                        return Inspection.Block(kind: block.kind.rawValue, number: paragraphNumber, line: location.line, column: location.column, text: block.string)
                    }
                    inspections.append(Inspection(path: name, story: index + 1, stories: stories.count, format: story.metadata.sourceFormat,
                                                  encoding: decoded.encoding, metadata: story.metadata, blocks: blocks))
                }
            } catch {
                failed = true
                inspections.append(Inspection(path: path, error: "\(error)"))
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            Terminal.write(String(decoding: try encoder.encode(inspections), as: UTF8.self) + "\n")
        case .text:
            var out = ""
            for inspection in inspections {
                if let error = inspection.error { Terminal.error(error); continue }
                let position = (inspection.stories ?? 1) > 1 ? " (story \(inspection.story ?? 1) of \(inspection.stories ?? 1))" : ""
                out += "\(inspection.path)\(position): \(inspection.format ?? "?"), \(inspection.encoding ?? "?")\n"
                if let metadata = inspection.metadata {
                    let fields: [(String, String?)] = [
                        ("id", metadata.id), ("slug", metadata.slug), ("version", metadata.version), ("priority", metadata.priority),
                        ("category", metadata.category), ("language", metadata.language), ("agency", metadata.agency),
                        ("dateline", metadata.dateline), ("created", metadata.created.map { ISO8601DateFormatter().string(from: $0) }),
                        ("updated", metadata.updated.map { ISO8601DateFormatter().string(from: $0) }),
                    ]
                    for (name, value) in fields { if let value { out += "  \(name): \(value)\n" } }
                }
                for block in inspection.blocks ?? [] {
                    let label = block.number.map { "\(block.kind) \($0)" } ?? block.kind
                    out += "  [\(label)] \(block.line):\(block.column) \(block.text.replacingOccurrences(of: "\n", with: "⏎"))\n"
                }
                out += "\n"
            }
            Terminal.write(out)
        }
        if failed { throw ExitCode(ExitStatus.inputError) }
    }
}
