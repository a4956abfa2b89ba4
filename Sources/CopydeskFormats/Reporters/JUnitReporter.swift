import CopydeskCore

/// JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI, …): one
/// `<testsuite>` per file and in it one `<testcase>` per rule family (`name` = family, `classname` =
/// file path). A family with findings fails with one `<failure>` listing them, one per line as
/// `line:col: severity: message [rule]` (columns in Unicode scalars, as the text report); the
/// `type` is the rule of the most serious finding. Families that found nothing pass. The families
/// are those of the rules passed in plus any family a finding belongs to. A file that could not be
/// processed has a single test case, `input`, with an `<error>`.
///
/// ```
/// <testsuites name="copydesk" tests="2" failures="1" errors="0">
///   <testsuite name="story.txt" tests="2" failures="1" errors="0" skipped="0">
///     <testcase name="quotes" classname="story.txt"/>
///     <testcase name="unicode" classname="story.txt">
///       <failure message="1 finding: 1 warning" type="unicode.invisible">3:6: warning: zero-width space (U+200B) removed [unicode.invisible]</failure>
///     </testcase>
///   </testsuite>
/// </testsuites>
/// ```
public enum JUnitReporter {
    public static func render(_ reports: [FileReport], rules: [RuleInfo]) -> String {
        let families = ReportRuleCatalog(rules, reports: reports).families
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalErrors = 0
        for report in reports {
            let path = ReportXML.attribute(report.path)
            var cases = ""
            var tests = 0, failures = 0, errors = 0
            if let error = report.error {
                tests = 1
                errors = 1
                cases += "    <testcase name=\"input\" classname=\"\(path)\">\n"
                cases += "      <error message=\"\(ReportXML.attribute(error))\" type=\"\(reportInputErrorID)\">\(ReportXML.content(error))</error>\n"
                cases += "    </testcase>\n"
            } else {
                let byFamily = Dictionary(grouping: report.sortedDiagnostics, by: \.family)
                for family in families {
                    tests += 1
                    let name = ReportXML.attribute(family)
                    guard let findings = byFamily[family] else {
                        cases += "    <testcase name=\"\(name)\" classname=\"\(path)\"/>\n"
                        continue
                    }
                    failures += 1
                    // The most serious finding names the failure; the first one in the file among equals.
                    let lead = findings.enumerated().max { ($0.element.severity, $1.offset) < ($1.element.severity, $0.offset) }!.element
                    let lines = findings.map { line($0, in: report.source) }.joined(separator: "\n")
                    cases += "    <testcase name=\"\(name)\" classname=\"\(path)\">\n"
                    cases += "      <failure message=\"\(ReportXML.attribute(summary(findings)))\" type=\"\(ReportXML.attribute(lead.ruleID))\">"
                    cases += ReportXML.content(lines) + "</failure>\n"
                    cases += "    </testcase>\n"
                }
            }
            totalTests += tests
            totalFailures += failures
            totalErrors += errors
            suites += "  <testsuite name=\"\(path)\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\">\n"
            suites += cases
            suites += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"copydesk\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(totalErrors)\">\n"
            + suites
            + "</testsuites>\n"
    }

    /// `3:6: warning: zero-width space (U+200B) removed [unicode.invisible]`
    static func line(_ diagnostic: Diagnostic, in source: SourceFile?) -> String {
        let position = source.map { source -> String in
            let start = source.location(of: diagnostic.range.lowerBound)
            return "\(start.line):\(start.column): "
        } ?? ""
        return "\(position)\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.ruleID)]"
    }

    /// `3 findings: 1 error, 2 warnings`
    static func summary(_ findings: [Diagnostic]) -> String {
        var parts: [String] = []
        for severity in Severity.allCases.reversed() {
            let count = findings.count { $0.severity == severity }
            guard count > 0 else { continue }
            parts.append("\(count) \(severity.rawValue)\(count == 1 ? "" : "s")")
        }
        return "\(findings.count) finding\(findings.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }
}
