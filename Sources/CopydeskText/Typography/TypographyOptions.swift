import CopydeskCore

/// The house dash that legacy stand-ins (ANPA ` _ `, `--`) become, including its spacing.
public enum DashStyle: String, Sendable, CaseIterable {
    /// `" — "`: em dash with a space each side (AP).
    case emSpaced = "em-spaced"
    /// `"—"`: closed-up em dash.
    case emClosed = "em-closed"
    /// `" – "`: en dash with a space each side (Guardian).
    case enSpaced = "en-spaced"

    /// The dash character itself.
    var dash: String {
        switch self {
        case .emSpaced, .emClosed: "\u{2014}"
        case .enSpaced: "\u{2013}"
        }
    }

    /// Whether the dash takes a space on each side.
    var isSpaced: Bool { self != .emClosed }
}

/// The quotation marks of a locale. The caller supplies them (e.g. from CLDR/ICU delimiters);
/// typography only inserts the given strings.
///
/// Straight `"` pairs become the primary marks and straight `'` pairs the secondary marks.
/// Apostrophes are always U+2019 and primes U+2032/U+2033, whatever the locale.
public struct QuoteStyle: Sendable, Equatable {
    public var primaryOpen: String
    public var primaryClose: String
    public var secondaryOpen: String
    public var secondaryClose: String

    /// “…” ‘…’
    public static let english = QuoteStyle(
        primaryOpen: "\u{201C}", primaryClose: "\u{201D}",
        secondaryOpen: "\u{2018}", secondaryClose: "\u{2019}"
    )

    public init(primaryOpen: String, primaryClose: String, secondaryOpen: String, secondaryClose: String) {
        self.primaryOpen = primaryOpen
        self.primaryClose = primaryClose
        self.secondaryOpen = secondaryOpen
        self.secondaryClose = secondaryClose
    }
}

public struct TypographyOptions: Sendable, Equatable {
    /// ANPA/ASCII conventions (``` `` ```…`''`, `` ` ``, ` _ `, `--`) → proper characters.
    public var legacyConventions: Bool
    /// The dash that ` _ ` and `--` become.
    public var dashStyle: DashStyle
    /// Straight `"` and `'` → these marks (plus apostrophes and primes); `nil` leaves them alone.
    public var smartQuotes: QuoteStyle?

    public init(legacyConventions: Bool = true, dashStyle: DashStyle = .emSpaced, smartQuotes: QuoteStyle? = nil) {
        self.legacyConventions = legacyConventions
        self.dashStyle = dashStyle
        self.smartQuotes = smartQuotes
    }
}
