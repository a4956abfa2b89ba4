import CopydeskCore

/// The rules the dedup stage reports, one per class of result, with their default severities.
public enum DedupRules {
    public static let all: [RuleDescription] = [
        RuleDescription(id: "dedup.new", summary: "no earlier copy of the story in the archive", severity: .info,
                        triggering: [], nonTriggering: []),
        RuleDescription(id: "dedup.duplicate", summary: "the story repeats earlier copy of the archive", severity: .warning,
                        triggering: [], nonTriggering: []),
        RuleDescription(id: "dedup.update", summary: "the story is an update of earlier copy: its new and changed paragraphs", severity: .info,
                        triggering: [], nonTriggering: []),
        RuleDescription(id: "dedup.related", summary: "the story shares some text with earlier copy", severity: .info,
                        triggering: [], nonTriggering: []),
    ]
}

extension DedupStage {
    public static var rules: [RuleDescription] { DedupRules.all }
}
