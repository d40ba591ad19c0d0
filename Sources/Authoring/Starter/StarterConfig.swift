/// The starter `casebook.yml`: every key with a comment saying what it does, so that a new user
/// learns the format by editing it. docs/content-format.md is the full contract.
enum StarterConfig {
    static let text = #"""
        # casebook.yml: this site's settings, and the themes and programmes your content refers to.
        # `casebook check` tells you (with the line) when something here is wrong.

        # The site's name: shown in the header, in browser tabs and on report covers.
        title: What we learned
        # Where the site will be published: an absolute http(s) address. Links in the feed, the
        # sitemap and each page's canonical link start with it.
        base_url: https://example.org/learning/
        # The language of your content, for screen readers and search engines (en-GB, cy, fr…).
        language: en-GB
        # Who publishes the site: shown in the footer and on reports.
        organisation: Example Community Trust
        # Where readers can write to you: shown in the site footer and in reports.
        contact_email: learning@example.org
        # Markdown shown on the home page, above the themes.
        introduction: |
          Since 2023 we have funded young people and parents to shape the services meant for them.
          This site brings together what those projects learned: case studies, the lessons they
          drew, and the words of the people who took part, published with their consent.
        # Your organisation's colours (hex, in quotes), font and logo, for the site and reports.
        # `casebook check` fails a colour that makes text too hard to read (WCAG 2.2 AA, 4.5:1).
        # brand:
        #   primary: "#0e4b48"
        #   accent: "#9c3f16"
        #   font: '"Source Sans 3", Arial, sans-serif'
        #   logo: images/logo.svg    # in static/
        #   logo_alt: Example Community Trust
        # The look: a folder under themes/. Leave it out for the built-in theme;
        # `casebook theme export` copies the built-in theme into themes/custom/ to start from.
        # theme: custom

        # Every quote must name the consent record it comes from (consent_ref: the form's id in
        # your records). casebook never publishes it; `casebook quotes` lists the quotes without one.
        require_consent_ref: true

        # The findings' themes. Lessons and quotes are grouped under them, in this order.
        # Each needs an id (a-z, 0-9 and -, used in content and web addresses) and a title.
        themes:
          - id: trust-takes-time
            title: Trust takes longer than the plan allows
            description: Projects that gave relationships time before asking for decisions got better ones.
          - id: shared-decisions
            title: Sharing decisions changes services
            description: When people who use a service decide with the staff who run it, the service changes shape.

        # The programmes you fund. When this list is present, a case study or quote naming another
        # programme is an error, which catches typos.
        programmes:
          - id: youth-voice
            title: Youth Voice
          - id: family-hubs
            title: Family Hubs

        # Printable reports: `casebook report` writes each into _reports/<id>/ (--pdf adds a PDF).
        # audience: public reports hold public quotes only and are also built into the website;
        # internal reports hold internal quotes too and are never put on the website.
        # Optional filters: themes: [ids], programmes: [ids], from: and to: (YYYY-MM-DD).
        reports:
          - id: what-we-learned
            title: What we learned
            subtitle: Lessons from Youth Voice and Family Hubs
            audience: public
          - id: board-review
            title: What we learned
            subtitle: Evidence review for the board (internal)
            audience: internal

        # The CSV exports in data/ start with a byte-order mark so that Excel reads accented
        # names correctly; `plain` leaves it out, for tools that do not expect one.
        # csv: excel

        # Names at the top of the output folder that are yours, which builds never remove
        # (a gh-pages checkout's .git; add CNAME or .nojekyll when you publish with them).
        keep: [.git]

        """#
}
