"""Synthetic news archives for testing and timing ``sourcelint audit``.

Run: ``python bench/archive.py OUT --articles 20000 --format jsonl|parquet|dir [--seed 0]
[--row-group-size 1000]``. It writes ``OUT`` as JSON Lines, as a Parquet file (in row
groups, so memory stays bounded however many articles) or as a folder of ``.txt`` files
(``<outlet-slug>/<id>.txt``), and prints the path, the articles and the bytes written.

An audit reports the share of anonymous and second-hand attributions per outlet, author
and month, so an archive to test it needs those shares to differ in known ways, at any
size, without shipping real articles (whose text is not ours to copy). Every article here
is built from the sentence templates below, their slots filled with invented people,
titles, bodies, places and outlets. There are six kinds of sentence (``KINDS``): named
attribution, anonymous sources, second-hand attribution, loaded verbs, plain sentences
and named quotations. Each outlet draws them in its own mix (one leans on anonymous
sources, one on wire copy, one stays on the record, one on loaded verbs), the authors of
an outlet lean more or less on anonymity, and the anonymous share drifts over the 24
months (2024-01 to 2025-12) with a bump around an election, so the per-outlet, per-author
and per-month charts show differences. The same seed gives the same archive.

``MARKERS`` names, per kind, substrings that only that kind's templates contain (the tests
check it), so a test can tell which kinds an article holds without parsing it;
``bad_rows()`` gives the broken records the error handling must survive.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import string
import sys
import time
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import Path

KINDS = ("named", "anonymous", "secondhand", "loaded", "plain", "quote")
MONTHS = 24
FIRST_YEAR = 2024
MIN_WORDS = 60
MAX_WORDS = 250

# Slot values. All invented; none contains a marker of any kind (the tests check).
POOLS: dict[str, tuple[str, ...]] = {
    "name": tuple(
        f"{first} {last}"
        for first in (
            "Maria", "Daniel", "Amara", "Tomasz", "Priya", "Elena", "Kwame", "Ingrid",
            "Rafael", "Naomi", "Jonas", "Leila", "Mateo", "Hana", "Oskar", "Yusuf",
        )
        for last in (
            "Okafor", "Lindqvist", "Varga", "Mensah", "Castell", "Pereira", "Halloran",
            "Nakamura", "Bexley", "Oduya", "Marchetti", "Sorensen", "Kowal", "Adeyemi",
        )
    ),
    "title": (
        "the city's finance director",
        "the county health commissioner",
        "a spokeswoman for the port commission",
        "a spokesman for the transit authority",
        "the state's attorney general",
        "the transit authority's chief engineer",
        "a professor of economics at Eastbrook University",
        "the chair of the zoning board",
        "the regional police chief",
        "the school district's superintendent",
        "the head of the farmers' union",
        "the hospital's chief executive",
        "a member of the Millhaven town council",
        "the director of the housing office",
    ),
    "role": (
        "the mayor", "the governor", "the council president", "the transit chief",
        "the state treasurer", "the minister", "the senator",
        "the police commissioner", "the port director", "the deputy mayor",
    ),
    "rank": (
        "Mayor", "Council member", "Commissioner", "Senator", "Treasurer",
        "Superintendent", "Alderman", "Representative",
    ),
    "fact": (
        "the budget would be balanced by June",
        "the talks had stalled over pension costs",
        "the bridge repairs would run over budget",
        "the new bus routes would start in the spring",
        "the hospital merger was back on track",
        "water rates would rise next year",
        "the contract had been signed without a public vote",
        "the audit of the housing office would be finished by the fall",
        "two schools in the district would close in August",
        "the harbor dredging had been delayed again",
        "the city had enough money to hire forty more teachers",
        "the landfill would reach capacity within a decade",
        "the deal with the ferry operator had collapsed",
        "the police overtime budget had doubled in two years",
        "the flood barrier would be ready before the storm season",
        "the state would cover most of the cost",
        "no decision had been made on the stadium lease",
        "the tax break for the shipyard would expire in December",
        "the vote on the rent rules would be postponed",
        "the new clinic in Port Calder would open ahead of schedule",
        "the agency had lost track of several road contracts",
        "the pension fund could run short by the end of the decade",
        "the candidate had raised more money than expected",
        "the wildfire recovery money had not yet arrived",
        "the union was ready to return to the table",
        "the zoning change would allow taller buildings near the station",
    ),
    "topic": (
        "the harbor expansion", "the school funding formula", "the new zoning code",
        "the transit budget", "the water treatment contract", "the housing levy",
        "the pension overhaul", "the wildfire recovery plan", "the stadium lease",
        "the ferry contract", "the rent rules", "the hospital merger",
    ),
    "body": (
        "the city council", "the county board of supervisors", "the port commission",
        "the school board", "the state assembly", "the planning commission",
        "the transit authority", "the utilities board", "the housing agency",
    ),
    "place": (
        "Eastbrook", "Millhaven", "Port Calder", "Ashford Ridge", "Lower Wendell",
        "Greyfield", "Orrin Falls", "Saltmarsh", "Northgate", "Pemberton",
    ),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    "when": ("on Monday", "late Tuesday", "on Wednesday morning", "this week", "on Friday"),
    "anon": (
        "a senior official", "a city hall aide", "a longtime staff member",
        "a senior adviser to the governor", "a board member", "a union negotiator",
        "an official in the mayor's office", "a state budget analyst",
    ),
    "count": ("Two", "Three", "Four", "Several"),
    "reason": (
        "the talks were private",
        "the matter is under review",
        "they were not cleared to comment",
        "the negotiations are continuing",
    ),
    "group": ("negotiations", "mayor's office", "governor", "union leadership", "board"),
    "cited": (
        "the Orrin Falls Gazette", "the Tidewater Herald", "the Continental Newswire",
        "the Pemberton Sentinel", "the Calder Observer", "the Lowland Tribune",
        "Greyfield Public Radio", "the Eastbrook Daily",
    ),
    "audience": (
        "contractors", "union leaders", "bondholders", "neighborhood groups",
        "the state auditor", "parents",
    ),
    "document": ("internal emails", "budget documents", "a draft memo", "court filings"),
    "insult": (
        "a giveaway to developers", "reckless", "a disaster in the making",
        "an insult to taxpayers", "a backroom deal",
    ),
    "pct": tuple(str(n) for n in range(23, 78)),
    "number": tuple(str(n) for n in range(3, 40)),
    "year": tuple(str(n) for n in range(1921, 1999)),
    "building": ("library", "fire station", "courthouse", "pumping station", "high school"),
    "line": (
        "We are not going to balance this budget on the backs of bus riders",
        "Nobody in this building wants another delay",
        "The numbers simply do not add up yet",
        "We will have a plan on the table by the end of the month",
        "This is the best offer the city has made in years",
        "I have read the report, and I am not satisfied",
        "Families in Lower Wendell deserve an answer",
        "We built this harbor once and we can rebuild it",
        "There is no money hidden in a drawer somewhere",
        "My door is open to anyone who wants to talk",
        "The schools come first, and they always will",
        "We made a promise to the people of Greyfield",
    ),
    "line2": (
        "We owe people the truth about the cost",
        "That is the job",
        "I expect the board to do the same",
        "Let us get it done this year",
        "Anything less would be a failure",
    ),
    "question": (
        "Who is going to pay for this",
        "Why did it take three years to tell us",
        "What happens to the families on the waiting list",
        "Where was the board when the bills came due",
    ),
}  # fmt: skip

# Each template holds at least one of its kind's MARKERS verbatim; slots are POOLS names.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "named": (
        "{name}, {title}, said on {weekday} that {fact}.",
        "{fact}, {name}, {title}, told reporters.",
        "In a statement released {when}, {name} said {fact}.",
        "{name} testified before {body} that {fact}.",
        "Speaking at a news conference in {place}, {name}, {title}, said {fact}.",
        "{name} wrote in a letter to {body} that {fact}.",
        "{fact}, {name} said during a hearing on {topic}.",
        "{rank} {name} told members of {body} that {fact}.",
    ),
    "anonymous": (
        "{anon}, who spoke on condition of anonymity, said {fact}.",
        "{count} people familiar with the matter said {fact}.",
        "{fact}, said {anon}, who was not authorized to discuss {topic} publicly.",
        "{anon}, who asked not to be identified, said {fact}.",
        "People briefed on {topic} said {fact}.",
        "{anon}, who declined to be named because {reason}, said {fact}.",
        "A person close to the {group} said {fact}.",
        "Officials with knowledge of {topic}, speaking privately, said {fact}.",
    ),
    "secondhand": (
        "According to {cited}, {role} later said {fact}.",
        "It was later reported that {fact}.",
        "{body} reportedly told {audience} that {fact}.",
        "{cited} first reported that {fact}, citing {document}.",
        "{name} said in an interview with {cited} that {fact}.",
        "{name}, {title}, was quoted by {cited} as saying {fact}.",
        "{fact}, {cited} reported in its evening edition.",
        "It is understood that {fact}.",
    ),
    "loaded": (
        "{role} admitted that {fact}.",
        "{name} slammed {topic} as {insult}.",
        "{name}, {title}, begrudgingly announced that {fact}.",
        "{role} insisted {fact}, despite questions from {body}.",
        "{name} claimed that {fact}.",
        "Asked about {topic}, {role} conceded that {fact}.",
        "{name} boasted that {fact}.",
        "{role} fumed that {body} had ignored {topic}.",
        "{role} reluctantly acknowledged that {fact}.",
    ),
    "plain": (
        "{body} is scheduled to vote on {topic} on {weekday}.",
        "Turnout in {place} reached {pct} percent in the last election.",
        "The {building} in {place} was built in {year} and has not been renovated since.",
        "{body} meets again next {weekday}.",
        "The plan covers about {number} miles of road between {place} and Saltmarsh.",
        "Most people in {place} commute to Eastbrook by train or ferry.",
        "The work on {topic} will take about {number} months to complete.",
        "A public hearing on {topic} is set for {weekday} evening in {place}.",
    ),
    "quote": (
        "“{line},” {name} said.",
        "“{line},” said {name}, {title}.",
        "{name}, {title}, said: “{line}.”",
        "“{line},” {name} said. “{line2}.”",
        "“{line},” {name} told the crowd in {place}.",
        "As {name} put it after the meeting, “{line}.”",
        "“{question}?” asked {name}, {title}.",
    ),
}

# Lower-case substrings that occur only in their kind's templates (and in no slot value
# another kind uses): finding one in a text means a sentence of that kind is there.
MARKERS: dict[str, tuple[str, ...]] = {
    "named": (
        "said on ", "told reporters", "in a statement", "testified", "at a news conference",
        "wrote in a letter", "said during", "told members of",
    ),
    "anonymous": (
        "condition of anonymity", "familiar with the matter", "not authorized",
        "not to be identified", "briefed on", "declined to be named", "a person close to",
        "with knowledge of",
    ),
    "secondhand": (
        "according to", "reportedly", "it was later reported", "first reported",
        "in an interview with", "was quoted by", "reported in its", "it is understood",
    ),
    "loaded": (
        "admitted", "slammed", "begrudgingly", "insisted", "claimed", "conceded", "boasted",
        "fumed", "reluctantly",
    ),
    "plain": (
        "is scheduled to", " percent", "was built in", "meets again", "miles of road",
        "commute to", "months to complete", "public hearing",
    ),
    "quote": ("“",),
}  # fmt: skip

# Outlet -> (domain slug, weights of KINDS in order). The mixes differ on purpose.
OUTLETS: dict[str, tuple[str, tuple[float, ...]]] = {
    # Leans on anonymous sources.
    "The Saltmarsh Ledger": ("saltmarsh-ledger", (0.18, 0.30, 0.10, 0.07, 0.20, 0.15)),
    # Runs wire copy: much second-hand attribution.
    "Northgate Dispatch": ("northgate-dispatch", (0.14, 0.10, 0.34, 0.05, 0.25, 0.12)),
    # On the record: names and quotations, almost no anonymity.
    "The Wendell Courier": ("wendell-courier", (0.32, 0.03, 0.05, 0.03, 0.30, 0.27)),
    # Tabloid voice: loaded verbs.
    "Meridian Evening Post": ("meridian-evening-post", (0.18, 0.14, 0.10, 0.25, 0.15, 0.18)),
    # Middle of the road.
    "Civic Lantern": ("civic-lantern", (0.22, 0.12, 0.12, 0.08, 0.28, 0.18)),
}
# Four bylines per outlet, in OUTLETS order; the n-th author of each outlet multiplies
# the anonymous weight by AUTHOR_ANONYMITY[n], so per-author charts differ within an outlet.
BYLINES = (
    ("Ruth Abernathy", "Colm Deasy", "Ifeoma Nwachukwu", "Pieter Aalders"),
    ("Sunita Raghavan", "Magnus Ekdahl", "Teodora Ilić", "Wendell Brisco"),
    ("Akosua Boateng", "Fergus Lachlan", "Mireille Fontaine", "Casimir Zaleski"),
    ("Odette Marchand", "Bram Velthuis", "Nadia Sorokina", "Lucan Featherstone"),
    ("Yara Haddadin", "Tobias Grünwald", "Esi Quartey", "Anselm Rook"),
)
AUTHORS: dict[str, tuple[str, ...]] = dict(zip(OUTLETS, BYLINES, strict=True))
AUTHOR_ANONYMITY = (0.6, 0.9, 1.2, 1.6)
# Anonymous weight drift per outlet: the factor runs from 1 - slope (2024-01) to
# 1 + slope (2025-12); the Ledger leans on anonymity ever more, the Post ever less.
ANONYMITY_SLOPE = {
    "The Saltmarsh Ledger": 0.8,
    "Northgate Dispatch": 0.3,
    "The Wendell Courier": 0.0,
    "Meridian Evening Post": -0.5,
    "Civic Lantern": 0.4,
}
# Months (0 = 2024-01) around an election, when every outlet leans on anonymity more.
ELECTION_BUMP = {9: 1.4, 10: 1.6}

_ANONYMOUS = KINDS.index("anonymous")
_FORMATTER = string.Formatter()


def _fields(template: str) -> tuple[str, ...]:
    """The slot names of a template, in order (none repeats)."""
    return tuple(field for _, field, _, _ in _FORMATTER.parse(template) if field)


# Parsed once, so a sentence draws values for its own slots only (20,000 articles: 1.4 s).
_PARSED = {kind: [(t, _fields(t)) for t in templates] for kind, templates in TEMPLATES.items()}


def _cum_weights(outlet: str, author: int, month: int) -> list[float]:
    """Cumulative KINDS weights of one outlet, author and month (to bisect)."""
    weights = list(OUTLETS[outlet][1])
    drift = 1 + ANONYMITY_SLOPE[outlet] * (month - (MONTHS - 1) / 2) / ((MONTHS - 1) / 2)
    factor = drift * AUTHOR_ANONYMITY[author] * ELECTION_BUMP.get(month, 1.0)
    weights[_ANONYMOUS] *= factor
    total = 0.0
    cumulative = []
    for weight in weights:
        total += weight
        cumulative.append(total)
    return cumulative


_MIXES = {
    (outlet, author, month): _cum_weights(outlet, author, month)
    for outlet in OUTLETS
    for author in range(len(AUTHOR_ANONYMITY))
    for month in range(MONTHS)
}


def _sentence(rng: random.Random, mix: list[float]) -> str:
    """One sentence of a kind drawn from ``mix`` (cumulative weights of KINDS), its slots
    filled and its first letter a capital."""
    # int(random() * n) and bisect, not choice() and choices(): 20,000 articles in 1.4 s
    # rather than 2.2 s, for a bias (under 2**-45) no test or chart can see.
    random_ = rng.random
    kind = KINDS[bisect_right(mix, random_() * mix[-1])]
    parsed = _PARSED[kind]
    template, fields = parsed[int(random_() * len(parsed))]
    values = {}
    for field in fields:
        pool = POOLS[field]
        values[field] = pool[int(random_() * len(pool))]
    text = template.format_map(values)
    return text[0].upper() + text[1:]


def _text(rng: random.Random, mix: list[float]) -> str:
    """2 to 6 paragraphs of MIN_WORDS to MAX_WORDS words, sentences drawn from ``mix``."""
    paragraphs = rng.randint(2, 6)
    per_paragraph = rng.randint(MIN_WORDS, 200) / paragraphs
    body: list[list[tuple[str, int]]] = []
    total = 0
    for _ in range(paragraphs):
        sentences: list[tuple[str, int]] = []
        words = 0
        while not sentences or words < per_paragraph:
            sentence = _sentence(rng, mix)
            sentences.append((sentence, len(sentence.split())))
            words += sentences[-1][1]
        body.append(sentences)
        total += words
    # Each paragraph overshoots its share by up to a sentence: drop the last sentence of
    # the longest paragraphs. (No sentence reaches 40 words, so six one-sentence
    # paragraphs stay under MAX_WORDS and the loop always finds one to trim; the tests
    # check the bound.)
    while total > MAX_WORDS:
        longer = [p for p in body if len(p) > 1]
        if not longer:
            break
        total -= max(longer, key=lambda p: sum(w for _, w in p)).pop()[1]
    # The paragraphs' shares add up to at least MIN_WORDS; this only guards that sum.
    while total < MIN_WORDS:
        sentence = _sentence(rng, mix)
        body[-1].append((sentence, len(sentence.split())))
        total += body[-1][-1][1]
    return "\n\n".join(" ".join(s for s, _ in p) for p in body)


def articles(count: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """``count`` synthetic articles: id, outlet, author, date, url, text (all str).

    Deterministic for a seed (its own ``random.Random``), and a prefix of a longer run
    with the same seed is the shorter run.
    """
    rng = random.Random(seed)
    outlets = list(OUTLETS)
    for number in range(1, count + 1):
        outlet = rng.choice(outlets)
        author = rng.randrange(len(AUTHOR_ANONYMITY))
        month = rng.randrange(MONTHS)
        year, month_of_year = FIRST_YEAR + month // 12, month % 12 + 1
        day = rng.randint(1, calendar.monthrange(year, month_of_year)[1])
        article_id = f"a{number:06d}"
        yield {
            "id": article_id,
            "outlet": outlet,
            "author": AUTHORS[outlet][author],
            "date": f"{year:04d}-{month_of_year:02d}-{day:02d}",
            # The reserved .example domain: an invented URL that can never resolve.
            "url": f"https://{OUTLETS[outlet][0]}.example/{year}/{month_of_year:02d}/{article_id}",
            "text": _text(rng, _MIXES[outlet, author, month]),
        }


def write_jsonl(path: str | Path, count: int, seed: int = 0) -> int:
    """Write ``count`` articles as JSON Lines (UTF-8); return the bytes written."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for article in articles(count, seed):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path.stat().st_size


def write_parquet(path: str | Path, count: int, seed: int = 0, row_group_size: int = 1000) -> int:
    """Write ``count`` articles as Parquet, one row group per ``row_group_size`` articles
    (a batch in memory at a time); return the bytes written."""
    # Imported here: the other writers, and the tests that skip Parquet, need no pyarrow.
    import pyarrow as pa
    import pyarrow.parquet as pq

    if row_group_size < 1:
        raise ValueError("row_group_size must be at least 1")
    path = Path(path)
    fields = ("id", "outlet", "author", "date", "url", "text")
    schema = pa.schema([(name, pa.string()) for name in fields])
    stream = articles(count, seed)
    with pq.ParquetWriter(path, schema) as writer:
        while batch := list(islice(stream, row_group_size)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema), row_group_size)
    return path.stat().st_size


def write_directory(path: str | Path, count: int, seed: int = 0) -> int:
    """Write each article's text to ``path/<outlet-slug>/<id>.txt`` (UTF-8); return the
    bytes written."""
    root = Path(path)
    for slug, _ in OUTLETS.values():
        (root / slug).mkdir(parents=True, exist_ok=True)
    written = 0
    for article in articles(count, seed):
        data = article["text"].encode("utf-8")
        (root / OUTLETS[article["outlet"]][0] / f"{article['id']}.txt").write_bytes(data)
        written += len(data)
    return written


# Text just over 1 MiB in UTF-8 (1,048,576 bytes) yet under 1 Mi characters: the curly
# quotes take three bytes each, so a limit counted in characters would let it through.
_HUGE_UNIT = "“The numbers simply do not add up yet,” she said. "
_HUGE_TEXT = _HUGE_UNIT * (1024 * 1024 // len(_HUGE_UNIT.encode("utf-8")) + 1)


def bad_rows() -> list[dict[str, object]]:
    """Broken JSONL-style records for error-handling tests, each with ``reason_expected``.

    One defect per record, the other fields those of a good article: no ``text``; a
    ``text`` that is a number; one that is a list; an empty ``text``; a ``text`` over
    1 MiB in UTF-8; and a record with no ``id`` (nothing but ``reason_expected``).
    """
    good = next(articles(1, seed=0))
    base = {key: value for key, value in good.items() if key != "text"}
    return [
        {**base, "id": "bad-no-text", "reason_expected": "missing text"},
        {**base, "id": "bad-text-number", "text": 42, "reason_expected": "text not a string"},
        {
            **base,
            "id": "bad-text-list",
            "text": ["First paragraph.", "Second paragraph."],
            "reason_expected": "text not a string",
        },
        {**base, "id": "bad-empty-text", "text": "", "reason_expected": "empty text"},
        {**base, "id": "bad-huge-text", "text": _HUGE_TEXT, "reason_expected": "text too large"},
        {"reason_expected": "missing id"},
    ]


WRITERS = {"jsonl": write_jsonl, "parquet": write_parquet, "dir": write_directory}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="file (jsonl, parquet) or folder (dir) to write")
    parser.add_argument("--articles", type=int, default=20000, help="how many (default 20000)")
    parser.add_argument("--format", choices=sorted(WRITERS), default="jsonl", help="default jsonl")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--row-group-size", type=int, default=1000, help="Parquet rows a group (default 1000)"
    )
    args = parser.parse_args(argv)
    if args.articles < 0:
        sys.exit("--articles must be 0 or more")
    started = time.perf_counter()
    if args.format == "parquet":
        written = write_parquet(args.out, args.articles, args.seed, args.row_group_size)
    else:
        written = WRITERS[args.format](args.out, args.articles, args.seed)
    seconds = time.perf_counter() - started
    what = f"{args.articles:,} articles, {written:,} bytes"
    print(f"{args.out}: {what} ({args.format}, {seconds:.2f} s)")


if __name__ == "__main__":
    main()
