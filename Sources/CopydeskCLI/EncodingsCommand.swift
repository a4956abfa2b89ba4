import ArgumentParser
import Copydesk

/// `copydesk encodings`: the charsets `--encoding` accepts, so a user who typed a wrong one can
/// find the right name.
struct EncodingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encodings",
        abstract: "List the charsets --encoding accepts (ICU's converters; their aliases work too).",
        discussion: """
            `auto` (the default) reads a byte-order mark, then UTF-8, then detects a legacy charset. Any name below, \
            or an alias ICU knows for it (latin1, cp1252, koi8r…), forces one. Names marked "detected" are the ones \
            auto may choose.
            """
    )

    /// The charsets named in the error for a wrong `--encoding` (a full list is one command away).
    static let common = ["auto", "UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1", "ISO-8859-7", "windows-1251", "KOI8-R"]

    func run() throws {
        var out = "auto\tbyte-order mark, UTF-8, then detection (the default)\n"
        // The IANA name first (what users type), ICU's own name after it when it differs.
        for converter in CharsetConverter.available {
            let name = converter.iana ?? converter.name
            let icu = name == converter.name ? "" : "\t(ICU: \(converter.name))"
            let detected = InputDecoder.isDetectable(name) || InputDecoder.isDetectable(converter.name) ? "\tdetected" : ""
            out += name + detected + icu + "\n"
        }
        Terminal.write(out)
    }

    /// Throws a usage error for an encoding ICU cannot open, with the common names and where
    /// to find the rest.
    static func validate(_ encoding: String?) throws {
        guard let encoding, encoding.lowercased() != "auto" else { return }
        let normalized = encoding.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        if normalized == "utf8" || CharsetConverter.isKnown(encoding) { return }
        throw ValidationError("--encoding \(encoding): unknown encoding (accepted: \(common.joined(separator: ", ")) and every ICU converter name or alias; `copydesk encodings` lists them all)")
    }
}
