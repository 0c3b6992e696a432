"""Fitting the ecosystem: spaCy plugin, exports (read back), the HTML page, stats."""

from __future__ import annotations

import csv
import html
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from typer.testing import CliRunner

from nerpipe import parse_citation
from nerpipe.batch import run
from nerpipe.cli import app
from nerpipe.export import archive_location, export, to_csl
from nerpipe.jsonl import read_models
from nerpipe.models import Citation, DocumentRecord
from nerpipe.show import _tooltip, render

from .conftest import FIXTURES

runner = CliRunner()


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> DocumentRecord:
    out = tmp_path_factory.mktemp("eco")
    run([FIXTURES / "small-article.txt"], out)
    (doc,) = read_models(out / "documents.jsonl", DocumentRecord)
    return doc


def test_spacy_finds_our_factories_through_entry_points() -> None:
    """A fresh interpreter that never imports nerpipe: spaCy loads the factories itself."""
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('nerpipe_citations', config={'spans_key': 'cites'})\n"
        "nlp.add_pipe('nerpipe_entities')\n"
        "doc = nlp('Pol Pot met Le Duan (RSAMH, Fund 5, inventory 69, file 2314, p. 113).')\n"
        "print(len(doc._.citations), [s.label_ for s in doc.spans['cites']], [(e.text, e.label_) for e in doc.ents][:2])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "1 ['archival'] [('Pol Pot', 'PERSON'), ('Le Duan', 'PERSON')]"


def test_prodigy_export_reads_back_into_spacy(record: DocumentRecord, tmp_path: Path) -> None:
    out = tmp_path / "tasks.jsonl"
    export([record], "prodigy", out)
    (task,) = [json.loads(line) for line in out.read_text().splitlines()]
    doc = spacy.blank("en").make_doc(task["text"])
    spans = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in task["spans"]]
    assert all(spans), "every span must align to tokens"
    assert [(s.text, s.label_) for s in spans] == [(s.text, s.label) for s in record.spans]


def test_docbin_export_loads(record: DocumentRecord, tmp_path: Path) -> None:
    out = tmp_path / "docs.spacy"
    export([record], "docbin", out)
    (doc,) = DocBin().from_disk(out).get_docs(spacy.blank("en").vocab)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (s.start, s.end, s.label) for s in record.spans
    ]
    assert [s.label_ for s in doc.spans["citations"]] == [c.kind for c in record.citations]


def test_conll_export_round_trips_to_the_spans(record: DocumentRecord, tmp_path: Path) -> None:
    out = tmp_path / "docs.conll"
    export([record], "conll", out)
    lines = [line for line in out.read_text().splitlines() if line and not line.startswith("#")]
    entities, current = [], None
    for line in lines:
        token, tag = line.split("\t")
        if tag.startswith("B-"):
            current = [tag[2:], token]
            entities.append(current)
        elif tag.startswith("I-") and current is not None:
            current.append(token)
        else:
            current = None
    decoded = [(e[0], " ".join(e[1:])) for e in entities]
    expected = [(s.label, " ".join(spacy.blank("en").make_doc(s.text).text.split())) for s in record.spans]
    assert [label for label, _ in decoded] == [label for label, _ in expected]
    assert [text.replace(" ", "") for _, text in decoded] == [text.replace(" ", "") for _, text in expected]


def test_csv_export_has_a_row_per_entity_and_citation(record: DocumentRecord, tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    export([record], "csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sum(r["record"] == "entity" for r in rows) == len(record.spans)
    cites = [r for r in rows if r["record"] == "citation"]
    assert [(r["label"], r["file"]) for r in cites] == [(c.kind, c.file or "") for c in record.citations]


def test_csl_json_is_one_item_per_source(record: DocumentRecord) -> None:
    """A source cited twice was two Zotero items; the archive's id stood in for its name."""
    items = to_csl([record])
    (unit,) = [i for i in items if i["type"] == "manuscript"]  # the archival citation and its ibid
    assert {k: unit[k] for k in ("archive", "archive-place", "archive_location", "note")} == {
        "archive": "Russian State Archive of Contemporary History",
        "archive-place": "Moscow",
        "archive_location": "f. 5, op. 67, d. 659, ll. 85-86",
        "note": "nerpipe: cited 2 times in small-article (2)",
    }
    # the archive and its location read back through our own grammar to the same unit
    (back,) = parse_citation(f"{unit['archive']}, {unit['archive_location']}")
    assert (back.archive, back.fund, back.inventory, back.file, back.pages) == (
        "RGANI",
        "5",
        "67",
        "659",
        [(85, 86)],
    )
    (book,) = [i for i in items if i["type"] == "book"]  # "(Chanda 1986, p. 59)" and its reference entry
    assert book["author"] == [{"family": "Chanda"}] and book["issued"] == {"date-parts": [[1986]]}
    assert book["note"] == "nerpipe: cited 1 time in small-article (1)" and "page" not in book
    assert len({i["id"] for i in items}) == len(items)


def _cite(kind: str, **fields: object) -> Citation:
    return Citation(start=0, end=1, kind=kind, text="x", **fields)  # type: ignore[arg-type]


UNIT = {"archive": "GARF", "fund": "R-5446", "inventory": "1", "file": "12"}


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        (  # one unit cited in two documents, at one sheet and a range: one item
            [[_cite("archival", **UNIT, pages=[(6, 6)])], [_cite("archival", **UNIT, pages=[(7, 9)])]],
            [("f. R-5446, op. 1, d. 12, ll. 6-9", "nerpipe: cited 2 times in d0 (1), d1 (1)")],
        ),
        (  # a single sheet is "l."
            [[_cite("archival", **UNIT, pages=[(6, 6)])]],
            [("f. R-5446, op. 1, d. 12, l. 6", "nerpipe: cited 1 time in d0 (1)")],
        ),
        (  # another file of the same fund is another item
            [[_cite("archival", **UNIT), _cite("archival", **{**UNIT, "file": "13"})]],
            [("f. R-5446, op. 1, d. 12", "nerpipe: cited 1 time in d0 (1)"),
             ("f. R-5446, op. 1, d. 13", "nerpipe: cited 1 time in d0 (1)")],
        ),
        (  # an ibid counts for its antecedent's unit
            [[_cite("archival", **UNIT, pages=[(1, 1)]), _cite("ibid", **UNIT, pages=[(3, 3)], antecedent=0)]],
            [("f. R-5446, op. 1, d. 12, ll. 1, 3", "nerpipe: cited 2 times in d0 (2)")],
        ),
        (  # a work cited twice without a reference list: one item
            [[_cite("bibliographic", authors=["Kiernan"], year="1985", pages=[(12, 12)]),
              _cite("bibliographic", authors=["Kiernan"], year="1985", pages=[(40, 40)])]],
            [(None, "nerpipe: cited 2 times in d0 (2)")],
        ),
        (  # interviews are no CSL items
            [[_cite("interview", persons=["Nguyen Co Thach"])]],
            [],
        ),
    ],
)  # fmt: skip
def test_csl_json_counts_every_citation_of_a_source(
    docs: list[list[Citation]], expected: list[tuple[str | None, str]]
) -> None:
    records = [
        DocumentRecord(id=f"d{n}", text_sha256="0" * 64, citations=cites) for n, cites in enumerate(docs)
    ]
    items = to_csl(records)
    assert [(i.get("archive_location"), i["note"]) for i in items] == expected
    assert all(i["archive"] == "State Archive of the Russian Federation" for i in items if "archive" in i)


@pytest.mark.parametrize(
    ("fields", "location"),
    [
        ({"fund": "5", "inventory": "67", "file": "659", "pages": [(85, 85)]}, "f. 5, op. 67, d. 659, l. 85"),
        (
            {"fund": "5", "inventory": "67", "file": "659", "pages": [(85, 86)]},
            "f. 5, op. 67, d. 659, ll. 85-86",
        ),
        ({"fund": "89", "folder": "2", "file": "10", "subfile": "3"}, "f. 89, papka 2, d. 10, dossier 3"),
    ],
)
def test_archive_location_notation(fields: dict[str, object], location: str) -> None:
    assert archive_location(_cite("archival", **fields)) == location


def test_show_page_marks_every_entity_and_citation(record: DocumentRecord) -> None:
    page = render(record, (FIXTURES / "small-article.txt").read_text(encoding="utf-8"))
    article = page.split("<article>")[1].split("</article>")[0]
    assert article.count('<mark class="entity"') == len(record.spans)
    assert article.count('<span class="cite') == len(record.citations)
    assert "Archive units cited" in page and "RGANI f. 5, op. 67, d. 659" in page


def test_show_command_writes_a_page(record: DocumentRecord, tmp_path: Path) -> None:
    out_dir = tmp_path / "run"
    run([FIXTURES / "small-article.txt"], out_dir)
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["show", "small-article", "--in", str(out_dir), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert page.read_text().startswith("<!DOCTYPE html>")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package 'chromium')")
def test_show_page_renders_in_headless_chromium(record: DocumentRecord, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        render(record, (FIXTURES / "small-article.txt").read_text(encoding="utf-8")), encoding="utf-8"
    )
    shot = tmp_path / "shot.png"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,900", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000, "a page with highlighted text, not a blank screen"


PANEL_PROBE = """<script>
addEventListener("load", () => {
  const aside = document.querySelector("aside");
  const panels = aside.querySelectorAll("section");
  const last = panels[panels.length - 1];
  scrollTo(0, document.body.scrollHeight / 3);  // a reader a third of the way into the article
  const reading = scrollY;
  aside.scrollTop = aside.scrollHeight;  // scroll the panel column alone, the article stays
  const box = last.getBoundingClientRect();
  document.title = JSON.stringify({
    panels: panels.length,
    scrolls: aside.scrollHeight > aside.clientHeight,
    column_fits: aside.getBoundingClientRect().bottom <= innerHeight + 1,
    end_of_last_in_view: box.bottom > 0 && box.bottom <= innerHeight + 1,
    article_stayed: scrollY === reading && reading > 0,
  });
});
</script>"""


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package 'chromium')")
def test_show_panels_below_the_first_two_can_be_reached(
    nlp: Language, seed_text: str, tmp_path: Path
) -> None:
    """The panel column was as tall as its panels: the lower ones came into view only at the
    end of the article. It scrolls on its own now."""
    from nerpipe.extract import extract

    record = extract(seed_text, "seed", nlp=nlp)
    page = tmp_path / "page.html"
    page.write_text(render(record, seed_text).replace("</body>", PANEL_PROBE + "</body>"), encoding="utf-8")
    result = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,600", "--dump-dom", page.as_uri()],
        check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    title = html.unescape(result.stdout.split("<title>")[1].split("</title>")[0])
    assert json.loads(title) == {
        "panels": 5,
        "scrolls": True,
        "column_fits": True,
        "end_of_last_in_view": True,
        "article_stayed": True,
    }


@pytest.mark.parametrize(
    ("citation", "lines", "absent"),
    [
        (
            Citation(start=0, end=4, kind="ibid", text="Ibid", pages=[(142, 142)], antecedent=0),
            ["[7] ibid", "pages: p. 142", "antecedent: [0]"],  # 0 is an index, not "empty"
            ["(142, 142)", "[(", "None", "resolutions"],
        ),
        (
            Citation(start=0, end=9, kind="archival", text="f. 5, d. 1", archive="RGANI", archive_stated=False,
                     fund="5", file="1", pages=[(39, 40), (61, 61)], reference=2),
            ["[7] archival", "archive stated: no", "pages: pp. 39-40, 61", "reference: [2]"],
            ["False", "[(39"],
        ),
        (
            Citation(start=0, end=9, kind="bibliographic", text="Chanda 1986", authors=["Chanda", "Kiernan"],
                     year="1986", warnings=["year differs", "title differs"]),
            ["authors: Chanda, Kiernan", "warnings: year differs; title differs"],
            ["['Chanda'", "True"],
        ),
    ],
)  # fmt: skip
def test_show_tooltips_read_as_print(citation: Citation, lines: list[str], absent: list[str]) -> None:
    tip = _tooltip(7, citation)
    assert all(line in tip.splitlines() for line in lines), tip
    assert not any(a in tip for a in absent), tip


def test_show_empty_panel_says_none(record: DocumentRecord) -> None:
    page = render(record.model_copy(update={"entities": [], "citations": []}), "x" * 10_000)
    aside = page.split("<aside>")[1].split("</aside>")[0]
    assert aside.count("<p class='none'>none</p>") == 5 and "<li>none</li>" not in aside


def test_stats_json(record: DocumentRecord, tmp_path: Path) -> None:
    out_dir = tmp_path / "run"
    run([FIXTURES / "small-article.txt"], out_dir)
    result = runner.invoke(app, ["stats", str(out_dir / "documents.jsonl"), "--json"])
    data = json.loads(result.output)
    assert data["documents"] == 1 and data["errors"] == 0
    assert data["spans_per_label"] == {
        label: sum(s.label == label for s in record.spans) for label in data["spans_per_label"]
    }
    assert data["citations_per_archive"] == {"RGANI": 1}
