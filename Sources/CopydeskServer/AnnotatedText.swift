/// LanguageTool's `data` parameter: a document given as text and markup parts,
/// `{"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "test"}, {"markup": "<p>", "interpretAs": "\n\n"}]}`.
/// The text checked is the text parts with each markup part replaced by its `interpretAs` (or by
/// nothing); offsets sent back are into the document as sent (every part, markup included,
/// concatenated), as LanguageTool reports them, so a client can underline its own markup source.
struct AnnotatedText {
    /// What is checked.
    private(set) var plain = ""
    private var segments: [Segment] = []

    private struct Segment {
        var plainStart: Int, plainLength: Int
        var originalStart: Int, originalLength: Int
        var isText: Bool
    }

    struct Part: Decodable {
        var text: String?
        var markup: String?
        var interpretAs: String?
    }

    struct Document: Decodable {
        var annotation: [Part]
    }

    init(json: String) throws {
        let document = try RequestBody.decodeJSON(Document.self, Array(json.utf8))
        var plainOffset = 0, originalOffset = 0
        for (index, part) in document.annotation.enumerated() {
            switch (part.text, part.markup) {
            case (let text?, nil):
                let length = text.utf16.count
                segments.append(Segment(plainStart: plainOffset, plainLength: length, originalStart: originalOffset, originalLength: length, isText: true))
                plain += text
                plainOffset += length
                originalOffset += length
            case (nil, let markup?):
                let shown = part.interpretAs ?? ""
                let length = shown.utf16.count, originalLength = markup.utf16.count
                segments.append(Segment(plainStart: plainOffset, plainLength: length, originalStart: originalOffset, originalLength: originalLength, isText: false))
                plain += shown
                plainOffset += length
                originalOffset += originalLength
            default:
                throw APIError.badRequest("malformed-data", "data: annotation[\(index)] must have either \"text\" or \"markup\" (with an optional \"interpretAs\"), not both or neither")
            }
        }
    }

    /// The document offset (UTF-16) of a match starting at `plain` offset `offset`: inside a
    /// text part, the same place; inside what a markup part stands for, that markup's start.
    func originalStart(_ offset: Int) -> Int {
        for segment in segments where segment.plainLength > 0 && segment.plainStart <= offset && offset < segment.plainStart + segment.plainLength {
            return segment.isText ? segment.originalStart + (offset - segment.plainStart) : segment.originalStart
        }
        return segments.last.map { $0.originalStart + $0.originalLength } ?? offset
    }

    /// The document offset (UTF-16) of a match ending at `plain` offset `offset`: inside a text
    /// part, the same place; inside what a markup part stands for, that markup's end.
    func originalEnd(_ offset: Int) -> Int {
        for segment in segments.reversed() where segment.plainLength > 0 && segment.plainStart < offset && offset <= segment.plainStart + segment.plainLength {
            return segment.isText ? segment.originalStart + (offset - segment.plainStart) : segment.originalStart + segment.originalLength
        }
        return originalStart(offset)
    }
}
