/// Escaping for the XML Copydesk writes (NITF, XLIFF).
public enum XMLEscaping {
    /// Text and attribute values: `& < > "` escaped; characters XML 1.0 cannot carry (controls
    /// other than tab, line feed and carriage return; U+FFFE, U+FFFF) left out.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
