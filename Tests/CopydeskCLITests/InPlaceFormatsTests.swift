import Foundation
import Testing

/// `normalize --in-place` on a format Copydesk reads but does not write must keep the file: only
/// the text inside it changes (an XLIFF's sources and markup, an ANPA stream's headers stay).
@Suite struct InPlaceFormatsTests {
    @Test func xliffKeepsItsMarkupAndSourcesAndOnlyTheTargetChanges() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("port-strike.xlf")
        let before = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file source-language="el" target-language="en" datatype="plaintext" original="port-strike.txt">
                <body>
                  <trans-unit id="p1">
                    <source>Απεργία στο λιμάνι του Πειραιά</source>
                    <target>Strike at the port of Piraeus\u{200B} &amp; ferries -- idle</target>
                    <note>headline</note>
                  </trans-unit>
                </body>
              </file>
            </xliff>

            """
        try before.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["normalize", "--in-place", "--quiet", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try String(contentsOf: file, encoding: .utf8)
        // The zero-width space goes, the ANPA-style dash becomes a dash, `&amp;` stays escaped.
        #expect(after == before.replacingOccurrences(of: "Piraeus\u{200B} &amp; ferries -- idle", with: "Piraeus &amp; ferries — idle"))
    }

    @Test func anANPAStreamKeepsItsHeadersAndControlCharacters() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("feed.ap")
        let sample = CLI.projectRoot.appendingPathComponent("../shared/samples/anpa/testfile.ap").standardized
        let original = try Data(contentsOf: sample)
        try original.write(to: file)
        let result = try CLI.run(["normalize", "--in-place", "--quiet", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try Data(contentsOf: file)
        let text = String(decoding: after, as: UTF8.self)
        // Every SOH that starts a story is still there, and the legacy `--` became a dash.
        #expect(after.filter { $0 == 0x01 }.count == original.filter { $0 == 0x01 }.count)
        #expect(after.filter { $0 == 0x01 }.count > 1)
        #expect(text.contains("(Honolulu) — Riley Wallace says he is “content” as coach of"))
        #expect(!text.contains("(Honolulu) --"))
    }
}
