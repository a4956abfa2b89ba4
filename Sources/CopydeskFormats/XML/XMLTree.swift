import CopydeskCore

/// An element with its children, built from `XMLScanner` events. Wire stories are small, so the
/// readers work on a tree; every node keeps its byte ranges in the file.
public struct XMLTreeElement: Sendable, Hashable {
    public var tag: XMLStartTag
    public var children: [XMLTreeNode]
    /// Bytes of the end tag (empty, at the end of the start tag, for `<name/>`).
    public var endRange: Range<Int>

    public var name: XMLQName { tag.name }
    public var local: String { tag.name.local }
    /// Bytes from the start tag's `<` to the end tag's `>`.
    public var range: Range<Int> { tag.range.lowerBound..<max(tag.range.upperBound, endRange.upperBound) }

    public func attribute(_ local: String, namespace: String? = nil) -> String? {
        tag.attribute(local, namespace: namespace)
    }

    /// `xml:lang` on this element.
    public var xmlLang: String? { tag.attribute("lang", namespace: XMLNamespaces.xml) }

    /// Child elements in order.
    public var elements: [XMLTreeElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element with this local name.
    public func child(_ local: String) -> XMLTreeElement? {
        for node in children { if case .element(let element) = node, element.local == local { return element } }
        return nil
    }

    /// Child elements with this local name.
    public func children(_ local: String) -> [XMLTreeElement] {
        elements.filter { $0.local == local }
    }

    /// Follows child elements by local name: `path("head", "docdata", "doc-id")`.
    public func path(_ locals: String...) -> XMLTreeElement? {
        var current = self
        for local in locals {
            guard let next = current.child(local) else { return nil }
            current = next
        }
        return current
    }

    /// The first descendant (depth first, document order) with this local name.
    public func firstDescendant(_ local: String) -> XMLTreeElement? {
        for element in elements {
            if element.local == local { return element }
            if let found = element.firstDescendant(local) { return found }
        }
        return nil
    }

    /// Every descendant with this local name, in document order (not looking inside a match).
    public func descendants(_ local: String) -> [XMLTreeElement] {
        var result: [XMLTreeElement] = []
        func walk(_ element: XMLTreeElement) {
            for child in element.elements {
                if child.local == local { result.append(child) } else { walk(child) }
            }
        }
        walk(self)
        return result
    }

    /// All text inside, references decoded, as in the file (no whitespace handling).
    public var rawText: String {
        var result = ""
        func walk(_ element: XMLTreeElement) {
            for node in element.children {
                switch node {
                case .text(let run): result += run.text.text
                case .element(let child): walk(child)
                }
            }
        }
        walk(self)
        return result
    }

    /// The text inside with XML whitespace collapsed and trimmed; nil when there is none.
    public var collapsedText: String? { XMLText.inline(self)?.text }
}

public enum XMLTreeNode: Sendable, Hashable {
    case element(XMLTreeElement)
    case text(XMLTextRun)
}

extension XMLScanner {
    /// Scans a whole file into a tree and returns the root element.
    public static func tree(_ source: SourceFile, limits: XMLLimits = XMLLimits()) throws -> XMLTreeElement {
        try document(source, limits: limits).root
    }

    /// The root element, and the note that the file's DOCTYPE names an external DTD (never
    /// loaded) when it does.
    public static func document(_ source: SourceFile, limits: XMLLimits = XMLLimits()) throws -> (root: XMLTreeElement, note: Diagnostic?) {
        var scanner = try XMLScanner(source, limits: limits)
        var stack: [XMLTreeElement] = []
        var root: XMLTreeElement?
        while let event = try scanner.next() {
            switch event {
            case .start(let tag):
                stack.append(XMLTreeElement(tag: tag, children: [], endRange: tag.range.upperBound..<tag.range.upperBound))
            case .text(let run):
                stack[stack.count - 1].children.append(.text(run))
            case .end(let end):
                var element = stack.removeLast()
                element.endRange = end.range
                if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(.element(element)) }
            }
        }
        // The scanner only ends cleanly after the root element closed.
        guard let root else { throw CopydeskError.input(file: source.path, message: "1:1: no root element") }
        return (root, scanner.externalDTD.map { XMLExternalDTD.note(identifier: $0.identifier, range: $0.range) })
    }
}

/// What the start of a file says about its XML: the root element and the DOCTYPE name.
public struct XMLSniff: Sendable, Hashable {
    public var root: XMLQName?
    public var doctypeName: String?
    /// The first bytes looked at, for a plain byte search when the start does not scan.
    public var head: [UInt8]

    /// Looks at the first `limit` bytes only; never throws (a DOCTYPE is skipped, not judged,
    /// so a hostile file is still claimed by its reader, which then rejects it clearly).
    public init(_ source: SourceFile, limit: Int = 8192) {
        let bytes = source.text.utf8.withContiguousStorageIfAvailable { Array($0.prefix(limit + 4)) }
            ?? Array(source.text.utf8.prefix(limit + 4))
        var end = min(limit, bytes.count)
        // Do not cut a character in two.
        while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        head = Array(bytes[0..<end])
        root = nil
        doctypeName = nil
        // The scanner throws at the first text before a root element, so a start that is not
        // markup has neither root nor DOCTYPE: no need to build a file and scan it.
        guard looksLikeXML else { return }
        let prefix = SourceFile(path: source.path, text: String(decoding: head, as: UTF8.self))
        guard var scanner = try? XMLScanner(prefix, limits: XMLLimits(), lenientDoctype: true) else { return }
        while true {
            do {
                guard let event = try scanner.next() else { break }
                if case .start(let tag) = event { root = tag.name; break }
            } catch {
                break
            }
        }
        doctypeName = scanner.doctypeName
    }

    /// Whether the bytes looked at contain `needle` (ASCII).
    public func contains(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, head.count >= pattern.count else { return false }
        var k = 0
        let last = head.count - pattern.count
        while k <= last {
            if head[k] == pattern[0] {
                var j = 1
                while j < pattern.count, head[k + j] == pattern[j] { j += 1 }
                if j == pattern.count { return true }
            }
            k += 1
        }
        return false
    }

    /// Whether the file starts like XML (optional BOM and whitespace, then `<`).
    public var looksLikeXML: Bool {
        var k = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while k < head.count, XMLScanner.isSpace(head[k]) { k += 1 }
        return k < head.count && head[k] == UInt8(ascii: "<")
    }
}
