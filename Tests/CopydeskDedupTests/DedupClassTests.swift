import CopydeskDedup
import Testing

@Suite struct DedupClassTests {
    @Test func classesAreTheDocumentedWords() {
        #expect(DedupClass.allCases.map(\.rawValue) == ["new", "duplicate", "update", "related"])
    }
}
