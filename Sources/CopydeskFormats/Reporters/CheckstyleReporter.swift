import CopydeskCore

/// Checkstyle XML, which Jenkins (warnings-ng), reviewdog (`-f=checkstyle`), SonarQube and many
/// other tools import: a `<file>` per input, clean ones included, and an `<error>` per finding with
/// its line, column (1-based, counted in Unicode scalars as the text report; tabs are not
/// expanded), severity (`error`, `warning`, `info`), message and rule id as `source`. A file that
/// could not be processed gets one `<error line="1" severity="error" source="copydesk.input">`.
///
/// ```
/// <checkstyle version="4.3">
///   <file name="story.txt">
///     <error line="3" column="6" severity="warning" message="zero-width space (U+200B) removed" source="unicode.invisible"/>
///   </file>
/// </checkstyle>
/// ```
public enum CheckstyleReporter {
    public static func render(_ reports: [FileReport], rules: [RuleInfo]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for report in reports {
            out += "  <file name=\"\(ReportXML.attribute(report.path))\">\n"
            if let error = report.error {
                out += "    <error line=\"1\" severity=\"error\" message=\"\(ReportXML.attribute(error))\" source=\"\(reportInputErrorID)\"/>\n"
            }
            for diagnostic in report.sortedDiagnostics {
                var position = ""
                if let source = report.source {
                    let start = source.location(of: diagnostic.range.lowerBound)
                    position = "line=\"\(start.line)\" column=\"\(start.column)\" "
                }
                out += "    <error \(position)severity=\"\(diagnostic.severity.rawValue)\" message=\"\(ReportXML.attribute(diagnostic.message))\""
                out += " source=\"\(ReportXML.attribute(diagnostic.ruleID))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
