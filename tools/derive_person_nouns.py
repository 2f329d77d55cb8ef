"""Derive the open class of person nouns from WordNet 3.0.

Writes ``src/sourcelint/analysis/vocabulary/person_nouns.txt``: every single-word noun
lemma of a synset that is person.n.01 (``00007846``) or one of its hyponyms, transitively.
Only ordinary hyponym pointers (``~``) are followed; instance hyponyms (``~i``) are named
individuals (Einstein, Lincoln) and are not a class of people. Group senses such as
people.n.01 sit under group.n.01, not under person.n.01, so they are never reached.

Each lemma carries its plural(s) and a class. The primary classes (``person``, ``cap``)
hold only lemmas whose first (most frequent) WordNet noun sense is a person, so that a
linter asking "is the subject of 'said' a person noun?" does not fire on words like
"party", "star" or "head"; lemmas with a person sense that is not their first sense are
kept apart as ``secondary`` / ``cap-secondary`` for callers that opt in.

Standard library only: it reads the Debian ``wordnet-base`` files directly (no nltk).

    apt-get install wordnet-base
    python tools/derive_person_nouns.py
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WORDNET = Path("/usr/share/wordnet")
DEFAULT_OUTPUT = ROOT / "src" / "sourcelint" / "analysis" / "vocabulary" / "person_nouns.txt"
COMMAND = "python tools/derive_person_nouns.py"

PERSON_OFFSET = "00007846"  # person.n.01: person, individual, someone, somebody, mortal, soul

# A usable lemma: letters, with inner hyphens or apostrophes (go-getter, ma'am). Drops
# multi-word lemmas (underscores) and abbreviations with periods (Dr., V.P.).
WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")

# Words ending in -man that are not compounds of "man": plural in -s, not -men.
NOT_MAN_COMPOUNDS = frozenset(
    {
        "alabaman",
        "brahman",
        "cousin-german",
        "dragoman",
        "german",
        "ingerman",
        "norman",
        "oklahoman",
        "ottoman",
        "roman",
        "shaman",
        "turcoman",
        "turkoman",
    }
)
# -ch pronounced /k/ (besides the -arch words): plural in -s.
HARD_CH = frozenset({"czech", "eunuch", "logomach", "sassenach", "taoiseach"})
# noun.exc is morphy's table of irregular inflections, not a clean plural list: a few
# of its forms belong to a non-person sense or are variant singulars. These are left out.
EXC_NOT_PERSON_PLURAL = frozenset(
    {
        ("chela", "chelae"),  # claws; the disciple sense pluralises as chelas
        ("diva", "dive"),  # Italian; English "divas"
        ("genius", "genii"),  # spirits; the person sense pluralises as geniuses
        ("igbo", "ibo"),  # a variant name, not a plural
        ("libra", "librae"),  # the coin; a Libra person, Libras
        ("mamma", "mammae"),  # anatomy; mothers are mammas
        ("medium", "media"),  # the press; spiritualist mediums
        ("yogi", "yogin"),  # a variant singular
    }
)
# Endings whose regular plural is wrong, so only noun.exc's irregular form is kept.
IRREGULAR_ONLY_ENDINGS = (
    "foot",
    "goose",
    "life",
    "louse",
    "mouse",
    "self",
    "thief",
    "wife",
    "wolf",
)
IRREGULAR_ONLY = frozenset({"alumna", "alumnus", "amanuensis", "apotheosis", "magus"})

# Hyphenated compounds whose first element is the head: sons-in-law, lookers-on.
HEAD_LINKS = frozenset({"about", "at", "de", "in", "of", "to"})
PARTICLES = frozenset({"by", "in", "on", "out", "up"})
NOT_HEAD_FIRST = frozenset({"higher-up", "stay-at-home"})
# Plurals no rule above gets right.
EXPLICIT_PLURALS = {
    "knight-errant": "knights-errant",
    "nouveau-riche": "nouveaux-riches",
    "passerby": "passersby",
    "standby": "standbys",
    "vicar-general": "vicars-general",
}

# Words of a definition's first clause that give the defined person's sex.
FEMALE_WORDS = frozenset({"woman", "women", "female", "girl", "lady", "wife", "mother", "daughter"})
MALE_WORDS = frozenset({"man", "men", "male", "boy", "husband", "father", "son"})
# Words that end a definition's head phrase ("who is male" still describes it).
HEAD_ENDS = frozenset({"whose", "which", "of", "to", "in", "for", "with", "from", "by", "at", "on"})

CLASS_ORDER = ("person", "cap", "secondary", "cap-secondary")
CLASS_DOC = {
    "person": "primary. First noun sense is a person; WordNet spells the lemma in lower case.",
    "cap": "primary. Passes the first-sense test only as a capitalised WordNet spelling\n"
    "  (nationalities, peoples, adherents, eponyms, acronyms: American, Pole, Muslim, CEO).\n"
    "  Lower-cased here; match only when capitalised in the text.",
    "secondary": "opt in only. Has a person sense, but the first noun sense is not a person\n"
    "  (source, agent, party, star).",
    "cap-secondary": "opt in only. As cap, but the first capitalised sense is not a person\n"
    "  (Delaware: the state first; Chinese: the language first).",
}


@dataclass
class Synset:
    """One noun synset of data.noun: its words (case kept) and hyponym offsets."""

    words: list[str]
    hyponyms: list[str]
    gloss: str = ""


@dataclass
class Entry:
    """One output line: a lower-cased lemma, its plurals and its class."""

    lemma: str
    plurals: list[str]
    cls: str
    gender: str = ""


def read_data(path: Path) -> tuple[dict[str, Synset], list[str]]:
    """Synsets of a WordNet data file by offset, and the licence text of its header."""
    synsets: dict[str, Synset] = {}
    licence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):  # header: "  <n> <licence text>"
            match = re.match(r"\s+\d+ ?(.*)$", line)
            licence.append(match.group(1).rstrip() if match else "")
            continue
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        offset, count = fields[0], int(fields[3], 16)
        words = [fields[4 + 2 * i] for i in range(count)]
        at = 4 + 2 * count
        pointers = int(fields[at])
        hyponyms = [
            fields[at + 2 + 4 * k]
            for k in range(pointers)
            if fields[at + 1 + 4 * k] == "~" and fields[at + 3 + 4 * k] == "n"
        ]
        synsets[offset] = Synset(words, hyponyms, gloss.strip())
    return synsets, licence


def read_index(path: Path) -> dict[str, tuple[list[str], int]]:
    """index.noun: lower-cased lemma -> (synset offsets in sense order, tagged sense count)."""
    index: dict[str, tuple[list[str], int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        senses, pointer_kinds = int(fields[2]), int(fields[3])
        tagged = int(fields[5 + pointer_kinds])
        offsets = fields[6 + pointer_kinds :]
        if len(offsets) != senses:
            raise ValueError(f"malformed index.noun line: {line!r}")
        index[fields[0]] = (offsets, tagged)
    return index


def read_exceptions(path: Path) -> dict[str, list[str]]:
    """noun.exc inverted: base form -> its irregular inflected forms."""
    forms: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        inflected, *bases = line.split()
        for base in bases:
            forms.setdefault(base, []).append(inflected)
    return forms


def person_synsets(synsets: dict[str, Synset]) -> set[str]:
    """person.n.01 and all its hyponyms, transitively (instance hyponyms excluded)."""
    seen: set[str] = set()
    stack = [PERSON_OFFSET]
    while stack:
        offset = stack.pop()
        if offset not in seen:
            seen.add(offset)
            stack.extend(synsets[offset].hyponyms)
    return seen


def regular_plurals(word: str) -> list[str]:
    """English plural(s) of a lower-case noun by rule (irregulars come from noun.exc)."""
    if word in EXPLICIT_PLURALS:
        return [EXPLICIT_PLURALS[word]]
    head, _, rest = word.partition("-")
    links = rest.split("-")
    if word not in NOT_HEAD_FIRST and (
        (len(links) > 1 and links[0] in HEAD_LINKS)
        or (len(links) == 1 and links[0] in PARTICLES and head.endswith("er"))
    ):
        return [f"{plural}-{rest}" for plural in regular_plurals(head)]
    if word.endswith("person"):
        return [word + "s", word[: -len("person")] + "people"]
    if word.endswith("child"):
        return [word + "ren"]
    if word.endswith("man") and word not in NOT_MAN_COMPOUNDS:
        return [word[:-3] + "men"]
    if word.endswith("wife"):
        return [word[:-4] + "wives"]
    if word.endswith("ese"):
        return [word]  # Chinese, Japanese, Portuguese: invariant
    if word.endswith(("ous", "less", "ois")):
        return [word]  # the religious, the homeless, bourgeois: invariant
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "os")):
        return [word]  # butterfingers, lazybones, slyboots: already plural in form
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith("iz"):
        return [word + "zes"]  # whiz, wiz
    if word.endswith("ch"):
        hard = word.endswith("arch") or word in HARD_CH
        return [word + ("s" if hard else "es")]
    if word.endswith(("s", "x", "z", "sh")):
        return [word + "es"]
    return [word + "s"]


def plurals_of(lemma: str, spellings: Iterable[str], irregular: dict[str, list[str]]) -> list[str]:
    """Plural(s) of a lemma: noun.exc's irregular forms plus the rule-based plural."""
    spelled = sorted(spellings)
    if all(len(s) > 1 and s.isupper() for s in spelled):
        return [lemma + "s"]  # acronyms: CEOs, MPs
    capitalised = all(s[0].isupper() for s in spelled)
    if capitalised and lemma.endswith(("s", "x", "z", "sh")) and not lemma.endswith("ss"):
        return [lemma]  # peoples and demonyms: Iroquois, Sioux, Kirghiz, Amish
    exceptional = [
        form
        for form in irregular.get(lemma, [])
        if (lemma, form) not in EXC_NOT_PERSON_PLURAL and form != lemma
    ]
    regular = regular_plurals(lemma)
    inflects_head = "-" in lemma and any(
        form.split("-", 1)[0] != lemma.split("-", 1)[0] for form in exceptional
    )
    if exceptional and (
        inflects_head or lemma in IRREGULAR_ONLY or lemma.endswith(IRREGULAR_ONLY_ENDINGS)
    ):
        regular = []  # mothers-in-law, alumni, thieves: the rule's plural would be wrong
    return sorted(set(exceptional) | set(regular))


def gender_of(gloss: str) -> str:
    """ "f" or "m" from a word of sex in the head phrase of the definition ("a married
    woman; a man's partner", "a male spokesperson"), else "": the sex a pronoun referring
    to the word agrees with. Parentheses are asides ("(as opposed to a man)")."""
    clause = re.sub(r"\([^)]*\)", " ", gloss.split(";", 1)[0].lower())
    for word in re.findall(r"[a-z]+", clause):
        if word in HEAD_ENDS:
            break  # "the sister of your father": past the head, sex words name others
        if word in FEMALE_WORDS:
            return "f"
        if word in MALE_WORDS:
            return "m"
    return ""


def first_person_sense(
    lemma: str, index: dict[str, tuple[list[str], int]], people: set[str]
) -> str:
    """The offset of the lemma's most frequent person sense."""
    return next(o for o in index[lemma][0] if o in people)


def first_sense_is_person(
    spelling: str,
    index: dict[str, tuple[list[str], int]],
    synsets: dict[str, Synset],
    people: set[str],
) -> bool:
    """Whether the first sense spelled exactly so (case kept) is person.n.01 or below.

    index.noun lists a lemma's senses most frequent first (by SemCor tag counts). Only
    senses whose synset spells the word the same way compete: "Pole" the Polish person
    is the first capitalised sense of "pole", while the rod comes first in lower case.
    """
    offsets, _tagged = index[spelling.lower()]
    same_case = [o for o in offsets if spelling in synsets[o].words]
    return bool(same_case) and same_case[0] in people


@dataclass
class Result:
    """Everything the header reports, and the entries themselves."""

    entries: list[Entry]
    synset_count: int
    lemma_count: int
    multiword: int
    unusual: list[str]
    untagged_order: int


def derive(wordnet: Path) -> tuple[Result, list[str]]:
    """Build the person-noun entries from a WordNet 3.0 directory."""
    synsets, licence = read_data(wordnet / "data.noun")
    index = read_index(wordnet / "index.noun")
    irregular = read_exceptions(wordnet / "noun.exc")
    people = person_synsets(synsets)

    all_lemmas = {word for offset in people for word in synsets[offset].words}
    multiword = sorted(w for w in all_lemmas if "_" in w)
    unusual = sorted(w for w in all_lemmas if "_" not in w and not WORD.fullmatch(w))
    by_lower: dict[str, set[str]] = {}
    for word in all_lemmas:
        if WORD.fullmatch(word):
            by_lower.setdefault(word.lower(), set()).add(word)

    entries: list[Entry] = []
    untagged_order = 0
    for lemma, spellings in sorted(by_lower.items()):
        capitalised = sorted(s for s in spellings if s != lemma)
        if lemma in spellings and first_sense_is_person(lemma, index, synsets, people):
            cls = "person"
        elif any(first_sense_is_person(s, index, synsets, people) for s in capitalised):
            cls = "cap"
        else:
            cls = "secondary" if lemma in spellings else "cap-secondary"
        offsets, tagged = index[lemma]
        if len(offsets) > 1 and tagged == 0:
            untagged_order += 1
        gender = gender_of(synsets[first_person_sense(lemma, index, people)].gloss)
        entries.append(Entry(lemma, plurals_of(lemma, spellings, irregular), cls, gender))

    entries.sort(key=lambda e: (CLASS_ORDER.index(e.cls), e.lemma))
    result = Result(entries, len(people), len(all_lemmas), len(multiword), unusual, untagged_order)
    return result, licence


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file, to pin the exact input the list was derived from."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(result: Result, licence: list[str], wordnet: Path) -> str:
    """The output file: a commented header, then one tab-separated entry per line."""
    counts = {cls: sum(e.cls == cls for e in result.entries) for cls in CLASS_ORDER}
    primary = counts["person"] + counts["cap"]
    dropped = [e.lemma for e in result.entries if e.cls in ("secondary", "cap-secondary")]
    examples = [w for w in ("source", "agent", "party", "star", "head", "model") if w in dropped]
    header = [
        "person_nouns.txt: English nouns that denote a person, derived from WordNet 3.0.",
        f"Generated file, do not edit. Regenerate with: {COMMAND}",
        "(needs the Debian package wordnet-base: apt-get install wordnet-base)",
        "",
        "Source: Princeton WordNet 3.0 noun database as shipped by Debian's wordnet-base",
        f"({wordnet}). SHA-256 of the inputs:",
        *(
            f"  {name}  {sha256(wordnet / name)}"
            for name in ("data.noun", "index.noun", "noun.exc")
        ),
        "",
        "Method: every noun lemma of person.n.01 (synset 00007846) and of its hyponyms,",
        "transitively, following ordinary hyponym pointers (~) only. Instance hyponyms (~i,",
        "named individuals) are not followed; group senses (people.n.01) are not under",
        "person.n.01 and are not reached.",
        f"  synsets reached: {result.synset_count}; distinct lemmas in them: {result.lemma_count}",
        "Filters:",
        f"  - multi-word lemmas (with underscores) dropped: {result.multiword}",
        f"  - lemmas with other characters (periods: Dr., V.P.) dropped: {len(result.unusual)}",
        "    (" + ", ".join(result.unusual) + ")",
        "  - lemmas lower-cased and merged across spellings (democrat / Democrat)",
        "  - first-sense filter: index.noun orders a lemma's senses by SemCor frequency; the",
        "    primary classes keep a lemma only if its first sense with the same spelling",
        "    (case kept) is person.n.01 or a hyponym of it. Lemmas failing it are listed as",
        f"    secondary, not dropped: {len(dropped)} (e.g. {', '.join(examples)}).",
        "    Spelling matters: index.noun merges cases, and lower-case barber, mason, cooper",
        "    would fail behind the surnames Barber, Mason, Cooper if case were ignored.",
        f"    Polysemous lemmas with no SemCor counts (sense order not frequency-based): "
        f"{result.untagged_order}",
        "",
        "Counts:",
        f"  primary (person + cap): {primary}",
        *(f"  {cls}: {counts[cls]}" for cls in CLASS_ORDER),
        f"  total lines: {len(result.entries)}",
        "",
        "Format: lemma<TAB>plural[,plural...]<TAB>class<TAB>gender, sorted by class then",
        "lemma. Gender is f or m when the first clause of the gloss of the lemma's most",
        "frequent person sense names the sex in its head phrase, before any relative or",
        "preposition (woman, female, wife ... / man, male, husband ...: 'wife: a married",
        "woman', 'spokesman: a male spokesperson'; not 'aunt: the sister of your father'),",
        "else empty. Pronouns agree with it ('she' does not refer back to 'her husband').",
        "Plurals: WordNet's noun.exc irregular forms (minus a few that belong to non-person",
        "senses, such as medium -> media), plus regular English rules (-y -> -ies after a",
        "consonant; -s/-x/-z/-ch/-sh -> -es, but -arch -> -archs; -man -> -men, except",
        "non-compounds such as German, shaman; -person -> -persons, -people; -child ->",
        "-children; -wife -> -wives; -ese, -ous, -less and capitalised peoples in -s/-x/-z/-sh",
        "unchanged; acronyms +s; in-law and at-arms compounds inflect their first part).",
        "Classes:",
        *(f"  {line}" for cls in CLASS_ORDER for line in f"{cls}: {CLASS_DOC[cls]}".split("\n")),
        "Hyphenated lemmas (go-getter) are kept; tokenisers that split on hyphens will only",
        "see their last part, which is usually a person noun itself.",
        "",
        "WordNet licence (from the header of data.noun):",
        *(f"  {line}" if line else "" for line in licence),
    ]
    lines = [f"# {line}".rstrip() for line in header]
    current = ""
    for entry in result.entries:
        if entry.cls != current:
            current = entry.cls
            doc = CLASS_DOC[current].split("\n")
            lines.extend(["#", f"# [{current}] {doc[0]}", *(f"# {line}" for line in doc[1:])])
        lines.append(f"{entry.lemma}\t{','.join(entry.plurals)}\t{entry.cls}\t{entry.gender}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the person-noun list and print a short summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET, help="WordNet dict dir")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="file to write")
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.noun").is_file():
        print(f"{args.wordnet}/data.noun not found: apt-get install wordnet-base", file=sys.stderr)
        return 1
    result, licence = derive(args.wordnet)
    if not licence:
        print("no licence header found in data.noun", file=sys.stderr)
        return 1
    args.output.write_text(render(result, licence, args.wordnet), encoding="utf-8")
    counts = {cls: sum(e.cls == cls for e in result.entries) for cls in CLASS_ORDER}
    print(f"wrote {args.output}: {len(result.entries)} lemmas {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
