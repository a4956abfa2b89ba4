extension Pipeline {
    /// The pipeline a command or the server runs: the file `name` names (a path, or a name looked
    /// up as `Pipelines/NAME.yml` in the repository, the installed data, `COPYDESK_HOME` and the
    /// built-in copy), else `defaultName`; with no such file, the built-in default (the normalize
    /// stage, and for `lint` the lint and translation stages). Shared by the CLI and
    /// `copydesk serve`, so both load a pipeline the same way.
    ///
    /// `archive` (the repo config's `store`) is given to a dedup stage unless `overrides` set it.
    public static func named(_ name: String?, defaultName: String, overrides: [String: [String: ConfigValue]] = [:],
                             archive: [String: ConfigValue] = [:], registry: StageRegistry = .standard) throws -> Pipeline {
        func load(_ path: String) throws -> Pipeline {
            let yaml = try YAMLFile(path: path)
            let pipeline = try Pipeline.load(yaml: yaml, registry: registry, overrides: overrides)
            guard !archive.isEmpty, pipeline.stages.contains(where: { $0 is DedupStage }) else { return pipeline }
            var withArchive = overrides
            withArchive[DedupStage.name, default: [:]].merge(archive) { given, _ in given }
            return try Pipeline.load(yaml: yaml, registry: registry, overrides: withArchive)
        }
        if let name {
            guard let path = DataFiles.pipelinePath(name) else {
                throw DataFiles.notFound(name, kind: "pipeline", folder: "Pipelines", searched: DataFiles.searchRoots())
            }
            return try load(path)
        }
        if let path = DataFiles.pipelinePath(defaultName) { return try load(path) }
        // No pipeline file anywhere: the stages with their defaults.
        var stages: [any Stage] = [try registry.makeStage(named: NormalizeStage.name, options: overrides[NormalizeStage.name] ?? [:], file: "command line")]
        if defaultName == "lint" {
            stages.append(try registry.makeStage(named: LintStage.name, options: overrides[LintStage.name] ?? [:], file: "command line"))
            stages.append(try registry.makeStage(named: TranslationStage.name, options: overrides[TranslationStage.name] ?? [:], file: "command line"))
        }
        return Pipeline(name: defaultName, stages: stages)
    }
}
