import Foundation

/// Findings a desk has accepted for now, so Copydesk can be adopted on an existing archive of
/// copy: `copydesk baseline write FILE` records them, `lint --baseline FILE` reports only what is
/// not recorded (as SwiftLint's and ESLint's baselines do).
///
/// A finding is recorded by rule, file, the text it covers and a fingerprint of the text around
/// it on its line — never by line number, so a paragraph inserted above leaves the old findings
/// matched. Entries count: a second instance of the same finding in the same place is new.
/// The JSON is stable (keys and entries sorted) so the file diffs well in review.
public struct Baseline: Sendable, Equatable, Codable {
    public var version = 1
    public var findings: [Entry]

    public struct Entry: Sendable, Hashable, Codable, Comparable {
        /// Path relative to the baseline file's folder (absolute when outside it).
        public var path: String
        public var rule: String
        /// The text the finding covers (at most 120 characters).
        public var text: String
        /// FNV-1a hash of the finding and up to 40 bytes either side of it on its line.
        public var context: String
        public var count: Int

        public static func < (a: Entry, b: Entry) -> Bool {
            (a.path, a.rule, a.text, a.context) < (b.path, b.rule, b.text, b.context)
        }

        var key: Key { Key(path: path, rule: rule, text: text, context: context) }
    }

    struct Key: Hashable {
        var path, rule, text, context: String
    }

    public init(findings: [Entry] = []) {
        self.findings = findings
    }

    /// The findings of `reports`, with paths relative to `baselinePath`'s folder.
    public init(reports: [FileReport], baselinePath: String) {
        let folder = Self.folder(of: baselinePath)
        var counts: [Key: Int] = [:]
        for report in reports {
            guard let source = report.source else { continue }
            let path = Self.relative(report.path, to: folder)
            for diagnostic in report.diagnostics {
                counts[Self.key(diagnostic, source: source, path: path), default: 0] += 1
            }
        }
        findings = counts.map { Entry(path: $0.key.path, rule: $0.key.rule, text: $0.key.text, context: $0.key.context, count: $0.value) }.sorted()
    }

    /// Reads a baseline file; an error names the file.
    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CopydeskError.input(file: path, message: "no such baseline file (write one with `copydesk baseline write \(path) FILE…`)")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else {
                throw CopydeskError.input(file: path, message: "baseline version \(baseline.version) is not supported (this copydesk reads version 1)")
            }
            return baseline
        } catch let error as CopydeskError {
            throw error
        } catch {
            throw CopydeskError.input(file: path, message: "not a copydesk baseline (expected JSON with \"version\" and \"findings\")")
        }
    }

    /// The JSON text, keys sorted, one entry a few lines.
    public func rendered() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var copy = self
        copy.findings.sort()
        let data = (try? encoder.encode(copy)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public var total: Int { findings.reduce(0) { $0 + $1.count } }

    /// A filter for the reports of one run: `apply` drops the findings the baseline records.
    public struct Filter: Sendable {
        private var remaining: [Key: Int]
        private let folder: String

        public init(_ baseline: Baseline, baselinePath: String) {
            folder = Baseline.folder(of: baselinePath)
            var remaining: [Key: Int] = [:]
            for entry in baseline.findings { remaining[entry.key, default: 0] += entry.count }
            self.remaining = remaining
        }

        /// `report` without the findings the baseline still has room for. Findings are matched
        /// in file order, so when a place now has more instances than recorded, the later ones
        /// are reported.
        public mutating func apply(_ report: FileReport) -> FileReport {
            guard let source = report.source else { return report }
            var report = report
            let path = Baseline.relative(report.path, to: folder)
            report.diagnostics = report.sortedDiagnostics.filter { diagnostic in
                let key = Baseline.key(diagnostic, source: source, path: path)
                guard let left = remaining[key], left > 0 else { return true }
                remaining[key] = left - 1
                return false
            }
            return report
        }
    }

    // MARK: - Keys

    static func key(_ diagnostic: Diagnostic, source: SourceFile, path: String) -> Key {
        let range = diagnostic.range
        let text = String(source.slice(range).prefix(120))
        let line = source.location(of: range.lowerBound).line
        let lineStart = source.lineStart(ofLine: line)
        let lineEnd = lineStart + source.lineText(line).utf8.count
        let window = max(lineStart, range.lowerBound - 40)..<max(min(lineEnd, range.upperBound + 40), range.lowerBound)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.slice(window).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return Key(path: path, rule: diagnostic.ruleID, text: text, context: String(repeating: "0", count: 16 - hex.count) + hex)
    }

    static func folder(of baselinePath: String) -> String {
        let absolute = absolutePath(baselinePath)
        return (absolute as NSString).deletingLastPathComponent
    }

    /// `path` made absolute against the current folder, `..` and `.` resolved.
    public static func absolutePath(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (full as NSString).standardizingPath
    }

    /// `path` relative to `folder` when inside it, else absolute; standard input stays as it is.
    static func relative(_ path: String, to folder: String) -> String {
        guard !path.hasPrefix("<") else { return path }
        let full = absolutePath(path)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}
