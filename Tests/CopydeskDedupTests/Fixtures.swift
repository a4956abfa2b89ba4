import Copydesk
import Foundation

/// Wire-style stories written for these tests (fictional events).
enum Fixtures {
    static let strikeHeadline = "Dockworkers strike shuts Rotterdam container terminals"
    static let strikeByline = "By MARIEKE DE VRIES"

    /// A 12-paragraph AP-style story.
    static let strike: [String] = [
        "ROTTERDAM, Netherlands (AP) — Thousands of dockworkers walked off the job at Europe's largest port on Tuesday, halting container traffic at Rotterdam's main terminals in a dispute over automation and pensions.",
        "The strike, called by the FNV Havens union, began at 6 a.m. and is set to last 48 hours. Cranes stood idle at the Maasvlakte terminals, and more than 20 container ships waited at anchor off the Hook of Holland by midday.",
        "\"We are not against new technology, but we will not let machines push our members out of work without a plan,\" union negotiator Niek Stam told reporters outside the ECT Delta terminal.",
        "Port operators say automated cranes and self-driving vehicles are essential to keep Rotterdam competitive with Antwerp and Hamburg, which have invested heavily in similar systems.",
        "The employers' association said it had offered a guarantee of no forced layoffs until 2030 and an early retirement scheme for workers over 60, but the union rejected the proposal last week.",
        "Shipping lines including Maersk and CMA CGM said they were diverting some vessels to other North Sea ports. Maersk warned customers of delays of up to five days for cargo bound for the Netherlands and Germany.",
        "The Port of Rotterdam Authority said about 40,000 containers a day normally pass through the affected terminals, and that a prolonged stoppage would ripple through supply chains across northern Europe.",
        "Dutch Economy Minister Karien van Gennip urged both sides to return to talks. \"A strike of this size hurts everyone who depends on the port, from farmers to factories,\" she said in a statement.",
        "Rotterdam handled 439 million tons of cargo last year, according to port figures, making it the busiest port outside Asia.",
        "The last major strike at the port, in 2016, lasted a single day and ended with an agreement on job security that expired at the end of last year.",
        "Union leaders said further action was possible next week if the employers did not improve their offer, and that workers at Amsterdam's port could join in solidarity.",
        "Talks between the union and the employers' association are scheduled to resume Thursday in The Hague, with a government-appointed mediator present.",
    ]

    /// The write-through: paragraph 6 of the first version rewritten, three paragraphs added.
    static let strikeRewrittenSix = "Shipping lines including Maersk, MSC and CMA CGM said they were diverting vessels to Antwerp and Bremerhaven. Maersk warned customers of delays of up to a week for cargo bound for the Netherlands and Germany."
    static let strikeAdded: [String] = [
        "Police said about 300 strikers gathered peacefully at the entrance to the Maasvlakte area, where some set up tents and barbecues for what they called a long wait.",
        "A spokeswoman for the employers, Anja Blom, said the union's demands would cost member companies more than 200 million euros over five years, a figure the union disputes.",
        "The strike comes as European ports struggle with congestion caused by the diversion of ships around the Cape of Good Hope to avoid attacks in the Red Sea.",
    ]

    /// [1, 2, new, 3, 4, 5, 6′, 7, new, 8, 9, 10, 11, 12, new] → new 3, 9, 15; changed 7.
    static var strikeWriteThrough: [String] {
        var paragraphs = strike
        paragraphs[5] = strikeRewrittenSix
        paragraphs.insert(strikeAdded[0], at: 2)
        paragraphs.insert(strikeAdded[1], at: 8)
        paragraphs.append(strikeAdded[2])
        return paragraphs
    }

    /// The same event from another agency: its own words, but the minister's statement quoted in full.
    static let strikeReuters: [String] = [
        "AMSTERDAM, March 4 (Reuters) - Dock workers at the port of Rotterdam began a two-day strike on Tuesday over the use of automated equipment, disrupting container shipments at Europe's busiest seaport.",
        "Union FNV Havens said around 3,500 workers had joined the stoppage, which affects the ECT, APM and Rotterdam World Gateway terminals.",
        "Dutch Economy Minister Karien van Gennip urged both sides to return to talks. \"A strike of this size hurts everyone who depends on the port, from farmers to factories,\" she said in a statement.",
        "Freight rates for routes into northern Europe have risen sharply this year, and analysts said a longer dispute could add to pressure on importers already facing higher costs.",
        "The terminal operators declined to comment on the union's claim that automation would cost 800 jobs by the end of the decade.",
        "(Reporting by Bart Meijer; Editing by Jan Harvey)",
    ]

    /// Another port strike, weeks later and elsewhere: same topic, different story.
    static let antwerpStrike: [String] = [
        "ANTWERP, Belgium (AP) — Belgian port workers staged a 24-hour strike on Monday against government pension reforms, bringing shipping at Antwerp-Bruges to a near standstill.",
        "The action was called by the three main Belgian unions, which say the plan to raise the retirement age for dock labor would force older workers into dangerous jobs.",
        "Pilots also stopped work, and port officials said no ships entered or left the Scheldt estuary between midnight and late afternoon.",
        "Prime Minister Bart De Wever's government says the reforms are needed to keep the pension system affordable as the population ages.",
        "Antwerp-Bruges is Europe's second-largest port by container volume and a major hub for the chemical industry.",
        "Unions said they would decide on further strikes after a meeting with the labor minister on Friday.",
    ]

    /// A two-paragraph brief and its resend with one word changed.
    static let brief: [String] = [
        "WELLINGTON, New Zealand (AP) — A magnitude 6.1 earthquake struck off the east coast of New Zealand's North Island on Wednesday, the GeoNet monitoring agency said.",
        "There were no immediate reports of damage or injuries, and no tsunami warning was issued.",
    ]
    static let briefCorrected: [String] = [
        "WELLINGTON, New Zealand (AP) — A magnitude 6.4 earthquake struck off the east coast of New Zealand's North Island on Wednesday, the GeoNet monitoring agency said.",
        "There were no immediate reports of damage or injuries, and no tsunami warning was issued.",
    ]

    /// Chinese copy (Xinhua style) and its update with a sentence added and one paragraph reworded.
    static let chinese: [String] = [
        "新华社北京3月5日电 国务院总理今天在人民大会堂作政府工作报告，提出今年国内生产总值增长预期目标为百分之五左右。",
        "报告说，今年要坚持稳中求进工作总基调，扩大国内需求，推动科技创新和产业创新深度融合。",
        "报告提出，城镇新增就业目标为一千二百万人以上，城镇调查失业率控制在百分之五点五左右，居民消费价格涨幅为百分之二左右。",
        "报告还强调，要持续防范化解重点领域风险，加强生态环境保护，推进乡村全面振兴。",
    ]
    static var chineseUpdated: [String] {
        var paragraphs = chinese
        paragraphs[3] = "报告还强调，要持续有效防范化解重点领域风险，切实加强生态环境保护，扎实推进乡村全面振兴。"
        paragraphs.append("代表们表示，报告目标明确、措施务实，将在审议中提出意见和建议。")
        return paragraphs
    }

    /// Plain text as desks paste it: headline, byline, paragraphs separated by blank lines.
    static func text(headline: String, byline: String? = nil, _ paragraphs: [String]) -> String {
        ([headline] + (byline.map { [$0] } ?? []) + paragraphs).joined(separator: "\n\n") + "\n"
    }

    static func story(headline: String, byline: String? = nil, _ paragraphs: [String], path: String = "story.txt", id: String? = nil, slug: String? = nil) throws -> Story {
        var story = try PlainTextReader.read(SourceFile(path: path, text: text(headline: headline, byline: byline, paragraphs)))
        story.metadata.id = id
        story.metadata.slug = slug
        return story
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "copydesk-dedup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
