#!/usr/bin/env python3
"""Generates a casebook site of N case studies and M quotes, for benchmarks.

Usage: generate-site.py FOLDER [--case-studies 1000] [--quotes 5000] [--seed 1]
The same arguments always give the same site.
"""
import argparse
import os
import random

THEMES = ["hard-work", "shared-benefits", "power-sharing", "lived-experience", "trust", "funding"]
PROGRAMMES = ["talent-match", "a-better-start", "fulfilling-lives", "ageing-better", "headstart"]
WORDS = ("co-production people services young parents staff trust budget decisions panel council "
         "community workshop mentor peer confidence skills network evidence outcome design commission "
         "funding volunteer training listen voice change power share learn time patience result").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(4, 8)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--case-studies", type=int, default=1000)
    parser.add_argument("--quotes", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    root = args.folder
    for sub in ("content/case-studies", "content/quotes", "content/pages"):
        os.makedirs(os.path.join(root, sub), exist_ok=True)

    with open(os.path.join(root, "casebook.yml"), "w") as f:
        f.write('title: "Generated benchmark site"\nbase_url: https://example.org/bench/\nlanguage: en-GB\n')
        f.write("organisation: Bench Fund\ncontact_email: bench@example.org\nthemes:\n")
        for t in THEMES:
            f.write(f'  - id: {t}\n    title: "Theme {t}"\n    description: "About **{t}**."\n')
        f.write("programmes:\n")
        for p in PROGRAMMES:
            f.write(f"  - id: {p}\n    title: Programme {p}\n")
        f.write("reports:\n  - id: lessons\n    title: Lessons\n    audience: public\n")

    slugs = []
    for i in range(args.case_studies):
        slug = f"case-{i:05d}"
        slugs.append(slug)
        themes = rng.sample(THEMES, rng.randint(1, 3))
        lessons = "".join(
            f"  - theme: {rng.choice(themes)}\n    text: \"{sentence(rng, 12)} **{rng.choice(WORDS)}**\"\n"
            for _ in range(rng.randint(1, 4)))
        body = "\n\n".join(f"## {sentence(rng, 3)}\n\n{paragraph(rng)}\n\n{paragraph(rng)}" for _ in range(4))
        with open(os.path.join(root, "content/case-studies", slug + ".md"), "w") as f:
            f.write(f"---\ntitle: {sentence(rng, 5)[:-1]}\nprogramme: {rng.choice(PROGRAMMES)}\n"
                    f"organisation: Org {i}\nregion: Region {i % 9}\n"
                    f"date: {2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
                    f"themes: [{', '.join(themes)}]\nsummary: \"{sentence(rng, 16)}\"\nlessons:\n{lessons}---\n\n{body}\n")

    for i in range(args.quotes):
        themes = rng.sample(THEMES, rng.randint(1, 2))
        case_study = f"case_study: {rng.choice(slugs)}\n" if slugs and i % 3 == 0 else ""
        with open(os.path.join(root, "content/quotes", f"q-{i:05d}.md"), "w") as f:
            f.write(f"---\nspeaker: Participant\nprogramme: {rng.choice(PROGRAMMES)}\n{case_study}"
                    f"themes: [{', '.join(themes)}]\nconsent: public\ndate: {2015 + i % 11}-03-01\n"
                    f"featured: {'true' if i % 500 == 0 else 'false'}\n---\n{sentence(rng, 18)}\n")

    with open(os.path.join(root, "content/pages/about.md"), "w") as f:
        f.write("---\ntitle: About\n---\n\n" + paragraph(rng) + "\n")


if __name__ == "__main__":
    main()
