import Foundation

/// Names for the files `copydesk run --output DIR` writes, unique within the run.
///
/// A source keeps its path below the folder it was found in (`sport/final.txt`). When the output
/// format changes the extension, the source's extension stays in the name (`story.xml` written as
/// plain text is `story.xml.txt`), so `feed.ap` and `feed.baycity` never meet; the stories of a
/// stream are numbered (`testfile.ap-1.txt`, `testfile.ap-2.txt`, …). A name already given in this
/// run (another folder's `a.txt`) gets `~2`, `~3`, … before its extension. Compared without case,
/// as a macOS or Windows disk would.
public struct OutputNames: Sendable {
    private var used: Set<String> = []

    public init() {}

    /// - Parameters:
    ///   - relative: the source's path below its walked folder, or its file name.
    ///   - outputExtension: the written file's extension, or nil to keep the source's name.
    ///   - story: the story's index in a stream of `count` stories.
    public mutating func name(for relative: String, outputExtension: String?, story index: Int = 0, of count: Int = 1) -> String {
        let folder = (relative as NSString).deletingLastPathComponent
        let file = (relative as NSString).lastPathComponent
        var candidate = file
        if let outputExtension {
            let sourceExtension = (file as NSString).pathExtension
            var stem = (file as NSString).deletingPathExtension
            if !sourceExtension.isEmpty, sourceExtension.lowercased() != outputExtension.lowercased() { stem += "." + sourceExtension }
            if count > 1 { stem += "-\(index + 1)" }
            candidate = stem + "." + outputExtension
        }
        let joined = folder.isEmpty ? candidate : folder + "/" + candidate
        var unique = joined
        var number = 2
        while used.contains(unique.lowercased()) {
            let stem = (joined as NSString).deletingPathExtension, ext = (joined as NSString).pathExtension
            unique = stem + "~\(number)" + (ext.isEmpty ? "" : "." + ext)
            number += 1
        }
        used.insert(unique.lowercased())
        return unique
    }
}
