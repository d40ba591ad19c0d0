extension Wording {
    /// The name of each word or phrase: `strings:` in casebook.yml and `{{t.NAME}}` in templates.
    public enum Key: String, CaseIterable, Sendable {
        // The chrome: skip link, menu, footer.
        case skipToContent, mainMenu, caseStudies, themes, programmes, quotes, lessons, search
        case footerQuestions, reports, printableReports, stayUpToDate, subscribeToFeed, ofNewCaseStudies
        case consentNotice, builtWith
        // The language switch of a site in two languages: its label, and this language's own name.
        case language, languageName
        // Headings and links of the listing pages.
        case whatWeLearned, homeLedeBefore, homeLedeAfter
        case caseStudiesCount, lessonsCount, quotesCount, programmesCount
        case allThemesAndEvidence, inTheirOwnWords, allQuotes, latestCaseStudies, allCaseStudies
        case readTheReport, downloadThePDF, pdfOf, inTheReport, allThemes, pageNotFound
        // The case-study page and the listing pages.
        case published, themeLabel, themesLede, theThemes, evidenceForEachTheme, themesMatrixIntro, themesMatrixCaption
        case caseStudiesLede, allCaseStudiesNewestFirst, noCaseStudiesYet
        case programmesKicker, programmesLede, evidenceFromEachProgramme, searchFor
        // The quotes, search and 404 pages.
        case quotesLedeAfterCount, quoteThemes, jumpToATheme, quotesHidden, filterQuotes, showAll
        case searchLede, notFoundLede, fromCaseStudy
        case notFoundTry, notFoundHomeBefore, notFoundHome, notFoundAllBefore, notFoundThemesBefore, notFoundThemes
        case notFoundThemesAfter, notFoundSearch, searchLessonSummary
        // Page descriptions (`<meta name=description>`); `{name}` is filled in.
        case homeDescription, caseStudiesDescription, themesDescription, programmesDescription, programmeDescription
        case quotesDescription, searchDescription, notFoundDescription, otherVoices
        // Charts: titles, and descriptions read out in place of the picture.
        case chartThemesTitle, chartProgrammesTitle, matrixThemesTitle, matrixProgrammesTitle
        case barDescriptionThemes, barDescriptionProgrammes, mostQuotes, mostCaseStudies
        case matrixDescriptionThemes, matrixDescriptionProgrammes
        // Reports: headings, labels and what "about this report" says of its filters.
        case contents, summary, evidenceByTheme, theme, programme, organisation, region, date, internalMark
        case evidenceMatrix, matrixIntro, matrixCaption, appendixCaseStudies, aboutThisReport, whatThisReportIncludes
        case reportSummarySentence, reportProducedBy, reportConsent, tellUsWhatYouThink, feedbackIntro, writeToUsAt, internalNotice
        case audience, audiencePublic, audienceInternal, allProgrammes, period, periodTo, periodFrom, periodUpTo, allDates
        // Month names, for dates.
        case january, february, march, april, may, june, july, august, september, october, november, december
    }

    static let english: [Key: String] = [
        .language: "Language", .languageName: "English",
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
        .published: "Published", .themeLabel: "Theme:",
        .themesLede: "The findings, grouped into themes. Each theme brings together lessons, quotes and case studies from across our programmes.",
        .theThemes: "The themes", .evidenceForEachTheme: "Evidence for each theme",
        .themesMatrixIntro: "How much evidence each programme has contributed to each theme. Follow a theme or programme to read it.",
        .themesMatrixCaption: "Case studies, lessons and quotes for each theme, by programme",
        .caseStudiesLede: "Stories from the projects we fund: what they set out to do, what changed, and what they learned along the way.",
        .allCaseStudiesNewestFirst: "All case studies, newest first", .noCaseStudiesYet: "There are no case studies yet.",
        .programmesKicker: "Where the evidence comes from", .programmesLede: "The programmes whose projects shared what they learned.",
        .evidenceFromEachProgramme: "Evidence from each programme", .searchFor: "Search for",
        .quotesLedeAfterCount:
            "quotes from people who took part in the programmes, grouped by theme. Every quote is published with the speaker’s consent, and people are described by their role, never by name.",
        .quoteThemes: "Quote themes", .jumpToATheme: "Jump to a theme", .quotesHidden: "quotes", .filterQuotes: "Filter quotes",
        .fromCaseStudy: "From", .showAll: "Show all",
        .notFoundTry: "You could try:", .notFoundHomeBefore: "the", .notFoundHome: "home page", .notFoundAllBefore: "all",
        .notFoundThemesBefore: "the", .notFoundThemes: "themes", .notFoundThemesAfter: "and what we learned",
        .notFoundSearch: "searching the site", .searchLessonSummary: "From {caseStudy}, under {theme}", .searchLede: "Search the case studies, lessons, quotes, themes, programmes and pages.",
        .notFoundLede: "Sorry, we could not find that page. It may have moved, or the address may be mistyped.",
        .homeDescription: "Case studies, lessons and quotes from {organisation}.",
        .caseStudiesDescription: "All {count} case studies, newest first.",
        .themesDescription: "What we learned, theme by theme, and the evidence behind each.",
        .programmesDescription: "The programmes whose case studies and voices this site brings together.",
        .programmeDescription: "Case studies and quotes from {programme}.",
        .quotesDescription: "In their own words: {count} quotes from people involved, by theme.",
        .searchDescription: "Search the case studies, themes and pages.", .notFoundDescription: "The page you asked for is not here.",
        .otherVoices: "Other voices",
        .chartThemesTitle: "Quotes and case studies by theme", .chartProgrammesTitle: "Quotes and case studies by programme",
        .matrixThemesTitle: "Evidence matrix: themes by programme", .matrixProgrammesTitle: "Evidence matrix: programmes by theme",
        .barDescriptionThemes:
            "Bar chart. For each theme, a solid bar for its quotes and a striped bar for its case studies, each with its number at its end.",
        .barDescriptionProgrammes:
            "Bar chart. For each programme, a solid bar for its quotes and a striped bar for its case studies, each with its number at its end.",
        .mostQuotes: "Most quotes:", .mostCaseStudies: "Most case studies:",
        .matrixDescriptionThemes: "Bubble grid. Each row is a theme and each column a programme. A circle's area grows with the number of case studies, lessons and quotes together, written on the circle; 0 marks a cell with no evidence yet.",
        .matrixDescriptionProgrammes: "Bubble grid. Each row is a programme and each column a theme. A circle's area grows with the number of case studies, lessons and quotes together, written on the circle; 0 marks a cell with no evidence yet.",
        .contents: "Contents", .summary: "Summary", .evidenceByTheme: "Evidence by theme", .theme: "Theme",
        .programme: "Programme", .organisation: "Organisation", .region: "Region", .date: "Date", .internalMark: "(internal)",
        .evidenceMatrix: "Evidence matrix",
        .matrixIntro: "Each cell counts the case studies, lessons and quotes for a theme within a programme.",
        .matrixCaption: "Themes by programme: case studies / lessons / quotes",
        .appendixCaseStudies: "Appendix: case studies", .aboutThisReport: "About this report",
        .whatThisReportIncludes: "What this report includes",
        .reportSummarySentence:
            "This report brings together {lessons} lessons from {caseStudies} case studies across {programmes} programmes, with {quotes} quotes from the people involved, grouped under {themes} themes.",
        .reportProducedBy:
            "This report was produced from the case studies and quotes published by {organisation}. The same content is on the website at {url}.",
        .reportConsent: "Quotes appear only with the consent of the person quoted. People are described by their role, never by name.",
        .tellUsWhatYouThink: "Tell us what you think",
        .feedbackIntro: "We would like to hear what you found useful in this report, what was missing, and what you would do differently.",
        .writeToUsAt: "Write to us at",
        .internalNotice: "Internal: not for publication. Contains quotes given for internal use only.",
        .audience: "Audience", .audiencePublic: "Public: public quotes only", .audienceInternal: "Internal: public and internal quotes",
        .allProgrammes: "All programmes", .period: "Period", .periodTo: "to", .periodFrom: "From", .periodUpTo: "Up to",
        .allDates: "All dates",
        .january: "January", .february: "February", .march: "March", .april: "April", .may: "May", .june: "June",
        .july: "July", .august: "August", .september: "September", .october: "October", .november: "November",
        .december: "December",
    ]

    /// Welsh, in the terms Welsh public bodies use (Astudiaethau achos, Themâu, Rhaglenni).
    static let welsh: [Key: String] = [
        .language: "Iaith", .languageName: "Cymraeg",
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
        .published: "Cyhoeddwyd", .themeLabel: "Thema:",
        .themesLede: "Y canfyddiadau, wedi’u grwpio’n themâu. Mae pob thema’n dwyn ynghyd wersi, dyfyniadau ac astudiaethau achos o bob un o’n rhaglenni.",
        .theThemes: "Y themâu", .evidenceForEachTheme: "Tystiolaeth ar gyfer pob thema",
        .themesMatrixIntro: "Faint o dystiolaeth y mae pob rhaglen wedi’i chyfrannu at bob thema. Dilynwch thema neu raglen i’w darllen.",
        .themesMatrixCaption: "Astudiaethau achos, gwersi a dyfyniadau ar gyfer pob thema, fesul rhaglen",
        .caseStudiesLede: "Straeon gan y prosiectau a ariannwn: beth oedd eu nod, beth a newidiodd, a beth a ddysgwyd ar hyd y ffordd.",
        .allCaseStudiesNewestFirst: "Pob astudiaeth achos, y diweddaraf yn gyntaf", .noCaseStudiesYet: "Nid oes astudiaethau achos eto.",
        .programmesKicker: "O ble daw’r dystiolaeth", .programmesLede: "Y rhaglenni y rhannodd eu prosiectau yr hyn a ddysgwyd ganddynt.",
        .evidenceFromEachProgramme: "Tystiolaeth o bob rhaglen", .searchFor: "Chwilio am",
        .quotesLedeAfterCount:
            "dyfyniad gan bobl a gymerodd ran yn y rhaglenni, wedi’u grwpio fesul thema. Cyhoeddir pob dyfyniad gyda chaniatâd y siaradwr, a disgrifir pobl yn ôl eu rôl, byth wrth eu henw.",
        .quoteThemes: "Themâu’r dyfyniadau", .jumpToATheme: "Neidio i thema", .quotesHidden: "dyfyniad", .filterQuotes: "Hidlo dyfyniadau",
        .fromCaseStudy: "O’r astudiaeth achos", .showAll: "Dangos y cyfan",
        .notFoundTry: "Gallech roi cynnig ar:", .notFoundHomeBefore: "yr", .notFoundHome: "hafan", .notFoundAllBefore: "yr holl",
        .notFoundThemesBefore: "y", .notFoundThemes: "themâu", .notFoundThemesAfter: "a’r hyn a ddysgwyd",
        .notFoundSearch: "chwilio’r wefan", .searchLessonSummary: "O {caseStudy}, o dan {theme}", .searchLede: "Chwilio’r astudiaethau achos, y gwersi, y dyfyniadau, y themâu, y rhaglenni a’r tudalennau.",
        .notFoundLede: "Mae’n ddrwg gennym, ni allem ddod o hyd i’r dudalen honno. Efallai ei bod wedi symud, neu fod y cyfeiriad wedi’i deipio’n anghywir.",
        .homeDescription: "Astudiaethau achos, gwersi a dyfyniadau gan {organisation}.",
        .caseStudiesDescription: "Pob un o’r {count} astudiaeth achos, y diweddaraf yn gyntaf.",
        .themesDescription: "Yr hyn a ddysgwyd, fesul thema, a’r dystiolaeth y tu ôl i bob un.",
        .programmesDescription: "Y rhaglenni y mae’r wefan hon yn dwyn ynghyd eu hastudiaethau achos a’u lleisiau.",
        .programmeDescription: "Astudiaethau achos a dyfyniadau o {programme}.",
        .quotesDescription: "Yn eu geiriau eu hunain: {count} dyfyniad gan bobl a fu’n rhan, fesul thema.",
        .searchDescription: "Chwilio’r astudiaethau achos, y themâu a’r tudalennau.",
        .notFoundDescription: "Nid yw’r dudalen y gofynnoch amdani yma.", .otherVoices: "Lleisiau eraill",
        .chartThemesTitle: "Dyfyniadau ac astudiaethau achos fesul thema",
        .chartProgrammesTitle: "Dyfyniadau ac astudiaethau achos fesul rhaglen",
        .matrixThemesTitle: "Matrics tystiolaeth: themâu fesul rhaglen", .matrixProgrammesTitle: "Matrics tystiolaeth: rhaglenni fesul thema",
        .barDescriptionThemes:
            "Siart bar. Ar gyfer pob thema, bar solet ar gyfer ei dyfyniadau a bar streipiog ar gyfer ei hastudiaethau achos, pob un â’i rif ar ei ddiwedd.",
        .barDescriptionProgrammes:
            "Siart bar. Ar gyfer pob rhaglen, bar solet ar gyfer ei dyfyniadau a bar streipiog ar gyfer ei hastudiaethau achos, pob un â’i rif ar ei ddiwedd.",
        .mostQuotes: "Y nifer mwyaf o ddyfyniadau:", .mostCaseStudies: "Y nifer mwyaf o astudiaethau achos:",
        .matrixDescriptionThemes: "Grid swigod. Mae pob rhes yn thema a phob colofn yn rhaglen. Mae arwynebedd cylch yn tyfu gyda nifer yr astudiaethau achos, y gwersi a’r dyfyniadau gyda’i gilydd, a ysgrifennir ar y cylch; mae 0 yn dynodi cell heb dystiolaeth eto.",
        .matrixDescriptionProgrammes: "Grid swigod. Mae pob rhes yn rhaglen a phob colofn yn thema. Mae arwynebedd cylch yn tyfu gyda nifer yr astudiaethau achos, y gwersi a’r dyfyniadau gyda’i gilydd, a ysgrifennir ar y cylch; mae 0 yn dynodi cell heb dystiolaeth eto.",
        .contents: "Cynnwys", .summary: "Crynodeb", .evidenceByTheme: "Tystiolaeth fesul thema", .theme: "Thema",
        .programme: "Rhaglen", .organisation: "Sefydliad", .region: "Rhanbarth", .date: "Dyddiad", .internalMark: "(mewnol)",
        .evidenceMatrix: "Matrics tystiolaeth",
        .matrixIntro: "Mae pob cell yn cyfrif yr astudiaethau achos, y gwersi a’r dyfyniadau ar gyfer thema o fewn rhaglen.",
        .matrixCaption: "Themâu fesul rhaglen: astudiaethau achos / gwersi / dyfyniadau",
        .appendixCaseStudies: "Atodiad: astudiaethau achos", .aboutThisReport: "Am yr adroddiad hwn",
        .whatThisReportIncludes: "Beth sydd yn yr adroddiad hwn",
        .reportSummarySentence:
            "Mae’r adroddiad hwn yn dwyn ynghyd {lessons} gwers o {caseStudies} astudiaeth achos ar draws {programmes} rhaglen, gyda {quotes} dyfyniad gan y bobl a fu’n rhan, wedi’u grwpio o dan {themes} thema.",
        .reportProducedBy:
            "Lluniwyd yr adroddiad hwn o’r astudiaethau achos a’r dyfyniadau a gyhoeddwyd gan {organisation}. Mae’r un cynnwys ar y wefan yn {url}.",
        .reportConsent: "Dim ond gyda chaniatâd y sawl a ddyfynnir y mae dyfyniadau’n ymddangos. Disgrifir pobl yn ôl eu rôl, byth wrth eu henw.",
        .tellUsWhatYouThink: "Dywedwch wrthym beth yw eich barn",
        .feedbackIntro: "Hoffem glywed beth oedd yn ddefnyddiol i chi yn yr adroddiad hwn, beth oedd ar goll, a beth fyddech chi’n ei wneud yn wahanol.",
        .writeToUsAt: "Ysgrifennwch atom yn",
        .internalNotice: "Mewnol: nid i’w gyhoeddi. Yn cynnwys dyfyniadau a roddwyd at ddefnydd mewnol yn unig.",
        .audience: "Cynulleidfa", .audiencePublic: "Cyhoeddus: dyfyniadau cyhoeddus yn unig",
        .audienceInternal: "Mewnol: dyfyniadau cyhoeddus a mewnol",
        .allProgrammes: "Pob rhaglen", .period: "Cyfnod", .periodTo: "i", .periodFrom: "O", .periodUpTo: "Hyd at",
        .allDates: "Pob dyddiad",
        .january: "Ionawr", .february: "Chwefror", .march: "Mawrth", .april: "Ebrill", .may: "Mai", .june: "Mehefin",
        .july: "Gorffennaf", .august: "Awst", .september: "Medi", .october: "Hydref", .november: "Tachwedd",
        .december: "Rhagfyr",
    ]
}
