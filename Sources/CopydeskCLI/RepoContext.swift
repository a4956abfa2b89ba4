import Copydesk
import Foundation

/// The repo config (`.copydesk.yml`) of the folder copydesk runs in, read once, and how the
/// commands apply it. Precedence everywhere: the command line, then the repo config, then the
/// pipeline's and style's own settings.
enum RepoContext {
    static let loaded: Result<RepoConfig?, CopydeskError> = {
        do { return .success(try RepoConfig.current()) }
        catch let error as CopydeskError { return .failure(error) }
        catch { return .failure(.configuration(file: RepoConfig.fileName, message: "\(error)")) }
    }()

    /// The config, or its error (an unknown key, a bad value: exit 2 with file:line).
    static func config() throws -> RepoConfig? { try loaded.get() }

    /// The config's `fail-on`, when it has one and is valid.
    static var failOn: FailOn? { (try? loaded.get())??.failOn.flatMap(FailOn.init(rawValue:)) }

    /// The walk's filter and extensions, from the config unless the command line gave them.
    static func walk(extensions: Set<String>?) throws -> InputWalk {
        var walk = InputWalk()
        let config = try config()
        if let extensions = extensions ?? config?.extensions { walk.extensions = extensions }
        if let config, !config.include.isEmpty || !config.exclude.isEmpty {
            walk.filter = { config.includes($0) }
        }
        return walk
    }

    /// The rule levels and per-path styles of the config, set on a runner whose pipeline was
    /// loaded with `load(style)`. A style given on the command line wins over per-path styles.
    static func configure(_ runner: inout BatchRunner, commandLineStyle: String?, load: (String) throws -> Pipeline) throws {
        guard let config = try config() else { return }
        // Per-path styles need a lint stage to give the style to (`run` with the normalize pipeline has none).
        if commandLineStyle == nil, runner.pipeline.stages.contains(where: { $0 is LintStage }) {
            var pipelines: [String: Pipeline] = [:]
            for style in Set(config.overrides.compactMap(\.style)) where style != config.style {
                // Only the lint stage differs: every other stage is the main pipeline's own, so
                // the files of a batch share one dedup archive connection (and its input order).
                var styled = try load(style)
                for index in styled.stages.indices where index < runner.pipeline.stages.count && !(styled.stages[index] is LintStage)
                    && type(of: styled.stages[index]).name == type(of: runner.pipeline.stages[index]).name {
                    styled.stages[index] = runner.pipeline.stages[index]
                }
                pipelines[style] = styled
            }
            if !pipelines.isEmpty {
                let byStyle = pipelines
                runner.pipelineForPath = { path in config.style(for: path).flatMap { byStyle[$0] } }
            }
        }
        guard !config.ruleIDs.isEmpty else { return }
        var known = Set(knownRules().map(\.id)).union(["dedup.new", "dedup.duplicate", "dedup.update", "dedup.related"])
        for stage in runner.pipeline.stages {
            if let lint = stage as? LintStage { known.formUnion(lint.style.customRules.keys) }
        }
        for id in config.ruleIDs.sorted() where !known.contains(id) {
            let location = config.ruleLines[id].map { "\(config.path):\($0)" } ?? config.path
            throw CopydeskError.configuration(file: location, message: "rules: unknown rule '\(id)' (`copydesk rules` lists them)")
        }
        if config.hasPathRules { runner.ruleLevelsForPath = { config.ruleLevels(for: $0) } }
        runner.ruleLevels = config.rules
    }

    /// The archive the config names, for a pipeline's dedup stage (unless `--store` was given).
    static func archiveOverride() throws -> [String: ConfigValue] {
        guard let config = try config() else { return [:] }
        return ["store": .string(config.archive)]
    }
}
