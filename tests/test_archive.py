"""bench/archive.py: the synthetic archives ``sourcelint audit`` is tested and timed on.

An audit test trusts the archive to be repeatable, well formed, and to differ by outlet
and month in the ways the script says; these tests hold it to that.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
FIELDS = {"id", "outlet", "author", "date", "url", "text"}


@pytest.fixture
def archive(monkeypatch: pytest.MonkeyPatch):
    """The bench script, imported as the benches import each other."""
    monkeypatch.syspath_prepend(str(BENCH))
    import archive

    return archive


@pytest.fixture(scope="module")
def sample() -> list[dict[str, str]]:
    """2,000 articles of seed 0, shared by the tests that only read them."""
    sys.path.insert(0, str(BENCH))
    try:
        import archive
    finally:
        sys.path.remove(str(BENCH))
    return list(archive.articles(2000, seed=0))


def anonymous_hits(archive, text: str) -> int:
    lowered = text.lower()
    return sum(lowered.count(marker) for marker in archive.MARKERS["anonymous"])


def test_same_seed_same_archive_other_seed_other(archive):
    assert list(archive.articles(50, seed=3)) == list(archive.articles(50, seed=3))
    assert list(archive.articles(50, seed=3)) != list(archive.articles(50, seed=4))
    # A shorter run is a prefix of a longer one.
    assert list(archive.articles(20, seed=3)) == list(archive.articles(50, seed=3))[:20]


def test_count_and_unique_ids(archive, sample):
    assert len(sample) == 2000
    assert len({article["id"] for article in sample}) == 2000
    assert sample[0]["id"] == "a000001"
    assert list(archive.articles(0)) == []


def test_every_field_is_a_string(archive, sample):
    outlets = set(archive.OUTLETS)
    for article in sample:
        assert set(article) == FIELDS
        assert all(isinstance(value, str) and value for value in article.values())
        assert article["outlet"] in outlets
        assert article["author"] in archive.AUTHORS[article["outlet"]]
        assert article["url"].startswith("https://")
        assert article["url"].endswith(article["id"])
    assert {article["outlet"] for article in sample} == outlets
    assert len({article["author"] for article in sample}) == 20


def test_dates_cover_the_24_months(sample):
    dates = [article["date"] for article in sample]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) for date in dates)
    assert min(dates) >= "2024-01-01"
    assert max(dates) <= "2025-12-31"
    assert len({date[:7] for date in dates}) == 24


def test_text_length_and_paragraphs(archive, sample):
    for article in sample:
        text = article["text"]
        assert archive.MIN_WORDS <= len(text.split()) <= archive.MAX_WORDS
        paragraphs = text.split("\n\n")
        assert 2 <= len(paragraphs) <= 6
        assert all(paragraph.strip() == paragraph and paragraph for paragraph in paragraphs)


def test_no_sentence_reaches_40_words(archive):
    """The trimming in _text relies on it: six one-sentence paragraphs fit MAX_WORDS."""
    for templates in archive.TEMPLATES.values():
        for template in templates:
            fields = archive._fields(template)
            longest = {f: max(archive.POOLS[f], key=lambda v: len(v.split())) for f in fields}
            assert len(template.format_map(longest).split()) < 40


def test_templates_enough_and_marked(archive):
    assert set(archive.TEMPLATES) == set(archive.KINDS) == set(archive.MARKERS)
    for kind, templates in archive.TEMPLATES.items():
        assert len(templates) >= 6, kind
        assert len(set(templates)) == len(templates), kind
        for template in templates:
            assert any(marker in template.lower() for marker in archive.MARKERS[kind]), template


def test_markers_belong_to_one_kind(archive):
    """A marker in a text means its kind: no other kind's template or slot value has it."""
    for kind, markers in archive.MARKERS.items():
        for other, templates in archive.TEMPLATES.items():
            if other == kind:
                continue
            for template in templates:
                values = [v for f in archive._fields(template) for v in archive.POOLS[f]]
                for text in [template, *values]:
                    found = [m for m in markers if m in text.lower()]
                    assert not found, (kind, found, text)


def test_every_kind_appears(archive, sample):
    text = "\n".join(article["text"] for article in sample[:300]).lower()
    for kind, markers in archive.MARKERS.items():
        assert any(marker in text for marker in markers), kind
    # And many shapes of each, not one repeated sentence.
    for kind in ("named", "anonymous", "secondhand", "loaded", "plain"):
        assert sum(marker in text for marker in archive.MARKERS[kind]) >= 6, kind


def test_outlets_differ_in_anonymous_share(archive, sample):
    hits: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for article in sample:
        hits[article["outlet"]] += anonymous_hits(archive, article["text"])
        words[article["outlet"]] += len(article["text"].split())
    share = {outlet: hits[outlet] / words[outlet] for outlet in archive.OUTLETS}
    assert max(share, key=share.get) == "The Saltmarsh Ledger"
    assert min(share, key=share.get) == "The Wendell Courier"
    assert share["The Saltmarsh Ledger"] > 4 * share["The Wendell Courier"]


def test_anonymous_share_drifts_by_month_and_author(archive, sample):
    ledger = [a for a in sample if a["outlet"] == "The Saltmarsh Ledger"]

    def rate(articles: list[dict[str, str]]) -> float:
        hits = sum(anonymous_hits(archive, a["text"]) for a in articles)
        return hits / sum(len(a["text"].split()) for a in articles)

    early = [a for a in ledger if a["date"] < "2024-07"]
    late = [a for a in ledger if a["date"] >= "2025-07"]
    assert rate(late) > 1.5 * rate(early)
    first, *_, last = archive.AUTHORS["The Saltmarsh Ledger"]
    assert rate([a for a in ledger if a["author"] == last]) > rate(
        [a for a in ledger if a["author"] == first]
    )


def test_jsonl_and_parquet_round_trip(archive, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    expected = list(archive.articles(120, seed=7))
    jsonl = tmp_path / "a.jsonl"
    written = archive.write_jsonl(jsonl, 120, seed=7)
    assert written == jsonl.stat().st_size
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected
    parquet = tmp_path / "a.parquet"
    archive.write_parquet(parquet, 120, seed=7, row_group_size=50)
    file = pq.ParquetFile(parquet)
    assert file.metadata.num_row_groups == 3  # 50 + 50 + 20
    assert file.schema_arrow.names == ["id", "outlet", "author", "date", "url", "text"]
    assert file.read().to_pylist() == expected


def test_parquet_of_nothing(archive, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    archive.write_parquet(tmp_path / "empty.parquet", 0)
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0


def test_directory_has_a_file_per_article(archive, tmp_path):
    written = archive.write_directory(tmp_path / "out", 60, seed=2)
    files = sorted((tmp_path / "out").rglob("*.txt"))
    assert len(files) == 60
    slugs = {slug for slug, _ in archive.OUTLETS.values()}
    assert {path.parent.name for path in files} <= slugs
    by_id = {a["id"]: a for a in archive.articles(60, seed=2)}
    for path in files:
        article = by_id[path.stem]
        assert path.parent.name == archive.OUTLETS[article["outlet"]][0]
        assert path.read_text(encoding="utf-8") == article["text"]
    assert written == sum(path.stat().st_size for path in files)


def test_bad_rows(archive):
    rows = archive.bad_rows()
    assert all("reason_expected" in row for row in rows)
    by_id = {row.get("id"): row for row in rows}
    assert "text" not in by_id["bad-no-text"]
    assert isinstance(by_id["bad-text-number"]["text"], int | float)
    assert isinstance(by_id["bad-text-list"]["text"], list)
    assert by_id["bad-empty-text"]["text"] == ""
    huge = by_id["bad-huge-text"]["text"]
    assert isinstance(huge, str)
    assert len(huge.encode("utf-8")) > 1024 * 1024
    assert len(huge) <= 1024 * 1024  # over the limit in bytes only
    assert by_id[None] == {"reason_expected": "missing id"}
    # Each is a JSON Lines record as written.
    for row in rows:
        assert json.loads(json.dumps(row, ensure_ascii=False)) == row


def test_command_line(archive, tmp_path, capsys):
    archive.main([str(tmp_path / "a.jsonl"), "--articles", "25", "--format", "jsonl"])
    out = capsys.readouterr().out
    assert "25 articles" in out
    assert str(tmp_path / "a.jsonl") in out
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 25
    archive.main([str(tmp_path / "d"), "--articles", "5", "--format", "dir", "--seed", "1"])
    assert len(list((tmp_path / "d").rglob("*.txt"))) == 5
