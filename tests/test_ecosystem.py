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


def test_csl_json_keeps_archive_and_location(record: DocumentRecord) -> None:
    items = to_csl([record])
    archival = [i for i in items if i["type"] == "manuscript"]
    assert archival and archival[0]["archive"] == "RGANI"
    # the CSL archive_location reads back through our own grammar to the same unit
    (back,) = parse_citation(f"{archival[0]['archive']}, {archival[0]['archive_location']}")
    source = next(c for c in record.citations if c.kind == "archival")
    assert (back.fund, back.inventory, back.file, back.pages) == (
        source.fund,
        source.inventory,
        source.file,
        source.pages,
    )
    books = [i for i in items if i["type"] == "book"]
    assert (
        books
        and books[0]["author"] == [{"family": "Chanda"}]
        and books[0]["issued"] == {"date-parts": [[1986]]}
    )


def test_archive_location_notation(record: DocumentRecord) -> None:
    source = next(c for c in record.citations if c.kind == "archival")
    assert archive_location(source) == "f. 5, op. 67, d. 659, ll. 85"


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
