#!/usr/bin/env python3
"""Generates a casebook site of N case studies and M quotes, for benchmarks.

Usage: generate-site.py FOLDER [--case-studies 1000] [--quotes 5000] [--seed 1]
                               [--csv-files 2] [--csv-share 0.1] [--reports 1] [--hugo HUGO_FOLDER]

The same arguments always give the same site (Python's `random.Random(seed)` only; no clock, no
hash order). What it writes, as issue #6 asks:

- casebook.yml with 8 themes and 12 programmes (and `--reports` public reports, 1 by default);
- content/case-studies/case-NNNNN.md: 800 to 1,500 words of varied CommonMark each (headings,
  paragraphs with emphasis, strong, code spans and links, bullet and ordered lists, block quotes,
  fenced code), 1 to 3 themes, 1 to 3 lessons whose themes are among the case study's themes;
- content/quotes/q-NNNNN.md and `--csv-files` CSV files (`--csv-share` of all quotes) with themes,
  programme, often a case_study, a few featured; about 3 % `internal` and 2 % `withdrawn`;
- content/pages/about.md.

With `--hugo HUGO_FOLDER` it also writes the same content as a Hugo site (content/ and data/;
bench/compare-hugo.sh adds bench/hugo-site/hugo.toml and layouts/): the same front matter as
Hugo params, one Markdown file per quote (CSV rows too, since Hugo 0.111 cannot read CSV as
content), stub pages for themes and programmes, and data/themes.yaml and data/programmes.yaml.
"""
import argparse
import csv
import io
import os
import random

THEMES = [
    ("hard-work", "Co-production is hard work, but worth it"),
    ("shared-benefits", "There are benefits for all involved"),
    ("power-sharing", "Sharing power means changing how decisions are made"),
    ("lived-experience", "Lived experience is expertise"),
    ("trust", "Trust is built slowly and lost quickly"),
    ("funding", "Flexible funding makes room for learning"),
    ("systems-change", "Small projects can change big systems"),
    ("wellbeing", "Taking part improves wellbeing"),
]
PROGRAMMES = [
    ("talent-match", "Talent Match"),
    ("a-better-start", "A Better Start"),
    ("fulfilling-lives", "Fulfilling Lives"),
    ("ageing-better", "Ageing Better"),
    ("headstart", "HeadStart"),
    ("reaching-communities", "Reaching Communities"),
    ("awards-for-all", "Awards for All"),
    ("place-based", "Place-Based Funding"),
    ("youth-investment", "Youth Investment Fund"),
    ("climate-action", "Climate Action Fund"),
    ("digital-fund", "Digital Fund"),
    ("partnerships", "Partnerships Programme"),
]
WORDS = ("co-production people services young parents staff trust budget decisions panel council "
         "community workshop mentor peer confidence skills network evidence outcome design commission "
         "funding volunteer training listen voice change power share learn time patience result "
         "partnership board meeting family carers health housing school college employer worker "
         "survey interview story priority plan review month year week session group friend neighbour "
         "library centre garden kitchen bus phone letter report money grant risk support advice "
         "together slowly openly honestly differently properly first second final early late local "
         "national small large new old better harder clearer fairer").split()
SPEAKERS = ["Young person", "Parent", "Peer mentor", "Project worker", "Commissioner", "Volunteer",
            "Carer", "Board member", "Participant", "Staff member"]
REGIONS = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
           "East of England", "London", "South East", "South West", "Wales", "Scotland", "Northern Ireland"]
CODE_SNIPPETS = [
    ("python", ["responses = load('survey.csv')", "by_theme = group(responses, 'theme')",
                "for theme, rows in by_theme.items():", "    print(theme, len(rows))"]),
    ("sql", ["SELECT programme, count(*)", "FROM sessions", "WHERE attended = true", "GROUP BY programme;"]),
    ("yaml", ["panel:", "  members: 12", "  meets: monthly", "  budget: 25000"]),
    ("", ["Week 1: listen", "Week 2: agree the questions", "Week 3: decide together"]),
]


def words(rng, n):
    return [rng.choice(WORDS) for _ in range(n)]


def sentence(rng, n):
    return " ".join(words(rng, n)).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(4, 8)))


def inline_sentence(rng, n):
    """A sentence of n words with some inline CommonMark: emphasis, strong, code spans, links."""
    out = words(rng, n)
    for _ in range(rng.randint(0, 2)):
        i = rng.randrange(len(out))
        kind = rng.random()
        if kind < 0.35:
            out[i] = f"*{out[i]}*"
        elif kind < 0.65:
            out[i] = f"**{out[i]}**"
        elif kind < 0.75:
            out[i] = f"`{out[i]}`"
        elif kind < 0.95:
            out[i] = f"[{out[i]}](https://example.org/{rng.choice(WORDS)}/{rng.randint(1, 999)})"
        else:
            out[i] = f"_{out[i]}_"
    text = " ".join(out)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])


def rich_paragraph(rng):
    sentences = [inline_sentence(rng, rng.randint(8, 22)) for _ in range(rng.randint(3, 7))]
    return " ".join(sentences), sum(s.count(" ") + 1 for s in sentences)


def block(rng):
    """One Markdown block other than a plain paragraph, and roughly how many words it holds."""
    kind = rng.random()
    if kind < 0.30:
        items = [inline_sentence(rng, rng.randint(4, 12)) for _ in range(rng.randint(3, 6))]
        return "\n".join(f"- {item}" for item in items), sum(i.count(" ") + 1 for i in items)
    if kind < 0.50:
        items = [inline_sentence(rng, rng.randint(5, 14)) for _ in range(rng.randint(3, 5))]
        return "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)), sum(i.count(" ") + 1 for i in items)
    if kind < 0.75:
        text, count = rich_paragraph(rng)
        quote = f"> {text}\n>\n> — {rng.choice(SPEAKERS)}"
        return quote, count + 2
    if kind < 0.90:
        language, lines = rng.choice(CODE_SNIPPETS)
        return f"```{language}\n" + "\n".join(lines) + "\n```", sum(len(l.split()) for l in lines)
    items = [inline_sentence(rng, rng.randint(4, 10)) for _ in range(rng.randint(2, 4))]
    nested = "\n".join(f"- {item}\n  - {inline_sentence(rng, 5)}" for item in items)
    return nested, sum(i.count(" ") + 1 for i in items) + 5 * len(items)


def body(rng):
    """800 to 1,500 words of varied CommonMark."""
    target = rng.randint(830, 1340)  # the last paragraph or block overshoots by up to ~150 words
    parts, count = [], 0
    intro, n = rich_paragraph(rng)
    parts.append(intro)
    count += n
    while count < target:
        level = "##" if rng.random() < 0.7 else "###"
        heading = sentence(rng, rng.randint(2, 6))[:-1]
        parts.append(f"{level} {heading}")
        count += heading.count(" ") + 1
        for _ in range(rng.randint(1, 3)):
            if count >= target:
                break
            text, n = rich_paragraph(rng)
            parts.append(text)
            count += n
            if rng.random() < 0.5 and count < target:
                text, n = block(rng)
                parts.append(text)
                count += n
    return "\n\n".join(parts)


def yaml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def consent_of(rng):
    r = rng.random()
    return "withdrawn" if r < 0.02 else "internal" if r < 0.05 else "public"


def main():
    parser = argparse.ArgumentParser(description="Generate a casebook benchmark site (deterministic).")
    parser.add_argument("folder")
    parser.add_argument("--case-studies", type=int, default=1000)
    parser.add_argument("--quotes", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--csv-files", type=int, default=2, help="CSV quote files (default 2)")
    parser.add_argument("--csv-share", type=float, default=0.1, help="share of the quotes in CSV files (default 0.1)")
    parser.add_argument("--reports", type=int, default=1, help="public reports in casebook.yml (default 1)")
    parser.add_argument("--hugo", metavar="HUGO_FOLDER", help="also write the same content as a Hugo site here")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    root, hugo = args.folder, args.hugo
    for sub in ("content/case-studies", "content/quotes", "content/pages"):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
    if hugo:
        for sub in ("content/case-studies", "content/quotes", "content/pages", "content/themes",
                    "content/programmes", "data"):
            os.makedirs(os.path.join(hugo, sub), exist_ok=True)

    theme_ids = [t for t, _ in THEMES]
    programme_ids = [p for p, _ in PROGRAMMES]
    descriptions = {t: f"{sentence(rng, 14)} Why **{t.replace('-', ' ')}** matters." for t in theme_ids}

    with open(os.path.join(root, "casebook.yml"), "w") as f:
        f.write('title: "Generated benchmark site"\nbase_url: https://example.org/bench/\nlanguage: en-GB\n')
        f.write("organisation: Bench Fund\ncontact_email: bench@example.org\nthemes:\n")
        for t, title in THEMES:
            f.write(f"  - id: {t}\n    title: {yaml_str(title)}\n    description: {yaml_str(descriptions[t])}\n")
        f.write("programmes:\n")
        for p, title in PROGRAMMES:
            f.write(f"  - id: {p}\n    title: {yaml_str(title)}\n")
        if args.reports > 0:
            f.write("reports:\n")
            for r in range(args.reports):
                f.write(f"  - id: lessons{'' if r == 0 else '-' + str(r + 1)}\n    title: Lessons\n    audience: public\n")

    if hugo:
        with open(os.path.join(hugo, "data/themes.yaml"), "w") as f:
            for t, title in THEMES:
                f.write(f"- id: {t}\n  title: {yaml_str(title)}\n  description: {yaml_str(descriptions[t])}\n")
        with open(os.path.join(hugo, "data/programmes.yaml"), "w") as f:
            for p, title in PROGRAMMES:
                f.write(f"- id: {p}\n  title: {yaml_str(title)}\n")
        stubs = {
            "content/_index.md": "---\ntitle: Generated benchmark site\n---\n",
            "content/case-studies/_index.md": "---\ntitle: Case studies\n---\n",
            "content/themes/_index.md": "---\ntitle: Themes\n---\n",
            "content/programmes/_index.md": "---\ntitle: Programmes\n---\n",
            "content/pages/_index.md": "---\ntitle: Pages\n_build: {render: never, list: always}\n---\n",
            # The quotes section is the quotes page; single quotes are listed but never rendered, as in casebook.
            "content/quotes/_index.md": ("---\ntitle: Quotes\ncascade:\n  - _target:\n      kind: page\n"
                                         "    _build:\n      render: never\n      list: always\n---\n"),
        }
        for weight, (t, title) in enumerate(THEMES, 1):
            stubs[f"content/themes/{t}.md"] = f"---\ntitle: {yaml_str(title)}\nid: {t}\nweight: {weight}\n---\n"
        for weight, (p, title) in enumerate(PROGRAMMES, 1):
            stubs[f"content/programmes/{p}.md"] = f"---\ntitle: {yaml_str(title)}\nid: {p}\nweight: {weight}\n---\n"
        for path, text in stubs.items():
            with open(os.path.join(hugo, path), "w") as f:
                f.write(text)

    def write_both(sub, name, text):
        with open(os.path.join(root, sub, name), "w") as f:
            f.write(text)
        if hugo:
            with open(os.path.join(hugo, sub, name), "w") as f:
                f.write(text)

    slugs = []
    for i in range(args.case_studies):
        slug = f"case-{i:05d}"
        slugs.append(slug)
        themes = rng.sample(theme_ids, rng.randint(1, 3))
        lessons = "".join(
            f"  - theme: {rng.choice(themes)}\n    text: {yaml_str(inline_sentence(rng, rng.randint(8, 16)))}\n"
            for _ in range(rng.randint(1, 3)))
        date = f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        text = (f"---\ntitle: {sentence(rng, 5)[:-1]}\nprogramme: {rng.choice(programme_ids)}\n"
                f"organisation: Org {i}\nregion: {REGIONS[i % len(REGIONS)]}\ndate: {date}\n"
                f"themes: [{', '.join(themes)}]\nsummary: {yaml_str(inline_sentence(rng, 16))}\n"
                f"lessons:\n{lessons}---\n\n{body(rng)}\n")
        write_both("content/case-studies", slug + ".md", text)

    csv_count = int(args.quotes * args.csv_share) if args.csv_files > 0 else 0
    md_count = args.quotes - csv_count
    csv_rows = [[] for _ in range(max(args.csv_files, 1))]
    for i in range(args.quotes):
        themes = rng.sample(theme_ids, rng.randint(1, 2))
        programme = rng.choice(programme_ids)
        case_study = rng.choice(slugs) if slugs and rng.random() < 0.4 else None
        consent = consent_of(rng)
        date = f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"
        featured = rng.random() < 0.004
        text = inline_sentence(rng, rng.randint(10, 40))
        speaker = rng.choice(SPEAKERS)
        consent_ref = f"CF-{2015 + i % 11}-{i:05d}" if rng.random() < 0.5 else None
        slug = f"q-{i:05d}"
        front = (f"---\nspeaker: {speaker}\nprogramme: {programme}\n"
                 + (f"case_study: {case_study}\n" if case_study else "")
                 + f"themes: [{', '.join(themes)}]\nconsent: {consent}\n"
                 + (f"consent_ref: {consent_ref}\n" if consent_ref else "")
                 + f"date: {date}\nfeatured: {'true' if featured else 'false'}\n---\n{text}\n")
        if i < md_count:
            write_both("content/quotes", slug + ".md", front)
        else:
            csv_rows[(i - md_count) % len(csv_rows)].append(
                [text, speaker, programme, ";".join(themes), consent, case_study or "", date,
                 "true" if featured else "false", slug, consent_ref or ""])
            if hugo:  # Hugo reads no CSV content: the same quote as a Markdown file
                with open(os.path.join(hugo, "content/quotes", slug + ".md"), "w") as f:
                    f.write(front)
    if csv_count:
        for n, rows in enumerate(csv_rows, 1):
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["text", "speaker", "programme", "themes", "consent", "case_study", "date",
                             "featured", "id", "consent_ref"])
            writer.writerows(rows)
            with open(os.path.join(root, "content/quotes", f"survey-{n}.csv"), "w") as f:
                f.write(out.getvalue())

    write_both("content/pages", "about.md", "---\ntitle: About\n---\n\n" + paragraph(rng) + "\n")


if __name__ == "__main__":
    main()
