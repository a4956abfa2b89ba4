import Foundation

/// Stages in order, with the input settings that come before them, as a pipeline file lists them:
///
/// ```yaml
/// name: normalize
/// input:
///   encoding: auto        # or a charset such as windows-1251
///   format: auto          # or plain, markdown
/// stages:
///   - normalize:
///       form: nfc
///   - my-stage            # a stage without options
/// ```
public struct Pipeline: Sendable {
    public var name: String
    public var input: InputSettings
    public var stages: [any Stage]
    /// Directory of the pipeline file, for stages that read files relative to it.
    public var baseDirectory: String?

    public init(name: String, input: InputSettings = InputSettings(), stages: [any Stage], baseDirectory: String? = nil) {
        self.name = name
        self.input = input
        self.stages = stages
        self.baseDirectory = baseDirectory
    }

    /// Reads a pipeline file; every error names the file, and the line, stage and key where known.
    ///
    /// `overrides` replace options of every stage with that name, as command-line flags such as
    /// `--form` do: `["normalize": ["form": .string("nfd")]]`.
    public static func load(path: String, registry: StageRegistry, overrides: [String: [String: ConfigValue]] = [:]) throws -> Pipeline {
        try load(yaml: YAMLFile(path: path), registry: registry, overrides: overrides)
    }

    public static func load(yaml file: YAMLFile, registry: StageRegistry, overrides: [String: [String: ConfigValue]] = [:]) throws -> Pipeline {
        guard case .map(let top) = file.root else {
            throw CopydeskError.configuration(file: file.path, message: "a pipeline file must be a mapping with 'stages:'")
        }
        for key in top.keys.sorted() where !["name", "description", "input", "stages"].contains(key) {
            throw file.error(at: key, "unknown key '\(key)' (known: name, description, input, stages)")
        }
        let defaultName = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
        var name = defaultName
        if let value = top["name"] {
            guard case .string(let text) = value else { throw file.error(at: "name", "'name' must be a string") }
            name = text
        }
        var input = InputSettings()
        if let value = top["input"] {
            input = try InputSettings(value, file: file)
        }
        guard case .list(let entries)? = top["stages"] else {
            throw file.error(at: "stages", "'stages' must be a list of stage names or 'name: {options}' entries")
        }
        var stages: [any Stage] = []
        let directory = URL(fileURLWithPath: file.path).deletingLastPathComponent().path
        for (index, entry) in entries.enumerated() {
            let location = file.keyLines["stages.\(index)"].map { "\(file.path):\($0)" } ?? file.path
            switch entry {
            case .string(let stageName):
                stages.append(try registry.makeStage(named: stageName, options: overrides[stageName] ?? [:], file: location, baseDirectory: directory))
            case .map(let single) where single.count == 1:
                let (stageName, value) = single.first!
                let stageLocation = file.keyLines["stages.\(index).\(stageName)"].map { "\(file.path):\($0)" } ?? location
                var options: [String: ConfigValue]
                switch value {
                case .map(let map): options = map
                case .null: options = [:]
                default:
                    throw CopydeskError.configuration(file: stageLocation, message: "stage '\(stageName)': options must be a mapping")
                }
                options.merge(overrides[stageName] ?? [:]) { _, override in override }
                stages.append(try registry.makeStage(named: stageName, options: options, file: stageLocation, baseDirectory: directory))
            default:
                throw CopydeskError.configuration(file: location, message: "stage entry \(index + 1) must be a name or 'name: {options}'")
            }
        }
        for name in overrides.keys.sorted() where !stages.contains(where: { type(of: $0).name == name }) {
            throw CopydeskError.configuration(file: file.path, message: "the pipeline has no '\(name)' stage for the options given on the command line")
        }
        return Pipeline(name: name, input: input, stages: stages, baseDirectory: directory)
    }

    /// Runs every stage on the story, in order.
    /// `turn` is the story's place in a batch, for stages that record in input order.
    public func process(_ story: inout Story, mode: StageContext.Mode = .transform, turn: InputTurn? = nil) async throws {
        let context = StageContext(baseDirectory: baseDirectory, mode: mode, turn: turn)
        for stage in stages {
            try await stage.process(&story, context: context)
        }
    }
}

/// How input files are decoded and read before any stage sees them.
public struct InputSettings: Sendable, Hashable {
    /// `auto` (BOM, UTF-8, then detection) or a charset name ICU knows.
    public var encoding: String
    /// Used when detection is unsure and the bytes are not UTF-8.
    public var fallbackEncoding: String
    /// `auto` or a reader name.
    public var format: String

    public init(encoding: String = "auto", fallbackEncoding: String = "windows-1252", format: String = "auto") {
        self.encoding = encoding
        self.fallbackEncoding = fallbackEncoding
        self.format = format
    }

    init(_ value: ConfigValue, file: YAMLFile) throws {
        self.init()
        guard case .map(let map) = value else { throw file.error(at: "input", "'input' must be a mapping") }
        for (key, value) in map {
            guard case .string(let text) = value else { throw file.error(at: "input.\(key)", "input '\(key)' must be a string") }
            switch key {
            case "encoding": encoding = text
            case "fallback-encoding": fallbackEncoding = text
            case "format": format = text
            default: throw file.error(at: "input.\(key)", "unknown input setting '\(key)' (known: encoding, fallback-encoding, format)")
            }
        }
    }
}
