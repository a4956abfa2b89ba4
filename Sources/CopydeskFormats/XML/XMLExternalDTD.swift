import CopydeskCore

/// `<!DOCTYPE nitf SYSTEM "…">`: the DTD a file names is never loaded (no file, no network), so
/// no entity or default attribute of it applies. Nothing needs doing, but a file that points at
/// `file:///etc/passwd` should not pass in silence either: one `xml.external-dtd` note says what
/// was named and that it was not read.
public enum XMLExternalDTD {
    public static let rule = "xml.external-dtd"

    static func note(identifier: String, range: Range<Int>) -> Diagnostic {
        Diagnostic(ruleID: rule, severity: .info,
                   message: "the DOCTYPE names the external DTD \"\(QuotedText.bounded(identifier))\": Copydesk never loads external DTDs, so nothing was read from it",
                   range: range)
    }
}
