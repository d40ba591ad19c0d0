extension Wording {
    /// The name of each word or phrase: `strings:` in casebook.yml and `{{t.NAME}}` in templates.
    public enum Key: String, CaseIterable, Sendable {
        // The chrome: skip link, menu, footer.
        case skipToContent, mainMenu, caseStudies, themes, programmes, quotes, lessons, search
        case footerQuestions, reports, printableReports, stayUpToDate, subscribeToFeed, ofNewCaseStudies
        case consentNotice, builtWith
        // Headings and links of the listing pages.
        case whatWeLearned, homeLedeBefore, homeLedeAfter
        case caseStudiesCount, lessonsCount, quotesCount, programmesCount
        case allThemesAndEvidence, inTheirOwnWords, allQuotes, latestCaseStudies, allCaseStudies
        case readTheReport, downloadThePDF, pdfOf, inTheReport, allThemes, pageNotFound
        // Month names, for dates.
        case january, february, march, april, may, june, july, august, september, october, november, december
    }

    static let english: [Key: String] = [
        .skipToContent: "Skip to main content", .mainMenu: "Main", .caseStudies: "Case studies", .themes: "Themes",
        .programmes: "Programmes", .quotes: "Quotes", .lessons: "Lessons", .search: "Search",
        .footerQuestions: "Questions, comments or corrections? Email", .reports: "Reports",
        .printableReports: "Printable reports", .stayUpToDate: "Stay up to date",
        .subscribeToFeed: "Subscribe to the Atom feed", .ofNewCaseStudies: "of new case studies.",
        .consentNotice: "Quotes are published with the consent of the people who said them.", .builtWith: "Built with",
        .whatWeLearned: "What we learned",
        .homeLedeBefore: "Case studies, lessons and the words of the people who took part: what",
        .homeLedeAfter: "and the projects it funds have learned.",
        .caseStudiesCount: "case studies", .lessonsCount: "lessons", .quotesCount: "quotes", .programmesCount: "programmes",
        .allThemesAndEvidence: "All themes and the evidence", .inTheirOwnWords: "In their own words",
        .allQuotes: "All quotes", .latestCaseStudies: "Latest case studies", .allCaseStudies: "All case studies",
        .readTheReport: "Read the report", .downloadThePDF: "Download the PDF", .pdfOf: "of",
        .inTheReport: "In the report", .allThemes: "All themes", .pageNotFound: "Page not found",
        .january: "January", .february: "February", .march: "March", .april: "April", .may: "May", .june: "June",
        .july: "July", .august: "August", .september: "September", .october: "October", .november: "November",
        .december: "December",
    ]

    /// Welsh, in the terms Welsh public bodies use (Astudiaethau achos, Themâu, Rhaglenni).
    static let welsh: [Key: String] = [
        .skipToContent: "Neidio i’r prif gynnwys", .mainMenu: "Prif", .caseStudies: "Astudiaethau achos",
        .themes: "Themâu", .programmes: "Rhaglenni", .quotes: "Dyfyniadau", .lessons: "Gwersi", .search: "Chwilio",
        .footerQuestions: "Cwestiynau, sylwadau neu gywiriadau? E-bostiwch", .reports: "Adroddiadau",
        .printableReports: "Adroddiadau i’w hargraffu", .stayUpToDate: "Cadw’n gyfoes",
        .subscribeToFeed: "Tanysgrifiwch i’r ffrwd Atom", .ofNewCaseStudies: "o astudiaethau achos newydd.",
        .consentNotice: "Cyhoeddir dyfyniadau gyda chaniatâd y bobl a’u dywedodd.", .builtWith: "Adeiladwyd gyda",
        .whatWeLearned: "Yr hyn a ddysgwyd",
        .homeLedeBefore: "Astudiaethau achos, gwersi a geiriau’r bobl a gymerodd ran: yr hyn y mae",
        .homeLedeAfter: "a’r prosiectau y mae’n eu hariannu wedi’i ddysgu.",
        .caseStudiesCount: "astudiaethau achos", .lessonsCount: "gwersi", .quotesCount: "dyfyniadau",
        .programmesCount: "rhaglenni",
        .allThemesAndEvidence: "Pob thema a’r dystiolaeth", .inTheirOwnWords: "Yn eu geiriau eu hunain",
        .allQuotes: "Pob dyfyniad", .latestCaseStudies: "Astudiaethau achos diweddaraf",
        .allCaseStudies: "Pob astudiaeth achos",
        .readTheReport: "Darllen yr adroddiad", .downloadThePDF: "Lawrlwytho’r PDF", .pdfOf: "o",
        .inTheReport: "Yn yr adroddiad", .allThemes: "Pob thema", .pageNotFound: "Heb ddod o hyd i’r dudalen",
        .january: "Ionawr", .february: "Chwefror", .march: "Mawrth", .april: "Ebrill", .may: "Mai", .june: "Mehefin",
        .july: "Gorffennaf", .august: "Awst", .september: "Medi", .october: "Hydref", .november: "Tachwedd",
        .december: "Rhagfyr",
    ]
}
