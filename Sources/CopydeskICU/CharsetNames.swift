import CICU

extension CharsetConverter {
    /// One converter ICU offers: its ICU name and, where the standards name it, its MIME or IANA name
    /// (what `--encoding` users usually type: `windows-1251`, `ISO-8859-7`, `KOI8-R`).
    public struct Available: Sendable, Hashable {
        public var name: String
        public var iana: String?
    }

    /// Every converter ICU offers here, in ICU's order; any of their names or aliases is accepted.
    public static var available: [Available] {
        (0..<cicu_conv_count_available()).compactMap { index in
            guard let pointer = cicu_conv_available_name(index) else { return nil }
            let name = String(cString: pointer)
            // MIME's preferred name where there is one (ISO-8859-7, not IANA's ISO_8859-7:1987).
            let standard = cicu_conv_standard_name(pointer, "MIME") ?? cicu_conv_standard_name(pointer, "IANA")
            let iana = standard.map { String(cString: $0) }
            return Available(name: name, iana: iana)
        }
    }
}
