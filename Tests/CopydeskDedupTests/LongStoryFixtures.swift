/// A long AP-style story (fictional events) and its versions, for the class-follows-novelty
/// tests: in 34 paragraphs, two added paragraphs move the shingle Jaccard by a few hundredths.
enum LongStory {
    static let headline = "Flooding forces thousands from homes across northern Italy"

    static let paragraphs: [String] = [
        "BOLOGNA, Italy (AP) — Rivers burst their banks across the northern Italian region of Emilia-Romagna on Wednesday after two days of torrential rain, forcing thousands of people from their homes and cutting off dozens of villages in the foothills of the Apennines.",
        "The civil protection agency said at least 4,000 people had been evacuated overnight and that the number was expected to rise as more rain fell on already saturated ground.",
        "Firefighters in rubber boats ferried elderly residents from the upper floors of flooded houses in the towns of Faenza and Lugo, where water reached the first floor of some buildings by dawn.",
        "\"We have never seen the river rise this fast,\" said Marco Bellini, a 58-year-old baker in Faenza who spent the night moving flour sacks to the attic. \"In two hours the street was a lake.\"",
        "Regional president Michele de Pascale asked the national government to declare a state of emergency and said the damage would run to hundreds of millions of euros.",
        "Premier Giorgia Meloni said her Cabinet would meet on Thursday to approve emergency funds and that the army had been placed on standby to help with evacuations.",
        "The Lamone, Senio and Santerno rivers all broke through their embankments in several places, according to the regional water authority, which said levels were still rising downstream.",
        "Train services between Bologna and the Adriatic coast were suspended, and the A14 motorway was closed for a 30-kilometer stretch near Imola after a landslide covered two lanes.",
        "Schools across the provinces of Ravenna, Forlì-Cesena and Bologna were closed for a second day, and local authorities urged residents not to travel unless it was absolutely necessary.",
        "Meteorologists said a slow-moving low-pressure system had stalled over the northern Apennines, dumping as much rain in 36 hours as the area usually receives in two months.",
        "The same region was devastated by floods in May 2023, when 17 people died and more than 36,000 were forced to leave their homes after weeks of heavy rain.",
        "Many residents said they had only just finished repairing the damage from that disaster when the water came back.",
        "\"We rebuilt the kitchen in March. Now it is all gone again,\" said Luisa Ferri, a retired teacher in Lugo, standing on a chair in her living room as muddy water swirled around the furniture.",
        "Environmental groups said the repeated flooding showed that Italy had failed to adapt its rivers and towns to a climate that is producing more frequent and more intense storms.",
        "Legambiente, one of the country's largest environmental organizations, said that only a fraction of the money promised for flood defenses after 2023 had been spent.",
        "The regional government disputed that figure, saying that more than 200 construction sites for river works had been opened in the past 18 months.",
        "Farmers' association Coldiretti said thousands of hectares of orchards and vineyards were under water, just weeks before the start of the fruit harvest.",
        "Emilia-Romagna is one of Italy's richest agricultural regions and a major producer of peaches, pears and apricots, as well as wine and Parmigiano Reggiano cheese.",
        "In the village of Modigliana, in the hills south of Faenza, landslides cut the only road into the town, and helicopters were used to bring in food and medicine.",
        "Mayor Jader Dardi said around 600 people were isolated in outlying hamlets and that power had been out since Tuesday evening.",
        "Electricity provider Enel said about 25,000 customers were without power across the region on Wednesday morning, down from 40,000 overnight.",
        "Water authorities warned residents of several towns to boil tap water before drinking it after treatment plants were flooded.",
        "The Italian Red Cross set up shelters in sports halls in Ravenna and Imola, where volunteers handed out blankets, hot meals and dry clothes.",
        "Hospitals in Faenza and Lugo moved patients from ground-floor wards to upper floors as a precaution, and ambulances were stationed on higher ground.",
        "Police said two people were missing after their car was swept off a road near the town of Brisighella on Tuesday night. Divers were searching the swollen river.",
        "Civil protection chief Fabio Ciciliano said the next 24 hours would be critical, with more rain forecast for Thursday over the same area.",
        "The national weather service issued a red alert, its highest level, for the provinces of Ravenna and Forlì-Cesena until Thursday evening.",
        "Insurance industry experts said most homeowners in the region were not covered against floods, because such policies are rare and expensive in Italy.",
        "A law passed last year requires businesses to insure their buildings against natural disasters, but the obligation does not extend to private homes.",
        "Opposition leader Elly Schlein, who is from the region, visited evacuees in Faenza and accused the government of cutting funds for climate adaptation.",
        "Government ministers rejected the criticism and said the priority was to help the people affected, not to trade blame.",
        "The European Commission said it stood ready to help Italy through the EU Civil Protection Mechanism if Rome asked for assistance.",
        "In 2023, the European Union approved more than 1.2 billion euros from its solidarity fund to help the region recover from the floods.",
        "Rain was expected to ease by Friday, meteorologists said, but they warned that rivers could keep rising for days as water drained from the mountains.",
    ]

    /// The write-through: the lede lightly rewritten, two paragraphs added (after 8 and at 28).
    static let added = [
        "Late on Wednesday, authorities ordered the evacuation of the historic center of Faenza after the Lamone broke through a second embankment on the edge of the old town.",
        "Police said on Wednesday evening that the body of one of the two missing motorists had been found about two kilometers downstream from where the car left the road.",
    ]
    static let rewrittenLede = "BOLOGNA, Italy (AP) — Rivers burst their banks across the northern Italian region of Emilia-Romagna on Wednesday after two days of torrential rain, forcing thousands of people from their homes and cutting off scores of villages in the foothills of the Apennines."

    static var writeThrough: [String] {
        var result = paragraphs
        result[0] = rewrittenLede
        result.insert(added[0], at: 8)
        result.insert(added[1], at: 27)
        return result
    }

    /// The same story with a spelling fixed in one paragraph.
    static var typoFixed: (first: [String], fixed: [String]) {
        var first = paragraphs
        first[14] = first[14].replacingOccurrences(of: "organizations", with: "organiaztions")
        return (first, paragraphs)
    }

    /// The same story with a figure corrected.
    static var figureCorrected: [String] {
        var result = paragraphs
        result[1] = result[1].replacingOccurrences(of: "4,000", with: "14,000")
        return result
    }

    /// The same story with one paragraph dropped and two swapped: nothing new to read.
    static var trimmed: [String] {
        var result = paragraphs
        result.remove(at: 31)
        result.swapAt(20, 21)
        return result
    }
}
