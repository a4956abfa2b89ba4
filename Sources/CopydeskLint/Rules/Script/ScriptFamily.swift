/// The script rules, in the order `copydesk rules` lists them.
enum ScriptFamily {
    static let rules: [any LintRule.Type] = [MixedScriptRule.self, UntranslatedScriptRule.self]

    /// The writing system of a letter, as far as the script rules need it. Code-point blocks stand in
    /// for the Unicode Script property (which Swift does not expose); marks, digits, punctuation and
    /// symbols are `common`.
    enum Letter: UInt8, Sendable {
        case common, latin, greek, cyrillic, armenian, hebrew, arabic, syriac, thaana, indic, thai, lao
        case tibetan, myanmar, georgian, hangul, ethiopic, khmer, mongolian, kana, han, bopomofo, other

        /// The name an editor knows the script by, for messages.
        var name: String {
            switch self {
            case .common: "common"
            case .latin: "Latin"
            case .greek: "Greek"
            case .cyrillic: "Cyrillic"
            case .armenian: "Armenian"
            case .hebrew: "Hebrew"
            case .arabic: "Arabic"
            case .syriac: "Syriac"
            case .thaana: "Thaana"
            case .indic: "Indic"
            case .thai: "Thai"
            case .lao: "Lao"
            case .tibetan: "Tibetan"
            case .myanmar: "Burmese"
            case .georgian: "Georgian"
            case .hangul: "Korean (Hangul)"
            case .ethiopic: "Ethiopic"
            case .khmer: "Khmer"
            case .mongolian: "Mongolian"
            case .kana: "Japanese (kana)"
            case .han: "Chinese (Han)"
            case .bopomofo: "Bopomofo"
            case .other: "non-Latin"
            }
        }

        /// Chinese characters and Japanese kana form one run (Japanese mixes them).
        var isCJK: Bool { self == .han || self == .kana || self == .bopomofo || self == .hangul }

        /// Matches a style's `script.expected` value ("Latin", "Cyrillic"…), case-insensitively.
        init?(expected: String) {
            switch expected.lowercased() {
            case "latin": self = .latin
            case "greek": self = .greek
            case "cyrillic": self = .cyrillic
            case "armenian": self = .armenian
            case "hebrew": self = .hebrew
            case "arabic": self = .arabic
            case "thai": self = .thai
            case "georgian": self = .georgian
            case "hangul", "korean": self = .hangul
            case "han", "chinese": self = .han
            default: return nil
            }
        }
    }

    /// The script of a letter scalar; `common` for anything that is not a letter of a script.
    static func script(of scalar: Unicode.Scalar) -> Letter {
        let v = scalar.value
        if v < 0x80 {
            return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A ? .latin : .common
        }
        guard scalar.properties.isAlphabetic else { return .common }
        switch v {
        case 0xB5: return .common                      // micro sign
        case 0xAA, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2AF, 0xFB00...0xFB06: return .latin
        case 0x2B0...0x36F: return .common            // modifier letters, combining marks
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
        case 0x530...0x58F, 0xFB13...0xFB17: return .armenian
        case 0x590...0x5FF, 0xFB1D...0xFB4F: return .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x700...0x74F: return .syriac
        case 0x780...0x7BF: return .thaana
        case 0x900...0xDFF: return .indic
        case 0xE00...0xE7F: return .thai
        case 0xE80...0xEFF: return .lao
        case 0xF00...0xFFF: return .tibetan
        case 0x1000...0x109F: return .myanmar
        case 0x10A0...0x10FF, 0x1C90...0x1CBF, 0x2D00...0x2D2F: return .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF: return .hangul
        case 0x1200...0x139F, 0x2D80...0x2DDF: return .ethiopic
        case 0x1780...0x17FF, 0x19E0...0x19FF: return .khmer
        case 0x1800...0x18AF: return .mongolian
        case 0x1D00...0x1DBF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F,
             0xFF21...0xFF3A, 0xFF41...0xFF5A: return .latin
        case 0x1DC0...0x1DFF, 0x2000...0x2BFF, 0x1D400...0x1D7FF: return .common
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
        case 0x3100...0x312F, 0x31A0...0x31BF: return .bopomofo
        case 0x3005, 0x3007, 0x3021...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return .han
        default: return .other
        }
    }

    /// Decodes the scalar starting at `i` (a lead byte) and its byte length; nil on a continuation byte.
    @inline(__always)
    static func scalar(_ bytes: [UInt8], _ i: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        guard lead >= 0xC0, let scalar = Tokenizer.scalar(bytes, i) else { return nil }
        return (scalar, Tokenizer.width(lead))
    }
}
