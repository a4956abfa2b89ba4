import Testing
import CopydeskCore
import CopydeskFormats
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// GitHub workflow commands, JUnit, reviewdog rdjsonl and checkstyle, checked byte for byte.
@Suite struct TextCIReportTests {
    typealias F = CIReportFixture

    @Test func fixturePositionsAreWhatTheExpectationsAssume() {
        let source = SourceFile(path: F.storyPath, text: F.storyText)
        let invisible = source.location(of: F.bytes(of: "\u{200B}").lowerBound)
        // Scalar, UTF-16 and UTF-8 columns of the zero-width space all differ.
        #expect((invisible.line, invisible.column, invisible.utf16Column) == (3, 30, 31))
        #expect(invisible.offset - source.lineStarts[2] + 1 == 39)
    }

    @Test func gitHubWorkflowCommands() {
        let out = GitHubReporter.render(F.batch, rules: F.rules)
        #expect(out == """
            ::error file=wire/東京 talks.txt,line=1,col=26,endLine=1,endColumn=30,title=house.percent::figure "100%25" needs a source: cite it,%0Aor cut it
            ::notice file=wire/東京 talks.txt,line=3,col=1,endLine=3,endColumn=3,title=unicode.emoji::emoji in copy: 📰
            ::warning file=wire/東京 talks.txt,line=3,endLine=5,title=style.lede-length::lede runs to 2 paragraphs; keep it to one
            ::warning file=wire/東京 talks.txt,line=3,col=31,endLine=3,endColumn=32,title=unicode.invisible::zero-width space (U+200B) removed
            ::notice file=wire/東京 talks.txt,line=3,col=62,endLine=3,endColumn=70,title=quotes.straight::straight quotes ("…" & '…'); use “…” <curly>
            ::warning file=wire/東京 talks.txt,line=5,col=6,endLine=5,endColumn=8,title=whitespace.double-space::two spaces between words
            ::error file=feeds/ap%3A0415%2C2.anpa::record 3 truncated: no ETX before end of file (98%25 read)

            """)
        // One line per finding plus one per failed file: no raw line break survives escaping.
        #expect(out.split(separator: "\n").count == 7)
    }

    @Test func gitHubEscaping() {
        #expect(GitHubReporter.message("100% sure: yes, no\r\nnext") == "100%25 sure: yes, no%0D%0Anext")
        #expect(GitHubReporter.property("100% sure: yes, no\r\nnext") == "100%25 sure%3A yes%2C no%0D%0Anext")
        // `%` goes first, so an already escaped-looking sequence is not decoded by the runner.
        #expect(GitHubReporter.message("%0A") == "%250A")
    }

    @Test func gitHubEndsARangeThatTakesInALineBreakOnItsOwnLine() {
        let text = "Hello world \nNext line\n"
        let report = FileReport(path: "a.txt", source: SourceFile(path: "a.txt", text: text), diagnostics: [
            Diagnostic(ruleID: "whitespace.trailing", severity: .info, message: "trailing space", range: 11..<13),
            Diagnostic(ruleID: "whitespace.final-newline", severity: .info, message: "insert", range: 23..<23),
        ])
        #expect(GitHubReporter.render([report], rules: []) == """
            ::notice file=a.txt,line=1,col=12,endLine=1,endColumn=13,title=whitespace.trailing::trailing space
            ::notice file=a.txt,line=3,col=1,endLine=3,endColumn=1,title=whitespace.final-newline::insert

            """)
    }

    @Test func junitHasASuitePerFileAndACasePerFamily() {
        let out = JUnitReporter.render(F.batch, rules: F.rules)
        #expect(out == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="copydesk" tests="13" failures="5" errors="1">
              <testsuite name="wire/東京 talks.txt" tests="6" failures="5" errors="0" skipped="0">
                <testcase name="dateline" classname="wire/東京 talks.txt"/>
                <testcase name="house" classname="wire/東京 talks.txt">
                  <failure message="1 finding: 1 error" type="house.percent">1:26: error: figure "100%" needs a source: cite it,
            or cut it [house.percent]</failure>
                </testcase>
                <testcase name="quotes" classname="wire/東京 talks.txt">
                  <failure message="1 finding: 1 info" type="quotes.straight">3:61: info: straight quotes ("…" &amp; '…'); use “…” &lt;curly&gt; [quotes.straight]</failure>
                </testcase>
                <testcase name="style" classname="wire/東京 talks.txt">
                  <failure message="1 finding: 1 warning" type="style.lede-length">3:1: warning: lede runs to 2 paragraphs; keep it to one [style.lede-length]</failure>
                </testcase>
                <testcase name="unicode" classname="wire/東京 talks.txt">
                  <failure message="2 findings: 1 warning, 1 info" type="unicode.invisible">3:1: info: emoji in copy: 📰 [unicode.emoji]
            3:30: warning: zero-width space (U+200B) removed [unicode.invisible]</failure>
                </testcase>
                <testcase name="whitespace" classname="wire/東京 talks.txt">
                  <failure message="1 finding: 1 warning" type="whitespace.double-space">5:6: warning: two spaces between words [whitespace.double-space]</failure>
                </testcase>
              </testsuite>
              <testsuite name="wire/clean.txt" tests="6" failures="0" errors="0" skipped="0">
                <testcase name="dateline" classname="wire/clean.txt"/>
                <testcase name="house" classname="wire/clean.txt"/>
                <testcase name="quotes" classname="wire/clean.txt"/>
                <testcase name="style" classname="wire/clean.txt"/>
                <testcase name="unicode" classname="wire/clean.txt"/>
                <testcase name="whitespace" classname="wire/clean.txt"/>
              </testsuite>
              <testsuite name="feeds/ap:0415,2.anpa" tests="1" failures="0" errors="1" skipped="0">
                <testcase name="input" classname="feeds/ap:0415,2.anpa">
                  <error message="record 3 truncated: no ETX before end of file (98% read)" type="copydesk.input">record 3 truncated: no ETX before end of file (98% read)</error>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    @Test func junitIsWellFormedXMLWithEscapedAttributes() throws {
        let nasty = FileReport(path: "a&b<\"c\">.txt", source: SourceFile(path: "x", text: "x\n"), diagnostics: [
            Diagnostic(ruleID: "x.y", severity: .error, message: "bell \u{07} <tag> & \"quote\"\r\nnext", range: 0..<1),
        ])
        let out = JUnitReporter.render([nasty, F.failed], rules: [])
        #expect(out.contains(#"<testsuite name="a&amp;b&lt;&quot;c&quot;&gt;.txt" tests="1" failures="1" errors="0" skipped="0">"#))
        #expect(out.contains("1:1: error: bell \u{FFFD} &lt;tag&gt; &amp; \"quote\"&#13;\nnext [x.y]</failure>"))
        let document = try XMLDocument(xmlString: out, options: [])
        let suites = try document.nodes(forXPath: "/testsuites/testsuite")
        #expect(suites.count == 2)
        let name = try document.nodes(forXPath: "/testsuites/testsuite[1]/@name").first?.stringValue
        #expect(name == "a&b<\"c\">.txt")
        let body = try document.nodes(forXPath: "//failure").first?.stringValue
        #expect(body == "1:1: error: bell \u{FFFD} <tag> & \"quote\"\r\nnext [x.y]")
    }

    @Test func rdjsonlOneDiagnosticPerLineWithByteColumnsAndSuggestions() throws {
        let out = RDJSONLReporter.render(F.batch, rules: F.rules)
        let path = #""path":"wire/東京 talks.txt""#
        let source = #""source":{"name":"copydesk"}"#
        #expect(out == """
            {"code":{"value":"house.percent"},"location":{\(path),"range":{"end":{"column":30,"line":1},"start":{"column":26,"line":1}}},"message":"figure \\"100%\\" needs a source: cite it,\\nor cut it","severity":"ERROR",\(source)}
            {"code":{"value":"unicode.emoji"},"location":{\(path),"range":{"end":{"column":5,"line":3},"start":{"column":1,"line":3}}},"message":"emoji in copy: 📰","severity":"INFO",\(source)}
            {"code":{"value":"style.lede-length"},"location":{\(path),"range":{"end":{"column":1,"line":6},"start":{"column":1,"line":3}}},"message":"lede runs to 2 paragraphs; keep it to one","severity":"WARNING",\(source)}
            {"code":{"value":"unicode.invisible"},"location":{\(path),"range":{"end":{"column":42,"line":3},"start":{"column":39,"line":3}}},"message":"zero-width space (U+200B) removed","severity":"WARNING",\(source),"suggestions":[{"range":{"end":{"column":42,"line":3},"start":{"column":39,"line":3}},"text":""}]}
            {"code":{"value":"quotes.straight"},"location":{\(path),"range":{"end":{"column":80,"line":3},"start":{"column":72,"line":3}}},"message":"straight quotes (\\"…\\" & '…'); use “…” <curly>","severity":"INFO",\(source),"suggestions":[{"range":{"end":{"column":73,"line":3},"start":{"column":72,"line":3}},"text":"“"},{"range":{"end":{"column":80,"line":3},"start":{"column":79,"line":3}},"text":"”"}]}
            {"code":{"value":"whitespace.double-space"},"location":{\(path),"range":{"end":{"column":8,"line":5},"start":{"column":6,"line":5}}},"message":"two spaces between words","severity":"WARNING",\(source),"suggestions":[{"range":{"end":{"column":8,"line":5},"start":{"column":6,"line":5}},"text":" "}]}
            {"location":{"path":"feeds/ap:0415,2.anpa"},"message":"record 3 truncated: no ETX before end of file (98% read)","severity":"ERROR",\(source)}

            """)
        // Every line is a JSON object on its own.
        for line in out.split(separator: "\n") {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test func checkstyleListsEveryFile() throws {
        let out = CheckstyleReporter.render(F.batch, rules: F.rules)
        #expect(out == """
            <?xml version="1.0" encoding="UTF-8"?>
            <checkstyle version="4.3">
              <file name="wire/東京 talks.txt">
                <error line="1" column="26" severity="error" message="figure &quot;100%&quot; needs a source: cite it,&#10;or cut it" source="house.percent"/>
                <error line="3" column="1" severity="info" message="emoji in copy: 📰" source="unicode.emoji"/>
                <error line="3" column="1" severity="warning" message="lede runs to 2 paragraphs; keep it to one" source="style.lede-length"/>
                <error line="3" column="30" severity="warning" message="zero-width space (U+200B) removed" source="unicode.invisible"/>
                <error line="3" column="61" severity="info" message="straight quotes (&quot;…&quot; &amp; &apos;…&apos;); use “…” &lt;curly&gt;" source="quotes.straight"/>
                <error line="5" column="6" severity="warning" message="two spaces between words" source="whitespace.double-space"/>
              </file>
              <file name="wire/clean.txt">
              </file>
              <file name="feeds/ap:0415,2.anpa">
                <error line="1" severity="error" message="record 3 truncated: no ETX before end of file (98% read)" source="copydesk.input"/>
              </file>
            </checkstyle>

            """)
        let document = try XMLDocument(xmlString: out, options: [])
        let message = try document.nodes(forXPath: "/checkstyle/file[1]/error[1]/@message").first?.stringValue
        #expect(message == F.percentMessage)
        #expect(try document.nodes(forXPath: "//error").count == 7)
    }

    @Test func reportersCopeWithNoRuleList() {
        let batch = [F.story]
        #expect(GitHubReporter.render(batch, rules: []).split(separator: "\n").count == 6)
        #expect(RDJSONLReporter.render(batch, rules: []).split(separator: "\n").count == 6)
        #expect(CheckstyleReporter.render(batch, rules: []).components(separatedBy: "<error ").count == 7)
        // Only the families that found something: house, quotes, style, unicode, whitespace.
        #expect(JUnitReporter.render(batch, rules: []).contains(#"<testsuites name="copydesk" tests="5" failures="5" errors="0">"#))
        #expect(GitHubReporter.render([], rules: F.rules) == "")
    }
}
