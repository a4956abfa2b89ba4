import Foundation
import PackagePlugin

/// Generates Swift source holding every file of the package's `StyleRules/` and `Pipelines/`, so
/// the `copydesk` binary carries the shipped styles and pipelines and works when copied alone.
/// The files on disk stay the source of truth: the generated file is rebuilt whenever one changes.
@main
struct EmbedShippedData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var relative: [String] = []
        for folder in ["StyleRules", "Pipelines"] {
            let base = root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let path = enumerator.nextObject() as? String {
                if (path as NSString).lastPathComponent.hasPrefix(".") { enumerator.skipDescendants(); continue }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    relative.append(folder + "/" + path)
                }
            }
        }
        relative.sort()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("ShippedDataFiles.swift")
        return [.buildCommand(
            displayName: "Embedding \(relative.count) files of StyleRules/ and Pipelines/",
            executable: try context.tool(named: "CopydeskEmbedData").url,
            arguments: [root.path, output.path] + relative,
            inputFiles: relative.map { root.appendingPathComponent($0) },
            outputFiles: [output])]
    }
}
