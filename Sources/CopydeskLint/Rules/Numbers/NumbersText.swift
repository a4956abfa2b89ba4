/// Grammatical facts and byte helpers shared by the numbers rules: number words, units and
/// currencies that take figures, and a test for tabular (agate) text.
enum NumbersText {
    static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                       "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// 1…99 in words ("twenty-one"); nil outside that range.
    static func words(_ value: Int) -> String? {
        guard value > 0, value < 100 else { return nil }
        if value < 20 { return ones[value] }
        let unit = value % 10
        return tens[value / 10] + (unit == 0 ? "" : "-" + ones[unit])
    }

    static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

    /// Words after a figure that keep it a figure (AP: percentages, money, measurements and
    /// dimensions, weights, speeds, temperatures, millions, times of day).
    static let units: Set<String> = [
        "percent", "percentage", "per", "pct", "degrees", "degree", "feet", "foot", "ft", "inches", "inch", "yards", "yard",
        "meters", "meter", "metres", "metre", "centimeters", "centimetres", "millimeters", "millimetres", "kilometers",
        "kilometres", "miles", "mile", "km", "kg", "cm", "mm", "m", "g", "mg", "lb", "lbs", "oz", "mi", "ml", "l", "sq", "cu",
        "pounds", "pound", "ounces", "ounce", "tons", "ton", "tonnes", "tonne", "kilograms", "kilogram", "kilos", "kilo",
        "grams", "gram", "liters", "litres", "liter", "litre", "gallons", "gallon", "acres", "acre", "hectares", "hectare",
        "mph", "kph", "km/h", "kmh", "knots", "knot", "mw", "kw", "gw", "kwh", "gb", "mb", "tb", "ghz", "mhz", "hz", "x",
        "million", "billion", "trillion", "bn", "cents", "cent", "dollars", "dollar", "euros", "euro", "yen", "yuan",
        "pence", "rubles", "roubles", "francs", "pesos", "rupees", "p.m.", "a.m.", "pm", "am", "p.m", "a.m", "o'clock", "o’clock",
        "points", "point", "magnitude", "stars", "star", "seed", "handicap", "under", "over", "par",
        "p.c.", "bps", "basis", "caliber", "calibre", "mm.", "volts", "watts", "megawatts", "gigawatts", "megabytes", "gigabytes",
    ]

    /// Words before a figure that make it a designation or an age: "No. 3", "page 5", "aged 7".
    static let designators: Set<String> = [
        "no", "nos", "number", "page", "pages", "chapter", "section", "article", "room", "route", "rule", "grade", "size",
        "level", "phase", "stage", "step", "category", "magnitude", "channel", "platform", "gate", "track", "lane", "row",
        "seat", "act", "scene", "verse", "game", "match", "round", "heat", "week", "day", "flight", "apartment", "unit",
        "box", "exit", "highway", "interstate", "district", "ward", "precinct", "version", "model", "type", "class",
        "vol", "volume", "part", "item", "figure", "table", "appendix", "annex", "paragraph", "clause", "age", "aged",
        "ages", "formula", "hole", "inning", "period", "quarter", "lap", "mile", "terminal", "pier", "berth", "floor",
        "suite", "bus", "train", "line", "code", "tier", "term", "minus", "plus", "par",
    ]

    /// Words that may start a sentence before a figure without naming it ("About 5 people").
    static let leadIns: Set<String> = [
        "about", "only", "some", "nearly", "almost", "just", "all", "the", "of", "in", "at", "for", "with", "and", "but",
        "to", "on", "after", "before", "more", "fewer", "less", "than", "another", "those", "these", "its", "his", "her",
        "their", "our", "my", "your", "around", "roughly", "approximately", "exactly", "when", "while", "since", "as",
        "least", "up", "over", "under", "perhaps", "every", "each", "by", "from", "between", "among", "including",
    ]

    /// Digits only (ignoring inner commas); nil when the word has other characters.
    static func value(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        var digits = 0
        for i in range {
            let byte = bytes[i]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if digits > 12 { return nil }
                value = value * 10 + Int(byte - 0x30)
            } else if byte != UInt8(ascii: ",") {
                return nil
            }
        }
        return digits > 0 ? value : nil
    }

    /// Agate, tables and wire service products: many figures, runs of spaces or tabs, or mostly
    /// capital letters. Rules about figures in prose leave these alone.
    static func isTabular(_ block: LintDocument.Block) -> Bool {
        // A tab or three spaces in a row: tabular. Else count ASCII capitals and letters, eight
        // bytes at a time.
        let counted: (upper: Int, letters: Int)? = block.bytes.withUnsafeBufferPointer { bytes in
            var upper = 0, letters = 0, spaceRun = 0
            var i = 0
            let count = bytes.count
            while i + 8 <= count {
                let word = ByteScan.load(bytes, i)
                if ByteScan.equalBytes(word, 0x09) != 0 { return nil }
                let spaces = ByteScan.equalBytes(word, 0x20)
                if spaces & (spaces << 8) & (spaces << 16) != 0 { return nil }
                // Runs across the word boundary: spaces ending the last word, starting this one.
                let nonSpaces = ~spaces & ByteScan.highs
                if spaceRun > 0 {
                    let leading = nonSpaces == 0 ? 8 : nonSpaces.trailingZeroBitCount / 8
                    if spaceRun + leading >= 3 { return nil }
                }
                spaceRun = nonSpaces == 0 ? spaceRun + 8 : nonSpaces.leadingZeroBitCount / 8
                let capitals = ByteScan.inRange(word, 0x41, 0x5A)
                upper += ByteScan.count(capitals)
                letters += ByteScan.count(capitals | ByteScan.inRange(word, 0x61, 0x7A))
                i += 8
            }
            while i < count {
                let byte = bytes[i]
                if byte == 0x09 { return nil }
                if byte == 0x20 { spaceRun += 1; if spaceRun >= 3 { return nil } } else { spaceRun = 0 }
                if byte >= 0x41 && byte <= 0x5A { upper += 1; letters += 1 } else if byte >= 0x61 && byte <= 0x7A { letters += 1 }
                i += 1
            }
            return (upper, letters)
        }
        guard let (upper, letters) = counted else { return true }
        if letters >= 20, upper * 10 >= letters * 6 { return true }
        var numbers = 0
        for word in block.words where word.isNumber { numbers += 1 }
        return block.words.count >= 6 && numbers * 10 >= block.words.count * 3
    }

    static func lower(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var folded = [UInt8]()
        folded.reserveCapacity(range.count)
        for i in range { folded.append(PhraseMatcher.fold(bytes[i])) }
        return String(decoding: folded, as: UTF8.self)
    }

    static func isLowerASCII(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
}
