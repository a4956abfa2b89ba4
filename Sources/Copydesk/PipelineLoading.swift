extension Pipeline {
    /// The pipeline a command or the server runs: the file `name` names (a path, or a name looked
    /// up as `Pipelines/NAME.yml`), else `defaultName` from Pipelines/; with no such file, the
    /// built-in default (the normalize stage, and for `lint` the lint and translation stages).
    /// Shared by the CLI and `copydesk serve`, so both load a pipeline the same way.
    public static func named(_ name: String?, defaultName: String, overrides: [String: [String: ConfigValue]] = [:],
                             registry: StageRegistry = .standard) throws -> Pipeline {
        if let name {
            guard let path = DataFiles.pipelinePath(name) else {
                let named = name.contains("/") ? "" : " (nor Pipelines/\(name.hasSuffix(".yml") || name.hasSuffix(".yaml") ? name : name + ".yml"))"
                throw CopydeskError.configuration(file: name, message: "no such pipeline file" + named)
            }
            return try Pipeline.load(path: path, registry: registry, overrides: overrides)
        }
        if let path = DataFiles.pipelinePath(defaultName) {
            return try Pipeline.load(path: path, registry: registry, overrides: overrides)
        }
        // No Pipelines/ folder (an installed binary): the stages with their defaults.
        var stages: [any Stage] = [try registry.makeStage(named: NormalizeStage.name, options: overrides[NormalizeStage.name] ?? [:], file: "command line")]
        if defaultName == "lint" {
            stages.append(try registry.makeStage(named: LintStage.name, options: overrides[LintStage.name] ?? [:], file: "command line"))
            stages.append(try registry.makeStage(named: TranslationStage.name, options: overrides[TranslationStage.name] ?? [:], file: "command line"))
        }
        return Pipeline(name: defaultName, stages: stages)
    }
}
