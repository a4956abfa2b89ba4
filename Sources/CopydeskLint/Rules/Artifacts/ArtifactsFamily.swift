/// The artifacts rules, in the order `copydesk rules` lists them.
enum ArtifactsFamily {
    static let rules: [any LintRule.Type] = [GUIDRule.self, MarkupRule.self, SignOffRule.self, EditorNoteRule.self]
}
