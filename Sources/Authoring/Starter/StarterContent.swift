/// The starter site's content: two case studies, quotes in a Markdown file and in a CSV, a page.
/// Written as a charity's learning team would, so that a new site reads right before it is edited.
enum StarterContent {
    static let youthPanelCaseStudy = #"""
        ---
        title: A youth panel that decides where the grants go
        programme: youth-voice
        organisation: Example Youth Partnership
        region: North West
        date: 2026-03-12
        themes: [shared-decisions, trust-takes-time]
        summary: Eight young people who had used the service joined the grants panel with a real vote, and changed what got funded.
        lessons:
          - theme: trust-takes-time
            text: The panel met four times before it made a decision, and **those meetings were the work**, not a delay.
          - theme: shared-decisions
            text: Giving the panel a vote, not a consultation, changed which projects were funded.
        quotes: [youth-panel-member]
        ---

        ## What happened

        The partnership set aside a fifth of its grants budget for a panel of young people aged 16
        to 24, each of whom had used its services. Panel members were paid for their time and
        trained alongside the staff who had run the grants process before.

        ## What changed

        In its first round the panel funded two peer-mentoring projects the staff had ranked low,
        and asked every applicant to say how young people would be involved after the grant.
        Applications now answer that question as a matter of course.

        """#

    static let parentsCaseStudy = #"""
        ---
        title: Parents redesign the Saturday drop-in
        programme: family-hubs
        date: 2025-11-04
        themes: [trust-takes-time, shared-decisions]
        summary: Parents who had stopped coming to the family hub told staff why, and then ran the redesign of its Saturday drop-in.
        lessons:
          - theme: trust-takes-time
            text: Parents spoke openly only after staff had come to them, at the school gate and the food bank.
          - theme: shared-decisions
            text: The new drop-in was planned by parents and staff together, and attendance doubled.
        ---

        ## Why it started

        Fewer families came to the hub's Saturday drop-in each month. Staff asked parents who had
        stopped coming what had changed, in the places those parents already were.

        ## What parents changed

        A group of six parents met staff for eight weeks. They moved the drop-in to the morning,
        added a space for toddlers and asked for a health visitor to be there once a month.

        """#

    static let youthPanelQuote = #"""
        ---
        speaker: Youth panel member        # a role, never a person's name
        programme: youth-voice
        case_study: youth-panel-shapes-grants
        themes: [shared-decisions]
        consent: public                    # public | internal | withdrawn: what the speaker agreed to
        consent_ref: YV-2026-004           # the consent form's id in your records; never published
        # consent_expires: 2028-03-31      # optional: after this date the quote counts as withdrawn
        date: 2026-03-12
        featured: true                     # a candidate for the home page and report call-outs
        ---
        For once we weren't asked what we thought and then ignored. We had a vote, and we used it.

        """#

    /// Many quotes in one spreadsheet, as a coding tool or a survey export gives them.
    static let interviewsCSV = """
        id,text,speaker,programme,themes,consent,consent_ref,case_study,date
        parent-mornings,"Saturday mornings work for us. Afternoons never did, with the football and the shopping.",Parent,family-hubs,shared-decisions,public,FH-2025-017,parents-redesign-drop-in,2025-11-04
        worker-school-gate,"We learned more in a month at the school gate than in a year of feedback forms.",Family support worker,family-hubs,trust-takes-time,public,FH-2025-021,parents-redesign-drop-in,2025-11-04
        panel-staff-budget,"Handing over a fifth of the budget felt risky. It was the best decision we made.",Grants officer,youth-voice,shared-decisions;trust-takes-time,internal,YV-2026-009,youth-panel-shapes-grants,2026-03-12

        """

    static let aboutPage = #"""
        ---
        title: About this site
        description: Who we are, where the evidence comes from and how we use people's words.
        weight: 10
        ---

        This site brings together what the projects Example Community Trust funds have learned
        about involving the people who use services in how those services are run.

        ## How we use people's words

        - A quote appears here only when the speaker agreed to it being published.
        - People can withdraw their consent at any time; their words then leave the site and every
          future report.
        - Some people agreed that their words be used only within our organisation: those quotes
          appear only in internal reports, never here.
        - We describe people by their role, such as "Parent" or "Youth panel member", never by name.

        """#
}
