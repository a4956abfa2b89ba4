import Foundation

/// The styles and pipelines shipped with Copydesk (`StyleRules/`, `Pipelines/`), built into the
/// binary by the EmbedShippedData plugin: a `copydesk` copied alone to a machine still has them.
/// Files on disk (a repository's own, an installed `share/copydesk/`, `COPYDESK_HOME`) come first;
/// these are the last place a name is looked up.
public enum ShippedData {
    /// Each file's path below the package root (`StyleRules/ap.yml`) and its bytes.
    public static var files: [(path: String, contents: Data)] {
        encodedFiles.map { ($0.path, Data(base64Encoded: $0.base64) ?? Data()) }
    }

    /// The paths alone, without decoding anything.
    public static var paths: [String] { encodedFiles.map(\.path) }

    /// Changes whenever any shipped file does (FNV-1a over paths and contents): names the folder
    /// the files are unpacked to, so two versions of the binary never share one.
    public static let fingerprint: String = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (path, base64) in encodedFiles {
            for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            for byte in base64.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return String(hash, radix: 16)
    }()
}
