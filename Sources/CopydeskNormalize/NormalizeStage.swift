import CopydeskCore
import CopydeskText
import Synchronization
import CopydeskICU
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `normalize` stage: mojibake repair, invisible and control characters, whitespace, legacy
/// typography (and smart quotes by option), a Unicode normalization form and optional
/// transliteration, in that order. Every change is also a diagnostic, so `lint` can report what
/// `normalize` would do.
public struct NormalizeStage: Stage {
    public static let name = "normalize"
    public static let summary = "repair mojibake, remove invisible characters, clean whitespace, fix legacy typography, apply a Unicode form"

    public static let options: [StageOption] = [
        StageOption("form", .choice(["nfc", "nfd", "nfkc", "nfkd", "nfkc-casefold", "none"]), default: "nfc",
                    help: "Unicode normalization form"),
        StageOption("mojibake", .bool, default: "true", help: "repair UTF-8 that was read as windows-1252/Latin-1 (\"CafÃ©\")"),
        StageOption("invisible", .bool, default: "true", help: "remove controls, zero-width characters, soft hyphens, bidi controls"),
        StageOption("whitespace", .bool, default: "true", help: "CRLF to LF, tabs, runs of spaces, leading/trailing spaces"),
        StageOption("tabs", .choice(WhitespaceCleanup.TabPolicy.allCases.map(\.rawValue)), default: "space", help: "turn tabs into spaces, or keep them"),
        StageOption("nbsp", .choice(WhitespaceCleanup.NoBreakSpacePolicy.allCases.map(\.rawValue)), default: "keep",
                    help: "keep no-break spaces (U+00A0, U+202F, U+2007) or turn them into spaces"),
        StageOption("unwrap", .bool, default: "false", help: "join hard-wrapped lines inside a paragraph"),
        StageOption("legacy-typography", .bool, default: "true", help: "ANPA/ASCII ``…'', _ and -- into proper quotes and dashes"),
        StageOption("dash", .choice(DashStyle.allCases.map(\.rawValue)), default: "em-spaced", help: "the dash legacy conventions become"),
        StageOption("smart-quotes", .string, default: "off",
                    help: "a locale (en, en-GB, de, fr, …) whose quotation marks replace straight quotes, or off"),
        StageOption("transliterate", .string, default: "", help: "an ICU transform id, e.g. 'Any-Latin; Latin-ASCII' (empty: none)"),
    ]

    public static var rules: [RuleDescription] { NormalizeRules.all }

    /// Default severity of each rule this stage (and the decoder before it) reports; styles may
    /// re-level them.
    public static let severities: [String: Severity] = Dictionary(uniqueKeysWithValues: NormalizeRules.all.map { ($0.id, $0.severity) })

    let mojibake: Bool
    let invisible: InvisibleCharacters?
    let whitespace: WhitespaceCleanup?
    let typography: TypographyOptions
    let form: UnicodeForm?
    let transliteration: Transliteration?
    /// Whether `CleanBlockScan` may decide for this configuration that a block needs no step:
    /// NFC (or no form) and no transliteration, the cases its proof covers.
    let skipsCleanBlocks: Bool

    public init(options: StageOptions) throws {
        mojibake = options.bool("mojibake")
        invisible = options.bool("invisible") ? InvisibleCharacters() : nil
        whitespace = options.bool("whitespace")
            ? WhitespaceCleanup(
                tabs: try options.choice("tabs", as: WhitespaceCleanup.TabPolicy.self),
                noBreakSpaces: try options.choice("nbsp", as: WhitespaceCleanup.NoBreakSpacePolicy.self),
                unwrapLines: options.bool("unwrap"),
                trimsBlockEdges: true)
            : nil
        var quotes: QuoteStyle?
        let locale = options.string("smart-quotes")
        if !locale.isEmpty, locale != "off" {
            do {
                let delimiters = try LocaleDelimiters(locale: locale)
                quotes = QuoteStyle(
                    primaryOpen: delimiters.quotationStart, primaryClose: delimiters.quotationEnd,
                    secondaryOpen: delimiters.alternateQuotationStart, secondaryClose: delimiters.alternateQuotationEnd)
            } catch let error as ICUError {
                throw options.invalid("smart-quotes", "names a locale ICU has no quotation marks for: '\(locale)' (\(error.name))")
            }
        }
        typography = TypographyOptions(
            legacyConventions: options.bool("legacy-typography"),
            dashStyle: try options.choice("dash", as: DashStyle.self),
            smartQuotes: quotes)
        let formName = options.string("form")
        form = formName == "none" ? nil : try UnicodeForm(form: NormalizationForm(rawValue: formName) ?? .nfc)
        let transform = options.string("transliterate")
        if transform.isEmpty {
            transliteration = nil
        } else {
            do {
                transliteration = try Transliteration(id: transform)
            } catch let error as ICUError {
                throw options.invalid("transliterate", "is not a transform ICU knows: '\(transform)' (\(error.name))")
            }
        }
        skipsCleanBlocks = transliteration == nil && (form == nil || form?.normalizer.form == .nfc)
    }

    /// Built with every option at its default.
    public init() throws {
        try self.init(options: StageOptions([:], declared: Self.options, stageName: Self.name))
    }

    public func process(_ story: inout Story, context: StageContext) async throws {
        try normalize(&story)
    }

    /// The synchronous body of `process`, for callers outside async code.
    public func normalize(_ story: inout Story) throws {
        if whitespace != nil && !(whitespace?.unwrapLines ?? false) { reportLineEndings(&story) }
        let smartQuotes = typography.smartQuotes != nil
        let unwrapLines = whitespace?.unwrapLines ?? false
        for index in story.blocks.indices {
            // A step can leave work for an earlier one (a removed bidi mark joins "Ã" to a space
            // the mojibake step repairs; NFKC turns a figure space into a space next to another),
            // so a block that changed runs the steps again until it is stable: normalizing the
            // result once more then changes nothing.
            var lastChanged = Step.allCases.count
            for _ in 0..<Self.maximumPasses {
                // Most blocks of most stories, and most blocks after one pass: nothing any step
                // could change, proven in one pass over the bytes. The pass would change nothing
                // and end the loop, so skipping it is the same.
                if skipsCleanBlocks, ScalarScanning.withBytes(story.blocks[index].string, {
                    CleanBlockScan.isClean($0, smartQuotes: smartQuotes, unwrapLines: unwrapLines)
                }) { break }
                let before = story.blocks[index].string
                // No change applied: the text is the same, without comparing it.
                guard let last = try normalizeOnce(&story, block: index, stopAfter: lastChanged) else { break }
                lastChanged = last
                if Self.sameBytes(story.blocks[index].string, before) { break }  // bytes, not canonical equivalence
            }
        }
    }

    /// The steps of a pass, in order.
    enum Step: Int, CaseIterable { case mojibake, invisible, whitespace, typography, transliteration, form }

    /// Byte equality of two strings (not canonical equivalence), as one memcmp-like comparison.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return ScalarScanning.withBytes(a) { x in
            ScalarScanning.withBytes(b) { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    /// Passes over a block at most; text that is still changing after that is left as it is.
    static let maximumPasses = 4

    /// One pass of the steps over a block; the last step that applied a change, nil for none.
    ///
    /// `stopAfter` is the last step that changed the block in the previous pass: the steps after
    /// it then saw the text as it is now and found nothing. When no step up to `stopAfter`
    /// changes anything in this pass, the text is still that text, so the later steps would find
    /// nothing again and are not run: the pass changed nothing, exactly as if they had run.
    private func normalizeOnce(_ story: inout Story, block index: Int, stopAfter: Int) throws -> Int? {
        var last: Int?
        for step in Step.allCases {
            if last == nil, step.rawValue > stopAfter { break }
            let changes: [NormalizationChange]
            switch step {
            case .mojibake:
                guard mojibake else { continue }
                changes = MojibakeRepair.repairs(in: story.blocks[index].string)
            case .invisible:
                guard let invisible else { continue }
                changes = invisible.changes(in: story.blocks[index].string)
            case .whitespace:
                guard let whitespace else { continue }
                changes = whitespace.changes(in: story.blocks[index].string, isTable: story.blocks[index].kind == .table)
            case .typography:
                guard typography.legacyConventions || typography.smartQuotes != nil else { continue }
                changes = Typography.changes(in: story.blocks[index].string, options: typography)
            case .transliteration:
                guard let transliteration else { continue }
                changes = transliteration.changes(in: story.blocks[index].string)
            case .form:
                guard let form else { continue }
                changes = try form.changes(in: story.blocks[index].string)
            }
            if apply(changes, to: &story, block: index) { last = step.rawValue }
        }
        return last
    }

    @discardableResult
    private func apply(_ changes: [NormalizationChange], to story: inout Story, block: Int) -> Bool {
        guard !changes.isEmpty else { return false }
        for change in changes where change.ruleID != WhitespaceCleanup.lineEndingRule {
            story.report(change.ruleID, Self.severities[change.ruleID] ?? .info, change.message,
                         block: block, range: change.edit.range, fix: [change.edit])
        }
        story.blocks[block].text.apply(changes.map(\.edit))
        return true
    }

    /// CR line endings are a property of the file: one finding, with a fix for every line, found
    /// by one scan of the file and reported on the first of its stories to ask (a stream's stories
    /// share the file's source; scanning it per story was quadratic in time and memory).
    private func reportLineEndings(_ story: inout Story) {
        let claim = story.source.cached("normalize.line-endings") { LineEndingFinding(Self.lineEndingFinding(story.source)) }
        if let diagnostic = claim.take() { story.diagnostics.append(diagnostic) }
    }

    private static func lineEndingFinding(_ source: SourceFile) -> Diagnostic? {
        let edits: [TextEdit] = ScalarScanning.withBytes(source.text) { bytes in
            var edits: [TextEdit] = []
            guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) != nil else { return edits }
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0D {
                    let crlf = i + 1 < bytes.count && bytes[i + 1] == 0x0A
                    edits.append(TextEdit(range: i..<(i + (crlf ? 2 : 1)), replacement: "\n"))
                    i += crlf ? 2 : 1
                } else {
                    i += 1
                }
            }
            return edits
        }
        guard let first = edits.first else { return nil }
        let crlf = edits.filter { $0.range.count == 2 }.count
        return Diagnostic(
            ruleID: WhitespaceCleanup.lineEndingRule, severity: .info,
            message: Self.lineEndingMessage(crlf: crlf, total: edits.count),
            range: first.range, fix: Fix(edits: edits))
    }

    /// The line-ending finding's message for a file with `total` CR line ends, `crlf` of them
    /// CRLF; a stream read story by story gives the whole file's counts (see `BatchRunner`).
    public static func lineEndingMessage(crlf: Int, total: Int) -> String {
        let kind = crlf == total ? "CRLF" : crlf == 0 ? "CR" : "CRLF and CR"
        return "\(kind) line endings (\(total) lines) become LF"
    }
}

/// The file's line-ending finding, handed out once.
private final class LineEndingFinding: Sendable {
    private let finding: Mutex<Diagnostic?>
    init(_ finding: Diagnostic?) { self.finding = Mutex(finding) }
    func take() -> Diagnostic? { finding.withLock { value in defer { value = nil }; return value } }
}
