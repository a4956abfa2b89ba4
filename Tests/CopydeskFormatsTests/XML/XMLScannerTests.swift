import Testing
import CopydeskCore
import CopydeskFormats

@Suite struct XMLScannerTests {
    @Test func eventsNamespacesAttributesAndOffsets() throws {
        let text = """
            <?xml version="1.0"?>
            <!-- a comment -->
            <n:root xmlns:n="urn:a" xmlns="urn:default" n:x="1" y='2 &amp; 3'><child/><![CDATA[<raw> & ]]>t&#x41;</n:root>

            """
        let source = SourceFile(path: "s.xml", text: text)
        var scanner = try XMLScanner(source)
        var events: [XMLScanEvent] = []
        while let event = try scanner.next() { events.append(event) }
        #expect(events.count == 6)

        guard case .start(let root) = events[0] else { Issue.record("expected a start tag"); return }
        #expect(root.name == XMLQName(qualified: "n:root", prefix: "n", local: "root", namespace: "urn:a"))
        #expect(source.slice(root.range).hasPrefix("<n:root"))
        #expect(source.slice(root.range).hasSuffix("3'>"))
        #expect(root.attributes.map(\.name.qualified) == ["xmlns:n", "xmlns", "n:x", "y"])
        #expect(root.attribute("x", namespace: "urn:a") == "1")
        #expect(root.attribute("y") == "2 & 3")
        let y = root.attributes[3]
        #expect(source.slice(y.range) == "y='2 &amp; 3'")
        #expect(y.valueText.pieces.map(\.kind) == [.verbatim, .decoded, .verbatim])

        guard case .start(let child) = events[1], case .end(let childEnd) = events[2] else { Issue.record("expected <child/>"); return }
        #expect(child.name.namespace == "urn:default")
        #expect(child.isEmptyElement)
        #expect(childEnd.range.isEmpty && childEnd.range.lowerBound == child.range.upperBound)

        guard case .text(let cdata) = events[3], case .text(let run) = events[4] else { Issue.record("expected text"); return }
        #expect(cdata.isCDATA)
        #expect(cdata.text.text == "<raw> & ")
        #expect(source.slice(cdata.range) == "<raw> & ")
        #expect(run.text.text == "tA")
        #expect(run.text.pieces.map(\.kind) == [.verbatim, .decoded])
        #expect(source.slice(run.text.pieces[1].source) == "&#x41;")

        guard case .end(let rootEnd) = events[5] else { Issue.record("expected </n:root>"); return }
        #expect(source.slice(rootEnd.range) == "</n:root>")
        #expect(rootEnd.name.namespace == "urn:a")
    }

    @Test func defaultNamespaceScopesAndXMLLang() throws {
        let source = SourceFile(path: "s.xml", text: "<a xmlns=\"urn:one\"><b xmlns=\"\" xml:lang=\"el\"><c/></b><d/></a>")
        let root = try XMLScanner.tree(source)
        #expect(root.name.namespace == "urn:one")
        let b = root.child("b")!
        #expect(b.name.namespace == nil)
        #expect(b.xmlLang == "el")
        #expect(b.child("c")?.name.namespace == nil)
        #expect(root.child("d")?.name.namespace == "urn:one")
        #expect(source.slice(b.range) == "<b xmlns=\"\" xml:lang=\"el\"><c/></b>")
    }

    @Test func byteOrderMarkAndNonASCIIText() throws {
        let source = SourceFile(path: "s.xml", text: "\u{FEFF}<p>Ελλάδα &amp; Россия</p>")
        let root = try XMLScanner.tree(source)
        guard case .text(let run) = root.children[0] else { Issue.record("expected text"); return }
        #expect(run.text.text == "Ελλάδα & Россия")
        #expect(source.slice(run.range) == "Ελλάδα &amp; Россия")
        #expect(source.slice(run.text.pieces[2].source) == " Россия")
    }
}
