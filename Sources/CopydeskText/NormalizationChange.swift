import CopydeskCore

/// A change one normalization step wants to make, with the rule that explains it.
///
/// Steps work on the current text of a block and return changes in its UTF-8 offsets; the stage
/// applies them and turns each into a diagnostic mapped back to the input file.
public struct NormalizationChange: Hashable, Sendable {
    /// `family.rule`, e.g. `encoding.mojibake` or `typography.legacy-quotes`.
    public var ruleID: String
    /// Says what was found and what it becomes, e.g. `mojibake "â€™" repaired to "’"`.
    public var message: String
    public var edit: TextEdit

    public init(ruleID: String, message: String, edit: TextEdit) {
        self.ruleID = ruleID
        self.message = message
        self.edit = edit
    }
}
