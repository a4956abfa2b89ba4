import CopydeskCore

/// What a CI report says about a rule: the CLI passes the rules it knows (lint rules, the normalize
/// stage's ids, a style's custom rules) so that SARIF can describe them and JUnit can list the
/// families that ran clean. Reporters also cope with findings whose rule is not in the list.
public struct RuleInfo: Sendable, Hashable {
    /// Stable `family.rule` id such as `quotes.mixed`.
    public var id: String
    /// One line: what the rule finds.
    public var summary: String
    /// Longer guidance (why, and what to write instead), if the rule has any.
    public var help: String?
    /// The severity the rule reports at in the style in use.
    public var severity: Severity

    public init(id: String, summary: String, help: String? = nil, severity: Severity) {
        self.id = id
        self.summary = summary
        self.help = help
        self.severity = severity
    }

    /// The part of the id before the dot, e.g. `quotes` for `quotes.mixed`.
    public var family: String {
        id.split(separator: ".", maxSplits: 1).first.map(String.init) ?? id
    }
}

// MARK: - Shared by the CI reporters

/// The rules a report describes: the ones passed in (first occurrence of an id wins, order kept),
/// then, sorted by id, every rule id found in the reports but missing from the list — described by
/// its id and reported at the highest severity it was found with.
struct ReportRuleCatalog {
    private(set) var rules: [RuleInfo] = []
    private(set) var index: [String: Int] = [:]

    init(_ known: [RuleInfo], reports: [FileReport]) {
        for rule in known where index[rule.id] == nil {
            index[rule.id] = rules.count
            rules.append(rule)
        }
        var unknown: [String: Severity] = [:]
        for report in reports {
            for diagnostic in report.diagnostics where index[diagnostic.ruleID] == nil {
                unknown[diagnostic.ruleID] = max(unknown[diagnostic.ruleID] ?? diagnostic.severity, diagnostic.severity)
            }
        }
        for id in unknown.keys.sorted() {
            index[id] = rules.count
            rules.append(RuleInfo(id: id, summary: id, severity: unknown[id]!))
        }
    }

    /// Every rule family, sorted.
    var families: [String] {
        Array(Set(rules.map(\.family))).sorted()
    }
}

/// Name used where a format needs a rule id for a file that could not be read, decoded or parsed.
let reportInputErrorID = "copydesk.input"

/// XML 1.0 escaping for the XML reports.
enum ReportXML {
    /// Escapes text for an attribute value in double quotes. Line breaks and tabs become character
    /// references so that attribute-value normalisation keeps them.
    static func attribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    /// Escapes character data (element content).
    static func content(_ text: String) -> String {
        escape(text, attribute: false)
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "&#13;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                // Characters XML 1.0 cannot carry at all, not even as references.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
