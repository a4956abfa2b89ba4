import ArgumentParser
import Copydesk
import Foundation

struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install this copydesk binary and its styles and pipelines under a prefix.",
        discussion: """
            Copies the running binary to PREFIX/bin/copydesk and the styles and pipelines built into it to \
            PREFIX/share/copydesk/StyleRules/ and PREFIX/share/copydesk/Pipelines/, where an installed copydesk \
            looks first (before COPYDESK_HOME). Every file is written atomically; files of an earlier install are \
            replaced, other files there are left alone.
            """
    )

    @Option(help: "Installation prefix (default: /usr/local).")
    var prefix: String = "/usr/local"

    func run() throws {
        guard let executable = DataFiles.executablePath else {
            throw CopydeskError.usage("install: cannot tell where the running copydesk binary is")
        }
        let prefix = (URL(fileURLWithPath: prefix).standardizedFileURL.path as NSString)
        let binary = prefix.appendingPathComponent("bin/copydesk")
        let share = prefix.appendingPathComponent("share/copydesk")
        if URL(fileURLWithPath: binary).resolvingSymlinksInPath().path != executable {
            guard let bytes = FileManager.default.contents(atPath: executable) else {
                throw CopydeskError.input(file: executable, message: "cannot read the running binary")
            }
            try Self.write(bytes, to: binary, mode: 0o755)
        }
        let files = ShippedData.files
        for (path, contents) in files {
            try Self.write(contents, to: (share as NSString).appendingPathComponent(path), mode: 0o644)
        }
        Terminal.writeError("installed \(binary) and \(files.count) files in \(share)/ (StyleRules/, Pipelines/)\n")
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        if !path.split(separator: ":").contains(where: { $0 == (binary as NSString).deletingLastPathComponent }) {
            Terminal.writeError("note: \((binary as NSString).deletingLastPathComponent) is not on PATH\n")
        }
    }

    /// A complete file or none: written beside the target, then renamed over it.
    static func write(_ contents: Data, to path: String, mode: Int) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CopydeskError.input(file: folder, message: "cannot create the folder (\((error as NSError).localizedDescription))")
        }
        let temporary = folder + "/.\((path as NSString).lastPathComponent).copydesk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try contents.write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary)
            guard rename(temporary, path) == 0 else { throw CopydeskError.input(file: path, message: "cannot install (\(String(cString: strerror(errno))))") }
        } catch let error as CopydeskError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CopydeskError.input(file: path, message: "cannot install (\((error as NSError).localizedDescription))")
        }
    }
}
