import Copydesk
import Testing

/// The repo config's path patterns, as `.gitignore` users write them.
@Suite struct GlobTests {
    @Test(arguments: [
        ("translations/**", "translations/el/athens.txt", true),
        ("translations/**", "stories/translations/athens.txt", false),
        ("translations/", "translations/athens.txt", true),
        ("*.md", "README.md", true),
        ("*.md", "docs/guide/setup.md", true),
        ("*.md", "stories/athens.txt", false),
        ("README.md", "docs/README.md", true),
        ("/README.md", "docs/README.md", false),
        ("sport/*.txt", "sport/final.txt", true),
        ("sport/*.txt", "sport/2026/final.txt", false),
        ("sport/**/*.txt", "sport/2026/09/final.txt", true),
        ("sport/**/*.txt", "sport/final.txt", true),
        ("LICENSE*", "LICENSE.txt", true),
        ("stories/[ab]*.txt", "stories/athens.txt", true),
        ("stories/[ab]*.txt", "stories/crete.txt", false),
        ("*", ".hidden.txt", false),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) ~ \(path)")
    }
}
